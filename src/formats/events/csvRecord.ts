/**
 * Splits one CSV record that holds quotes into its cells (RFC 4180: `,` between cells, a cell
 * that starts with `"` is quoted, `""` inside it is one quote, line breaks inside it are kept).
 * A quote inside an unquoted cell is a literal character, as papaparse reads it.
 */
import { linePositions } from "../../text/lineBreaks.ts";

const QUOTE = 0x22;
const COMMA = 0x2c;

/** The cells of `text` (one whole record), or the message saying why it is malformed. */
export function splitQuotedRecord(text: string): string[] | string {
  const texts: string[] = [];
  let pos = 0;
  for (;;) {
    const cell = texts.length + 1;
    if (text.charCodeAt(pos) !== QUOTE) {
      const end = text.indexOf(",", pos);
      texts.push(text.slice(pos, end === -1 ? text.length : end));
      if (end === -1) return texts;
      pos = end + 1;
      continue;
    }
    let value = "";
    let from = pos + 1;
    for (;;) {
      const close = text.indexOf('"', from);
      if (close === -1) return `malformed CSV: the quoted field ${cell} is not closed`;
      value += text.slice(from, close);
      if (text.charCodeAt(close + 1) !== QUOTE) {
        pos = close + 1;
        break;
      }
      value += '"';
      from = close + 2;
    }
    texts.push(value);
    // Blanks after the closing quote are tolerated (papaparse, which read these records before, dropped them).
    while (text[pos] === " " || text[pos] === "\t") pos++;
    if (pos >= text.length) return texts;
    if (text.charCodeAt(pos) !== COMMA) {
      return `malformed CSV: unexpected ${JSON.stringify(text[pos])} after the closing quote of field ${cell} (column ${linePositions(text)(pos).column})`;
    }
    pos++;
  }
}
