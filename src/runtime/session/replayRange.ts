/**
 * Output records a session no longer keeps, reproduced: a fresh run of the same plan, settings
 * and input replayed to the session's position, keeping only the records asked for. The job is
 * deterministic, so they are the records the session's run produced.
 */
import type { SessionInput } from "./sessionInput.ts";
import { SessionRun, type RunPlan, type RunSink } from "./sessionRun.ts";
import type { OutputKind, OutputViews, RunConfig } from "./sessionTypes.ts";

/**
 * The records of list `kind` whose position `wanted` accepts (in list order), reproduced by
 * replaying a fresh run to the position of `upTo` (its items, and the end of input if it ended).
 */
export function replayRange<K extends OutputKind>(
  plan: RunPlan,
  config: RunConfig,
  input: SessionInput,
  upTo: { readonly items: number; readonly ended: boolean },
  kind: K,
  wanted: (seq: number) => boolean,
): OutputViews[K][] {
  const records: unknown[] = [];
  const list: OutputKind = kind;
  const sink: RunSink = {
    output: (k, seq, view) => {
      if (k === list && wanted(seq)) records.push(view());
    },
    touched: () => undefined,
    problem: () => undefined,
  };
  const replay = new SessionRun(plan, config, input, sink);
  try {
    while (replay.items < upTo.items && replay.consume() !== "none") {
      /* one item consumed */
    }
    if (upTo.ended) replay.consume();
  } catch {
    // The error the session met (and reports) at this position: what came before is all there is.
  }
  // Only views of list `kind` were collected.
  return records as OutputViews[K][];
}
