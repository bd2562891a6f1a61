/**
 * How long the page's main thread stays blocked while something runs: a timer that ticks every
 * 10 ms records the longest gap between two ticks (a blocked thread runs no timer).
 */
import { expect } from "@playwright/test";
import type { Page } from "@playwright/test";

/** The longest the page may go without running a timer: the tab stays usable. */
export const RESPONSIVE_MS = 1000;

interface StallProbe {
  longest: number;
}

declare global {
  var __stallProbe: StallProbe | undefined;
}

/** Starts timing the longest gap between timer ticks on the page's main thread. */
export async function startStallProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const probe: StallProbe = { longest: 0 };
    globalThis.__stallProbe = probe;
    let last = performance.now();
    const tick = (): void => {
      const now = performance.now();
      probe.longest = Math.max(probe.longest, now - last);
      last = now;
      setTimeout(tick, 10);
    };
    setTimeout(tick, 10);
  });
}

/** Asserts the main thread never stalled for {@link RESPONSIVE_MS} since {@link startStallProbe}. */
export async function expectResponsive(page: Page): Promise<void> {
  const longest = await page.evaluate(() => globalThis.__stallProbe?.longest ?? Infinity);
  expect(longest, "longest main-thread stall (ms)").toBeLessThan(RESPONSIVE_MS);
}
