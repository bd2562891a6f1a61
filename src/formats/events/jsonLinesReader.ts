/**
 * JSON Lines (`.jsonl`, stdin): one JSON object per line; blank lines are skipped. A line ends
 * at LF, CRLF or a lone CR, as Flink's line-based file sources (`BufferedReader.readLine`) end
 * it; a record holds no raw line break, so a CR is never inside one.
 */
import type { EventReader, ReadItemSink } from "./eventReader.ts";
import { readJsonRecord } from "./jsonRecord.ts";
import { textEncodingProblem } from "./recordText.ts";

/** A reader for JSON Lines; each line is parsed on its own, losslessly. */
export function createJsonLinesReader(sink: ReadItemSink): EventReader {
  let line = 0;
  let failed = false;
  const readLine = (text: string): void => {
    if (text.trim() === "") return;
    sink(readJsonRecord(text, line, 1));
  };
  return {
    pushLine(text: string): void {
      line++;
      if (failed) return;
      if (line === 1) {
        const encoding = textEncodingProblem(text);
        if (encoding !== null) {
          failed = true;
          sink({ type: "fatal", line, message: encoding });
          return;
        }
      }
      const body = text.endsWith("\r") ? text.slice(0, -1) : text;
      if (!body.includes("\r")) {
        readLine(body);
        return;
      }
      const parts = body.split("\r");
      for (let i = 0; i < parts.length; i++) {
        if (i > 0) line++;
        readLine(parts[i] ?? "");
      }
    },
    end(): void {
      // Nothing is held back between lines.
    },
  };
}
