/**
 * JSON Lines (`.jsonl`, stdin): one JSON object per line; blank lines are skipped.
 */
import type { EventReader, ReadItemSink } from "./eventReader.ts";
import { readJsonRecord } from "./jsonRecord.ts";

/** A reader for JSON Lines; each line is parsed on its own, losslessly. */
export function createJsonLinesReader(sink: ReadItemSink): EventReader {
  let line = 0;
  return {
    pushLine(text: string): void {
      line++;
      if (text.trim() === "") return;
      sink(readJsonRecord(text, line, 1));
    },
    end(): void {
      // Nothing is held back between lines.
    },
  };
}
