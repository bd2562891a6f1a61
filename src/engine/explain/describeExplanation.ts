/**
 * An {@link EventExplanation} in plain English, one sentence per run (plus matches, pruning and
 * errors), for the simulator's Explain view. Stage names are quoted as the user wrote them.
 */
import type { EventExplanation, RunExplanation, TransitionCheck } from "./explanation.ts";

/** How times are written; the default prints the number (`t=1577836867000`). */
export interface DescribeOptions {
  readonly formatTime?: (timestamp: number) => string;
}

/** The explanation as sentences, in the order things happened. */
export function describeExplanation(explanation: EventExplanation, options: DescribeOptions = {}): string[] {
  const time = options.formatTime ?? ((t: number) => `t=${String(t)}`);
  const sentences: string[] = [];
  for (const run of explanation.runs) {
    const sentence = describeRun(run, explanation, time);
    if (sentence !== null) sentences.push(sentence);
  }
  if (explanation.error !== null) {
    sentences.push(`Processing stops with an error: ${explanation.error.message}`);
  }
  const matches = explanation.matches.length;
  if (matches > 0) {
    const list = explanation.matches
      .map((m) => m.map((s) => `${quote(s.stage)} ×${String(s.events.length)}`).join(", "))
      .join("; ");
    sentences.push(`${matches === 1 ? "1 match is" : `${String(matches)} matches are`} emitted (${list}).`);
  }
  for (const pruned of explanation.pruned) {
    sentences.push(
      `The after-match skip strategy ${explanation.skipStrategy} discards the ${
        pruned.completed ? "completed match" : `partial match waiting in ${quote(pruned.stage)}`
      } that started at ${time(pruned.startTimestamp)}.`,
    );
  }
  for (const capped of explanation.capped) {
    sentences.push(
      `The key now holds more partial matches than its cap allows: the partial match waiting in ${quote(
        capped.stage,
      )} that started at ${time(capped.startTimestamp)} is dropped.`,
    );
  }
  if (sentences.length === 0)
    sentences.push("Nothing happens: the key holds no partial match and no stage takes the event.");
  return sentences;
}

function describeRun(
  run: RunExplanation,
  explanation: EventExplanation,
  time: (timestamp: number) => string,
): string | null {
  const which =
    run.kind === "start"
      ? null
      : `The partial match waiting in ${quote(run.stage)} (started at ${time(run.startTimestamp ?? 0)}${eventsSaid(run)})`;
  const heldBack = run.branches.some((b) => b.heldBack)
    ? ` It is held back until the partial matches that started earlier finish (${explanation.skipStrategy}).`
    : "";
  switch (run.outcome) {
    case "discarded-by-window":
      return `${which ?? "A partial match"} is discarded: its window ended at ${time(run.windowEnd ?? 0)}, before this event${
        explanation.timedOut.length > 0 ? "; it is reported as a timeout" : ""
      }.`;
    case "matched-by-window":
      return `${which ?? "A partial match"} matches: its window ended at ${time(run.windowEnd ?? 0)} without the event ${quote(run.stage)} forbids.`;
    case "started":
      return `${quote(takenInto(run) ?? run.stage)} takes the event: a new partial match starts${because(run, true, "take")}.${completedToo(run)}`;
    case "unaffected":
      return run.transitions.length === 0
        ? null
        : `No new partial match: ${quote(run.stage)} does not take the event${because(run, false, "take")}.`;
    case "extended":
      return `${which ?? "A run"} takes the event into ${quote(takenInto(run) ?? run.stage)}${because(run, true, "take")}.${keptCopy(run)}`;
    case "completed":
      return `${which ?? "A new run"} ${completion(run)}.${discardedToo(run)}${heldBack}`;
    case "ignored":
      return `${which ?? "A run"} skips the event and keeps waiting (relaxed contiguity${because(run, false, "take", "; ")}).`;
    case "broke-contiguity":
      return `${which ?? "A run"} is dropped: strict contiguity needs the very next event to match ${takeStages(run)}${because(run, false, "take", ", but ")}.`;
    case "stopped-by-not":
      return `${which ?? "A run"} is discarded: NOT stage ${quote(stopStage(run) ?? run.stage)} sees a forbidden event${because(run, true, "proceed")}.`;
    case "dropped":
      return `${which ?? "A run"} is dropped: no transition applies to the event${because(run, false, null)}.`;
    case "failed":
      return `${which ?? "A new partial match"} cannot be decided: a condition failed.`;
  }
}

