import { describe, expect, it } from "vitest";
import { CLOSED, PASTED_NAME, closedImported, closedKeeping, opened } from "./importDialogStore.ts";
import type { ImportDialogState, ImportSource } from "./importDialogStore.ts";

const typed: ImportSource = { text: '{"nodes": [', fileName: PASTED_NAME };
const file: ImportSource = { text: '{"id": "1"}', fileName: "rules.json" };

/** Opens plainly, leaves `left` in the box and closes without importing. */
function pasteAndClose(state: ImportDialogState, left: ImportSource): ImportDialogState {
  return closedKeeping(opened(state, null), left);
}

describe("import dialog draft", () => {
  it("opens empty when nothing was kept", () => {
    const state = opened(CLOSED, null);
    expect(state).toMatchObject({ open: true, initial: null, fromDraft: false, draft: null, openCount: 1 });
  });

  it("keeps the text of a dialog closed without importing, and reopens with it", () => {
    const closed = pasteAndClose(CLOSED, typed);
    expect(closed).toMatchObject({ open: false, initial: null, draft: typed });
    const reopened = opened(closed, null);
    expect(reopened).toMatchObject({
      open: true,
      initial: typed,
      fromDraft: true,
      draft: typed,
      openCount: 2,
    });
  });

  it("keeps the name the text's messages use", () => {
    const fromFile = pasteAndClose(CLOSED, file);
    expect(opened(fromFile, null).initial).toEqual(file);
  });

  it("an empty box (cleared, or never filled) leaves no draft", () => {
    const kept = pasteAndClose(CLOSED, typed);
    const cleared = closedKeeping(opened(kept, null), { text: "", fileName: PASTED_NAME });
    expect(cleared.draft).toBeNull();
    expect(opened(cleared, null)).toMatchObject({ initial: null, fromDraft: false });
    expect(pasteAndClose(CLOSED, { text: "  \n", fileName: PASTED_NAME }).draft).toBeNull();
  });

  it("the text as last left wins over the draft it started from", () => {
    const edited: ImportSource = { text: `${typed.text}]}`, fileName: PASTED_NAME };
    const state = closedKeeping(opened(pasteAndClose(CLOSED, typed), null), edited);
    expect(state.draft).toEqual(edited);
  });

  it("a successful import drops the draft", () => {
    const importing = opened(pasteAndClose(CLOSED, typed), null);
    const done = closedImported(importing);
    expect(done).toMatchObject({ open: false, initial: null, fromDraft: false, draft: null });
    expect(opened(done, null).initial).toBeNull();
  });

  it("a dropped file opens with that file, and the draft waits for the next plain open", () => {
    const kept = pasteAndClose(CLOSED, typed);
    const dropped = opened(kept, file);
    expect(dropped).toMatchObject({ open: true, initial: file, fromDraft: false, draft: typed });
    // Closed with the file's text as it came, or an emptied box: the file is on disk, the draft stays.
    expect(closedKeeping(dropped, file).draft).toEqual(typed);
    expect(closedKeeping(dropped, { text: "", fileName: PASTED_NAME }).draft).toEqual(typed);
    expect(opened(closedKeeping(dropped, file), null)).toMatchObject({ initial: typed, fromDraft: true });
  });

  it("a dropped file that could not be read leaves the draft alone", () => {
    const kept = pasteAndClose(CLOSED, typed);
    const problem = { fileName: "huge.json", message: "too large" };
    const closed = closedKeeping(opened(kept, problem), { text: "", fileName: PASTED_NAME });
    expect(closed.draft).toEqual(typed);
  });

  it("a dropped file's text edited in the box is the user's work: it becomes the draft", () => {
    const edited: ImportSource = { text: '{"id": "2"}', fileName: PASTED_NAME };
    const closed = closedKeeping(opened(pasteAndClose(CLOSED, typed), file), edited);
    expect(closed.draft).toEqual(edited);
  });

  it("a dropped file's import leaves the draft, which was never in that dialog", () => {
    const done = closedImported(opened(pasteAndClose(CLOSED, typed), file));
    expect(done).toMatchObject({ open: false, initial: null, draft: typed });
    expect(opened(done, null)).toMatchObject({ initial: typed, fromDraft: true });
  });
});
