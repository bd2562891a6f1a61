/**
 * Streams a data set to the worker as its new input: `beginEvents`, one chunk at a time (each
 * awaited, so a large file neither sits in memory as one string nor floods the worker; file
 * bytes are transferred, not copied), then `endEvents`. The first chunk's sample tells the
 * condition editors which event fields there are.
 */
import { setEventFields } from "../../editors/conditionContext.ts";
import type { InferredField, SourceProgress } from "../../runtime/sources/index.ts";
import type { WorkerClient } from "../../ui/worker/workerClient.ts";
import { sampleEvents } from "../data/fileSample.ts";
import { chunksOf, fileNameOf, sampleTextOf, totalBytesOf, type DataSpec } from "./dataSpec.ts";

/** Offers the data's field paths (`data.productId` for nested ones) to the condition editors. */
function announceFields(fields: readonly InferredField[]): void {
  const paths: string[] = [];
  const walk = (list: readonly InferredField[], at: string) => {
    for (const field of list) {
      paths.push(`${at}${field.name}`);
      walk(field.fields, `${at}${field.name}.`);
    }
  };
  walk(fields, "");
  setEventFields(paths);
}

/**
 * Sends `spec` to the worker. Stops early (returning false) once `stale()` says a newer load
 * replaced this one; rejects with the worker's error.
 */
export async function streamData(
  client: WorkerClient,
  spec: DataSpec,
  onProgress: (progress: SourceProgress) => void,
  stale: () => boolean,
): Promise<boolean> {
  const totalBytes = totalBytesOf(spec);
  const fileName = fileNameOf(spec);
  await client.request({ type: "beginEvents", fileName, ...(totalBytes === null ? {} : { totalBytes }) });
  let first = true;
  for await (const chunk of chunksOf(spec)) {
    if (stale()) return false;
    if (first) {
      first = false;
      announceFields(sampleEvents(sampleTextOf(chunk), fileName, false).schema.fields);
    }
    const answer =
      "buffer" in chunk
        ? await client.request({ type: "eventsChunk", bytes: chunk.buffer }, [chunk.buffer])
        : await client.request({
            type: "eventsChunk",
            text: chunk.text,
            ...(chunk.bytes === undefined ? {} : { byteLength: chunk.bytes }),
          });
    onProgress(answer.progress);
  }
  if (stale()) return false;
  await client.request({ type: "endEvents" });
  return true;
}
