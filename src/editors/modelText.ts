/**
 * Puts a new text from outside (the document's undo, the canvas, another panel) into a Monaco
 * editor as one minimal edit (see `textEdit.ts`): the cursor and the scroll position survive.
 */
import type { editor } from "monaco-editor/editor/editor.api.js";
import { minimalEdit } from "./textEdit.ts";

/**
 * Replaces the text of `editor`'s model with `text`; false when it already held exactly that.
 *
 * The editor's own undo history is dropped, as a text input's is when a script sets its value:
 * Ctrl+Z in an editor undoes typing. Kept, it would undo the outside change itself — after the
 * app's Undo took typed text back, Ctrl+Z in the editor would bring it back as a new change and
 * wipe the app's Redo.
 */
export function replaceModelText(codeEditor: editor.ICodeEditor, text: string): boolean {
  const model = codeEditor.getModel();
  if (!model) return false;
  const edit = minimalEdit(model.getValue(), text);
  if (edit === null) return false;
  const from = model.getPositionAt(edit.start);
  const to = model.getPositionAt(edit.end);
  // As an edit first, so the cursor moves with the text around it.
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
  const selections = codeEditor.getSelections();
  const scrollTop = codeEditor.getScrollTop();
  const scrollLeft = codeEditor.getScrollLeft();
  // Setting the same text again is Monaco's one public way to empty a model's undo stack.
  model.setValue(model.getValue());
  if (selections !== null) codeEditor.setSelections(selections);
  codeEditor.setScrollPosition({ scrollTop, scrollLeft });
  return true;
}
