/**
 * Page object for feeding the Data tab files as they come from outside: bytes in any encoding,
 * files too big to write out in a spec (made here), and what the preview says of them.
 */
import type { Locator, Page } from "@playwright/test";

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
