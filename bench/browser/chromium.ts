/**
 * Debian's Chromium for the browser benchmarks, launched headless through `@playwright/test`
 * with the flags of `playwright.config.ts` (Playwright's own browser downloads are impossible on
 * this project's machines).
 */
import { chromium, type Browser } from "@playwright/test";

/** The flags of playwright.config.ts. */
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Launches `/usr/bin/chromium` (or `CHROMIUM_PATH`), headless. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
}