/** ", events: view@t, cart@t" for a partial match. */
function eventsSaid(run: RunExplanation): string {
  if (run.events.length === 0) return "";
  return `, with ${run.events.map((e) => quote(e.stage)).join(", ")}`;
}

/** The stage a take put the event into. */
function takenInto(run: RunExplanation): string | null {
  const take = run.transitions.find((t) => t.action === "take" && t.result === true && t.toKind !== "stop");
  return take ? take.from : null;
}

function stopStage(run: RunExplanation): string | null {
  return run.transitions.find((t) => t.toKind === "stop" && t.result === true)?.to ?? null;
}

/**
 * How a run completed: with the event (a TAKE, then PROCEEDs to the end), or without it (a
 * `notNext` at the end whose forbidden event did not come: the event itself is not in the match).
 */
function completion(run: RunExplanation): string {
  // Only the TAKEs that completed it: other branches of the run may have taken the event too.
  const completing = new Set(run.branches.filter((b) => b.toKind === "end" && b.took).map((b) => b.stage));
  if (completing.size > 0) {
    return `completes the pattern with this event${because(run, true, "take", undefined, completing)}`;
  }
  const not = run.transitions.find((t) => t.toKind === "stop")?.to ?? null;
  const forbids = not === null ? "" : `: NOT stage ${quote(not)} does not forbid it`;
  return `completes the pattern without taking this event${forbids}${because(run, false, "proceed")}`;
}

/** A completed run whose other branches a NOT stage discarded on the same event. */
function discardedToo(run: RunExplanation): string {
  const stop = stopStage(run);
  return stop === null
    ? ""
    : ` Its other branches are discarded: NOT stage ${quote(stop)} sees a forbidden event.`;
}

/** The stages whose TAKE the run checked ('a' or 'b'): any of them could have kept it. */
function takeStages(run: RunExplanation): string {
  const stages = new Set(
    run.transitions.filter((t) => t.action === "take" && !t.afterTake).map((t) => t.from),
  );
  return stages.size === 0 ? quote(run.stage) : [...stages].map(quote).join(" or ");
}

function completedToo(run: RunExplanation): string {
  return run.branches.some((b) => b.toKind === "end") ? " It completes the pattern at once." : "";
}

function keptCopy(run: RunExplanation): string {
  return run.branches.some((b) => !b.took && b.toKind === "stage")
    ? " A copy that skipped the event keeps waiting too (skip till any)."
    : "";
}

/**
 * " (condition `x` of 'stage' was true)": the stage conditions behind the transitions of the
 * given action that ended with `result` (leaving a stage of `from`, when given); all
 * evaluations when `action` is null.
 */
function because(
  run: RunExplanation,
  result: boolean,
  action: TransitionCheck["action"] | null,
  lead = " — ",
  from: ReadonlySet<string> | null = null,
): string {
  const said = new Set<string>();
  for (const check of run.transitions) {
    if (action !== null && (check.action !== action || check.result !== result)) continue;
    if (from !== null && !from.has(check.from)) continue;
    // A Stop state's own TAKE of the forbidden event is why the run stops, not why it took or completed.
    if (action === "take" && check.toKind === "stop") continue;
    for (const e of check.evaluations) {
      const outcome = e.result === "error" ? `failed (${e.error ?? ""})` : `is ${String(e.result)}`;
      said.add(
        `${e.role === "until" ? "until condition" : "condition"} \`${e.text}\` of ${quote(e.stage)} ${outcome}`,
      );
    }
  }
  return said.size === 0 ? "" : `${lead}${[...said].join("; ")}`;
}

function quote(stage: string): string {
  return `'${stage}'`;
}
