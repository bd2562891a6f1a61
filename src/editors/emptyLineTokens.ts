/**
 * Corrects a defect of Monaco's token store (monaco-editor 0.57: `ContiguousTokensEditing.insert`
 * in vs/editor/common/tokens/contiguousTokensEditing.js) that made typing in a JSON editor raise
 * "Token length and text length do not match!" as an uncaught error.
 *
 * A model keeps each line's syntax tokens and shifts them on every edit until the background
 * tokenizer colours the line again. A line that was empty when it was tokenized holds the shared
 * `EMPTY_LINE_TOKENS` marker, which the store reads as "length 0". Text inserted into such a line
 * left the marker as it was, so the store still said length 0. When the next edit joined that
 * line onto the one above before the tokenizer came back (text typed over a selection that ends
 * there), the joined line's tokens ended short of its text, and the next read of them (the
 * auto-closing bracket check as `{` is typed, the renderer) reported the mismatch. Select all in
 * the broadcast schedule (`[]` and an empty last line) and type `[{"at": 0, "config": {…}}]`:
 * `[` wraps the selection, putting `]` on the empty line; `"a` replaces the selection, joining
 * the lines; the nested `{` reads the short tokens.
 *
 * The correction: text inserted into an empty line makes its tokens unknown (null), which is
 * what the store holds for lines it has not tokenized yet, reads as one plain token over the
 * whole text, and carries through later edits; the tokenizer colours the line on its next pass,
 * as it does any edited line.
 */
import {
  ContiguousTokensEditing,
  EMPTY_LINE_TOKENS,
} from "monaco-editor/editor/common/tokens/contiguousTokensEditing.js";

let corrected = false;

/** Installs the correction in Monaco's token store (once; before the first model is edited). */
export function correctEmptyLineTokenEdits(): void {
  if (corrected) return;
  corrected = true;
  const insert = ContiguousTokensEditing.insert.bind(ContiguousTokensEditing);
  ContiguousTokensEditing.insert = (lineTokens, chIndex, textLength) =>
    lineTokens === EMPTY_LINE_TOKENS && textLength > 0 ? null : insert(lineTokens, chIndex, textLength);
}
