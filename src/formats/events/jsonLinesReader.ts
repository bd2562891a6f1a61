/**
 * JSON Lines (`.jsonl`, stdin): one JSON object per line; blank lines are skipped.
 */
import type { EventReader, ReadItemSink } from "./eventReader.ts";
import { jsonRecordItem } from "./eventReader.ts";
import { parseJsonData } from "../json/jsonData.ts";

/** A reader for JSON Lines; each line is parsed on its own, losslessly. */
export function createJsonLinesReader(sink: ReadItemSink): EventReader {
  let line = 0;
  return {
    pushLine(text: string): void {
      line++;
      if (text.trim() === "") return;
      const result = parseJsonData(text);
      if (!result.ok) {
        const { column, message } = result.problem;
        sink({ type: "problem", line, message: `invalid JSON at column ${column}: ${message}` });
        return;
      }
      sink(jsonRecordItem(result.value, line));
    },
    end(): void {
      // Nothing is held back between lines.
    },
  };
}
