import { describe, expect, it } from "vitest";
import {
  CLOSED,
  PASTED_NAME,
  closedImported,
  closedKeeping,
  draftCleared,
  edited,
  fileChosen,
  opened,
} from "./importDialogStore.ts";
import type { ImportDialogState, ImportSource } from "./importDialogStore.ts";

const typed: ImportSource = { text: '{"nodes": [', fileName: PASTED_NAME };
const file: ImportSource = { text: '{"id": "1"}', fileName: "rules.json" };

/** The open dialog's box left holding `left`, as typing or a file would leave it, then closed. */
function closedWith(state: ImportDialogState, left: ImportSource): ImportDialogState {
  return closedKeeping({ ...state, box: left });
}

/** Opens plainly, leaves `left` in the box and closes without importing. */
function pasteAndClose(state: ImportDialogState, left: ImportSource): ImportDialogState {
  return closedWith(opened(state, null), left);
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
    const cleared = closedWith(opened(kept, null), { text: "", fileName: PASTED_NAME });
    expect(cleared.draft).toBeNull();
    expect(opened(cleared, null)).toMatchObject({ initial: null, fromDraft: false });
    expect(pasteAndClose(CLOSED, { text: "  \n", fileName: PASTED_NAME }).draft).toBeNull();
  });

  it("the text as last left wins over the draft it started from", () => {
    const left: ImportSource = { text: `${typed.text}]}`, fileName: PASTED_NAME };
    const state = closedWith(opened(pasteAndClose(CLOSED, typed), null), left);
    expect(state.draft).toEqual(left);
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
    expect(closedWith(dropped, file).draft).toEqual(typed);
    expect(closedWith(dropped, { text: "", fileName: PASTED_NAME }).draft).toEqual(typed);
    expect(opened(closedWith(dropped, file), null)).toMatchObject({ initial: typed, fromDraft: true });
  });

  it("a dropped file that could not be read leaves the draft alone", () => {
    const kept = pasteAndClose(CLOSED, typed);
    const problem = { fileName: "huge.json", message: "too large" };
    const closed = closedWith(opened(kept, problem), { text: "", fileName: PASTED_NAME });
    expect(closed.draft).toEqual(typed);
  });

  it("a dropped file's text edited in the box is the user's work: it becomes the draft", () => {
    const dropped = opened(pasteAndClose(CLOSED, typed), file);
    const closed = closedKeeping(edited(dropped, '{"id": "2"}'));
    expect(closed.draft).toEqual({ text: '{"id": "2"}', fileName: PASTED_NAME });
  });

  it("a dropped file's import leaves the draft, which was never in that dialog", () => {
    const done = closedImported(opened(pasteAndClose(CLOSED, typed), file));
    expect(done).toMatchObject({ open: false, initial: null, draft: typed });
    expect(opened(done, null)).toMatchObject({ initial: typed, fromDraft: true });
  });
});

describe("a file replacing the box's text keeps the user's text as the draft", () => {
  /** The dialog opened plainly (with whatever draft there is) and `text` typed into its box. */
  function typedIn(state: ImportDialogState, text: string): ImportDialogState {
    return edited(opened(state, null), text);
  }

  const other: ImportSource = { text: '{"id": "other"}', fileName: "other.json" };

  it("the box opens with what the dialog reads, and edits name the box", () => {
    expect(opened(CLOSED, null).box).toEqual({ text: "", fileName: PASTED_NAME });
    expect(opened(CLOSED, file).box).toEqual(file);
    expect(opened(pasteAndClose(CLOSED, typed), null).box).toEqual(typed);
    expect(edited(opened(CLOSED, file), "x").box).toEqual({ text: "x", fileName: PASTED_NAME });
  });

  it("a chosen file replacing typed text keeps it; importing the file leaves it for the next open", () => {
    const chosen = fileChosen(typedIn(CLOSED, typed.text), file);
    expect(chosen).toMatchObject({ open: true, box: file, initial: file, fromDraft: false, draft: typed });
    const done = closedImported(chosen);
    expect(done.draft).toEqual(typed);
    expect(opened(done, null)).toMatchObject({ initial: typed, box: typed, fromDraft: true });
    // Closed with the file as it came, or its box emptied: the typed text is still the draft.
    expect(closedKeeping(chosen).draft).toEqual(typed);
    expect(closedKeeping(edited(chosen, "")).draft).toEqual(typed);
  });

  it("a chosen file replacing the draft, as kept or edited, keeps what the box held", () => {
    const kept = pasteAndClose(CLOSED, typed);
    expect(fileChosen(opened(kept, null), file)).toMatchObject({ fromDraft: false, draft: typed });
    const left = `${typed.text}]}`;
    const replaced = fileChosen(edited(opened(kept, null), left), file);
    expect(closedImported(replaced).draft).toEqual({ text: left, fileName: PASTED_NAME });
  });

  it("nothing to keep: a blank box, the file's own text, another file's text as it came", () => {
    const kept = pasteAndClose(CLOSED, typed);
    const dropped = opened(kept, other);
    expect(fileChosen(edited(dropped, "  "), file).draft).toEqual(typed);
    expect(fileChosen(typedIn(CLOSED, file.text), file).draft).toBeNull();
    expect(fileChosen(dropped, file).draft).toEqual(typed);
    expect(fileChosen(fileChosen(opened(CLOSED, null), other), file).draft).toBeNull();
  });

  it("the file's text edited and replaced by another file is kept", () => {
    const chosen = fileChosen(opened(CLOSED, null), other);
    const replaced = fileChosen(edited(chosen, `${other.text} `), file);
    expect(replaced.draft).toEqual({ text: `${other.text} `, fileName: PASTED_NAME });
  });

  it("a file dropped on the open dialog replaces it and keeps the typed text", () => {
    const open = typedIn(CLOSED, typed.text);
    const dropped = opened(open, file);
    expect(dropped).toMatchObject({
      open: true,
      initial: file,
      box: file,
      fromDraft: false,
      draft: typed,
      openCount: open.openCount + 1,
    });
    expect(opened(closedImported(dropped), null)).toMatchObject({ initial: typed, fromDraft: true });
    const problem = { fileName: "huge.json", message: "too large" };
    expect(opened(open, problem)).toMatchObject({ initial: problem, box: { text: "" }, draft: typed });
    // The file's own text already in the box: nothing of the user's is replaced.
    expect(opened(opened(CLOSED, file), file).draft).toBeNull();
  });

  it("Clear forgets the draft: a file chosen after it and imported does not bring it back", () => {
    const cleared = draftCleared(opened(pasteAndClose(CLOSED, typed), null));
    expect(cleared).toMatchObject({ fromDraft: false, draft: null, box: { text: "" } });
    expect(closedImported(fileChosen(cleared, file)).draft).toBeNull();
    expect(closedKeeping(cleared).draft).toBeNull();
  });
});
