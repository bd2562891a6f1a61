/**
 * Phase "load": a large generated CSV picked in the Data tab while the driver keeps giving the
 * page input — a pointer move every 20 ms and a key (Shift, which no shortcut uses) every
 * 200 ms, through the browser's real input pipeline — from the pick until the page shows the
 * whole file read. The probe measures how long each input waited (`uiProbe.ts`).
 */
import type { Browser, Page } from "@playwright/test";
import {
  fromProbe,
  loadedPosition,
  openApp,
  openDockTab,
  pickFile,
  textOf,
  type DriverGlobal,
} from "./appDriver.ts";
import type { CsvFixture } from "./csvFixture.ts";
import type { LoadProbeResult, LoadWatch } from "./uiProbeApi.ts";

/** Input cadence: a pointer move this often (a moving mouse), a key every tenth time. */
const INPUT_EVERY_MS = 20;
/** How long the idle page is given input before the pick. */
const BASELINE_MS = 2000;
/** Longest a load may take. */
const LOAD_TIMEOUT_MS = 10 * 60 * 1000;

export interface LoadPhaseResult {
  readonly probe: LoadProbeResult;
  /** The same input for {@link BASELINE_MS} before the pick, the page idle. */
  readonly baseline: LoadProbeResult;
  /** The run state shown after the load (`ready`). */
  readonly state: string;
  /** Rows the simulator skipped as malformed (0 for generated data). */
  readonly skippedRows: string;
}

export async function runLoadPhase(
  browser: Browser,
  url: string,
  probeScript: string,
  fixture: CsvFixture,
): Promise<LoadPhaseResult> {
  const page = await openApp(browser, url, probeScript);
  try {
    await openDockTab(page, "data");
    const dock = await page.getByTestId("sim.dock").boundingBox();
    if (dock === null) throw new Error("the simulator dock is not visible");
    const x = dock.x + dock.width / 2;
    const y = dock.y + dock.height / 2;
    await page.mouse.move(x, y);

    // The same input for a moment before the load: what the page answers when idle.
    await startProbe(page, null);
    const idleUntil = Date.now() + BASELINE_MS;
    await giveInput(page, x, y, () => Promise.resolve(Date.now() >= idleUntil));
    const baseline = await stopProbe(page);

    await startProbe(page, { expectedPosition: loadedPosition(fixture.events) });
    await pickFile(page, fixture.path);
    const deadline = Date.now() + LOAD_TIMEOUT_MS;
    await giveInput(page, x, y, async () => {
      const state = fromProbe(
        await page.evaluate(() => (globalThis as unknown as DriverGlobal).__cepBenchProbe?.loadState()),
      );
      return state.done || state.failure !== null || Date.now() >= deadline;
    });
    const probe = await stopProbe(page);
    return {
      probe,
      baseline,
      state: await textOf(page, "sim.state"),
      skippedRows: await textOf(page, "sim.skippedRows"),
    };
  } finally {
    await page.context().close();
  }
}

async function startProbe(page: Page, watch: LoadWatch | null): Promise<void> {
  fromProbe(
    await page.evaluate((w) => {
      const probe = (globalThis as unknown as DriverGlobal).__cepBenchProbe;
      probe?.startLoad(w);
      return probe === undefined ? undefined : true;
    }, watch),
  );
}

async function stopProbe(page: Page): Promise<LoadProbeResult> {
  return fromProbe(
    await page.evaluate(() => (globalThis as unknown as DriverGlobal).__cepBenchProbe?.stopLoad()),
  );
}

/**
 * A pointer move every {@link INPUT_EVERY_MS} (alternating 24 px apart around x, y) and a Shift
 * key press every tenth time, until `over()` (asked every tenth time) says so.
 */
async function giveInput(page: Page, x: number, y: number, over: () => Promise<boolean>): Promise<void> {
  for (let i = 0; ; i++) {
    const started = Date.now();
    await page.mouse.move(x + (i % 2 === 0 ? 12 : -12), y);
    if (i % 10 === 9) await page.keyboard.press("Shift");
    if (i % 10 === 4 && (await over())) return;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, INPUT_EVERY_MS - (Date.now() - started))));
  }
}
