/**
 * The in-memory clipboard the copy, paste and duplicate commands share. Its text form is the
 * stage clipboard JSON (`edits/clipboard.ts`), so the app can also put it on the system clipboard
 * and accept it back from a paste event.
 */
import { clipboardToText, parseClipboardText } from "../edits/clipboard.ts";
import type { StageClipboard } from "../edits/clipboard.ts";

let current: StageClipboard | null = null;

/** What was copied last, or null. */
export function currentClipboard(): StageClipboard | null {
  return current;
}

/** Replaces the clipboard. */
export function setClipboard(clip: StageClipboard | null): void {
  current = clip;
}

/** The clipboard as JSON text for the system clipboard, or null when nothing was copied. */
export function clipboardText(): string | null {
  return current && clipboardToText(current);
}

/**
 * Takes text from the system clipboard (a paste event); true when it held copied stages, which
 * the next paste then inserts. Other text leaves the clipboard as it was.
 */
export function setClipboardText(text: string): boolean {
  const clip = parseClipboardText(text);
  if (clip) current = clip;
  return clip !== null;
}
