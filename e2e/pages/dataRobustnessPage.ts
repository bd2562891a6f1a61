/**
 * Page object for feeding the Data tab files as they come from outside: bytes in any encoding,
 * files too big to write out in a spec (made here), and a probe of how long the page's main
 * thread stays blocked while they load.
 */
import { expect } from "@playwright/test";
import type { Locator, Page } from "@playwright/test";

/** The longest the page may go without running a timer while data loads (the tab stays usable). */
export const RESPONSIVE_MS = 1000;

interface StallProbe {
  longest: number;
}

declare global {
  var __dataStallProbe: StallProbe | undefined;
}

export class DataRobustnessPage {
  constructor(readonly page: Page) {}

  private control(id: string): Locator {
    return this.page.getByTestId(`sim.${id}`);
  }

  /** The preview's verdict on the picked file. */
  get verdict(): Locator {
    return this.control("preview.schema");
  }

  /** The preview's list of rows read with a warning. */
  get previewWarnings(): Locator {
    return this.control("preview.warnings");
  }

  /** Starts timing the longest gap between timer ticks on the page's main thread. */
  async startStallProbe(): Promise<void> {
    await this.page.evaluate(() => {
      const probe: StallProbe = { longest: 0 };
      globalThis.__dataStallProbe = probe;
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

  /** Asserts the main thread never stalled for {@link RESPONSIVE_MS} since the probe started. */
  async expectResponsive(): Promise<void> {
    const longest = await this.page.evaluate(() => globalThis.__dataStallProbe?.longest ?? Infinity);
    expect(longest, "longest main-thread stall (ms)").toBeLessThan(RESPONSIVE_MS);
  }
}

/** ASCII `text` as UTF-16LE with its byte-order mark (as Windows Notepad saves "Unicode"). */
export function utf16le(text: string): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) bytes[2 + i * 2] = text.charCodeAt(i);
  return bytes;
}

/** `text` as Latin-1 (ISO 8859-1) bytes: one byte per character. */
export function latin1(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}
