/**
 * Phase "timeline": the benchmark's Q1 rule (`view next cart next purchase` within 30 min) as
 * the document's rule set, a generated CSV picked in the Data tab and played to the end at full
 * speed (so the Timeline also draws matches, timeouts and the watermark), then the Timeline
 * tab in a full-HD window with the dock at its tallest (≈ 20 lanes in view): one second
 * untouched (the frame rate the browser gives at most), then panned and zoomed for a few
 * seconds — Fit, wheel notches around the pointer, drags across time and lanes, as fast as the
 * browser takes them. The probe counts animation frames and canvas redraws.
 */
import type { Browser, Locator, Page } from "@playwright/test";
import { exportRule } from "../../src/formats/dynamicCep/index.ts";
import { workloadById } from "../workloads.ts";
import {
  fromProbe,
  openApp,
  openDockTab,
  pickFile,
  textOf,
  waitLoaded,
  type DriverGlobal,
} from "./appDriver.ts";
import type { CsvFixture } from "./csvFixture.ts";
import type { FrameProbeResult } from "./uiProbeApi.ts";

const CANVAS = "sim.timeline.canvas";
/** Longest loading or playing the data may take. */
const RUN_TIMEOUT_MS = 5 * 60 * 1000;
/** How long the untouched timeline is sampled. */
const IDLE_MS = 1000;
/** A full-HD window, so the dock can take its largest height. */
const VIEWPORT = { width: 1920, height: 1080 } as const;

export interface TimelinePhaseResult {
  readonly idle: FrameProbeResult;
  readonly busy: FrameProbeResult;
  /** The Matches and Timeouts tab labels after the run (`Matches123`). */
  readonly matches: string;
  readonly timeouts: string;
}

export async function runTimelinePhase(
  browser: Browser,
  url: string,
  probeScript: string,
  fixture: CsvFixture,
  seconds: number,
): Promise<TimelinePhaseResult> {
  const page = await openApp(browser, url, probeScript, VIEWPORT);
  try {
    const q1 = exportRule({ id: "1", version: 1, pattern: workloadById("Q1").pattern(), function: null });
    await page.evaluate((json) => {
      const hook = (globalThis as unknown as DriverGlobal).__cepTest;
      if (hook === undefined) throw new Error("window.__cepTest is missing");
      hook.loadRuleSet(JSON.parse(json));
    }, JSON.stringify(q1));
    await openDockTab(page, "data");
    await pickFile(page, fixture.path);
    await waitLoaded(page, fixture.events, RUN_TIMEOUT_MS);
    const speed = page.getByTestId("sim.speed");
    await speed.focus();
    await speed.press("End");
    await page.getByTestId("sim.play").click();
    await page
      .getByTestId("sim.state")
      .filter({ hasText: /^finished$/ })
      .waitFor({ timeout: RUN_TIMEOUT_MS });

    // The dock at its largest (the splitter's End key), then the Timeline tab.
    const splitter = page.getByTestId("app.splitter.dock");
    await splitter.focus();
    await splitter.press("End");
    await openDockTab(page, "timeline");
    const canvas = page.getByTestId(CANVAS);
    await canvas.waitFor();
    await page.locator(".sim-timeline-empty").waitFor({ state: "detached" });
    const box = await canvas.boundingBox();
    if (box === null) throw new Error("the timeline canvas is not visible");
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForTimeout(500);

    const idle = await measureFrames(page, () => page.waitForTimeout(IDLE_MS));
    const fit = page.getByTestId("sim.timeline.fit");
    const busy = await measureFrames(page, () => panAndZoom(page, box, fit, seconds * 1000));
    return {
      idle,
      busy,
      matches: await textOf(page, "sim.tab.matches"),
      timeouts: await textOf(page, "sim.tab.timeouts"),
    };
  } finally {
    await page.context().close();
  }
}

async function measureFrames(page: Page, during: () => Promise<void>): Promise<FrameProbeResult> {
  fromProbe(
    await page.evaluate((testId) => {
      const probe = (globalThis as unknown as DriverGlobal).__cepBenchProbe;
      probe?.startFrames(testId);
      return probe === undefined ? undefined : true;
    }, CANVAS),
  );
  await during();
  return fromProbe(
    await page.evaluate(() => (globalThis as unknown as DriverGlobal).__cepBenchProbe?.stopFrames()),
  );
}

/**
 * Fits the whole stream (so every round starts from the same view), zooms in (6 wheel notches
 * at the centre), drags left and down across lanes, drags back, zooms out again — repeated until
 * `ms` have passed.
 */
async function panAndZoom(
  page: Page,
  box: { x: number; y: number; width: number; height: number },
  fit: Locator,
  ms: number,
): Promise<void> {
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const { mouse } = page;
  const drag = async (dx: number, dy: number) => {
    await mouse.move(cx, cy);
    await mouse.down();
    for (let step = 1; step <= 15; step++) await mouse.move(cx + (dx * step) / 15, cy + (dy * step) / 15);
    await mouse.up();
  };
  const end = Date.now() + ms;
  while (Date.now() < end) {
    await fit.click();
    await mouse.move(cx, cy);
    for (let notch = 0; notch < 6; notch++) await mouse.wheel(0, -100);
    await drag(-300, 120);
    await drag(300, -120);
    for (let notch = 0; notch < 6; notch++) await mouse.wheel(0, 100);
  }
}
