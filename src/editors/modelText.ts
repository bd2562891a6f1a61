/**
 * Puts a new text into a Monaco model as one minimal edit (see `textEdit.ts`): the cursor and
 * the scroll position survive, and the change is one step on the editor's own undo stack.
 */
import type { editor } from "monaco-editor/editor/editor.api.js";
import { minimalEdit } from "./textEdit.ts";

/** Replaces `model`'s text with `text`; false when it already held exactly that text. */
export function replaceModelText(model: editor.ITextModel, text: string): boolean {
  const edit = minimalEdit(model.getValue(), text);
  if (edit === null) return false;
  const from = model.getPositionAt(edit.start);
  const to = model.getPositionAt(edit.end);
  model.pushEditOperations(
    [],
    [
      {
        range: {
          startLineNumber: from.lineNumber,
          startColumn: from.column,
          endLineNumber: to.lineNumber,
          endColumn: to.column,
        },
        text: edit.text,
      },
    ],
    () => null,
  );
  return true;
}
