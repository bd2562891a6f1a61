/**
 * JSON Lines (`.jsonl`, stdin): one JSON object per line; blank lines are skipped. Lines are cut
 * by {@link RecordLines} (LF, CRLF or a lone CR, as Flink's line-based file sources end them); a
 * record holds no raw line break, so a CR is never inside one.
 */
import type { EventReader, ReadItemSink } from "./eventReader.ts";
import { readJsonRecord } from "./jsonRecord.ts";
import { RecordLines } from "./recordLines.ts";
import { recordTooLong, textEncodingProblem } from "./recordText.ts";

/** A reader for JSON Lines; each line is parsed on its own, losslessly. */
export function createJsonLinesReader(sink: ReadItemSink): EventReader {
  let line = 0;
  let failed = false;
  const lines = new RecordLines({
    line(text) {
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
      if (text.trim() === "") return;
      sink(readJsonRecord(text, line, 1));
    },
    tooLong(length) {
      line++;
      if (failed) return;
      sink({ type: "problem", line, message: recordTooLong(length) });
    },
  });
  return {
    push(text: string): void {
      if (!failed) lines.push(text);
    },
    end(): void {
      if (!failed) lines.end();
    },
  };
}
