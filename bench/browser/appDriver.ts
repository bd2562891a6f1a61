/**
 * The UI benchmark's steps on the app's page, through the same test ids as the end-to-end page
 * objects (`sim.*`, src/simulator): open the app with the probe injected, wait for the
 * simulator, pick a file in the Data tab, call the probe.
 */
import type { Browser, Page } from "@playwright/test";
import { PROBE_GLOBAL, type UiProbeApi } from "./uiProbeApi.ts";

/** Longest the app may take to start (first load of the built app, the demo data read). */
const START_TIMEOUT_MS = 60_000;

/** The page's global object as far as the driver's `evaluate` callbacks use it. */
export interface DriverGlobal {
  [PROBE_GLOBAL]?: UiProbeApi;
  __cepTest?: { loadRuleSet(json: unknown): void };
}

/**
 * Fails the run when `value` (what a probe call in the page returned) is missing: the probe
 * was not installed. (`evaluate` callbacks run in the page, so they name the global directly.)
 */
export function fromProbe<T>(value: T | undefined): T {
  if (value === undefined) throw new Error("the bench probe is not installed in the page");
  return value;
}

/** The simulator's position readout once `events` events are read and none processed. */
export function loadedPosition(events: number): string {
  // The readout's number format (countText in src/simulator/format/timeText.ts: "750 000").
  return `event 0 / ${events.toLocaleString("en-US").replaceAll(",", " ")}`;
}

/** The smallest window the app is built for. */
const SMALL_VIEWPORT = { width: 1280, height: 720 } as const;

/** A fresh page (own context: no state from another phase) with the probe, on the started app. */
export async function openApp(
  browser: Browser,
  url: string,
  probeScript: string,
  viewport: { readonly width: number; readonly height: number } = SMALL_VIEWPORT,
): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.addInitScript({ content: probeScript });
  await page.goto(url);
  // The demo data is loaded and the run is ready to play.
  await page
    .getByTestId("sim.state")
    .filter({ hasText: /^ready$/ })
    .waitFor({ timeout: START_TIMEOUT_MS });
  return page;
}

/** Opens a tab of the simulator dock. */
export async function openDockTab(page: Page, id: string): Promise<void> {
  await page.getByTestId(`sim.tab.${id}`).click();
}

/** Picks `path` in the Data tab's file input (a recognised schema loads at once). */
export async function pickFile(page: Page, path: string): Promise<void> {
  await page.getByTestId("sim.file").setInputFiles(path);
}

/** Waits until the simulator shows `events` events read and is ready to play. */
export async function waitLoaded(page: Page, events: number, timeoutMs: number): Promise<void> {
  await page
    .getByTestId("sim.position")
    .filter({ hasText: loadedPosition(events) })
    .waitFor({ timeout: timeoutMs });
  await page
    .getByTestId("sim.state")
    .filter({ hasText: /^ready$/ })
    .waitFor({ timeout: timeoutMs });
}

/** The text of a test id's element, trimmed ("" when absent). */
export async function textOf(page: Page, testId: string): Promise<string> {
  const element = page.getByTestId(testId);
  return (await element.count()) === 0 ? "" : (await element.first().innerText()).trim();
}
