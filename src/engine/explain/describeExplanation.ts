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
      return `${which ?? "A partial match"} is discarded: its window ended at ${time(run.windowEnd ?? 0)}, before this event; it is reported as a timeout.`;
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
      return `${which ?? "A new run"} completes the pattern with this event${because(run, true, "take")}.${heldBack}`;
    case "ignored":
      return `${which ?? "A run"} skips the event and keeps waiting (relaxed contiguity${because(run, false, "take", "; ")}).`;
    case "broke-contiguity":
      return `${which ?? "A run"} is dropped: strict contiguity needs the very next event to match ${quote(run.stage)}${because(run, false, "take", ", but ")}.`;
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
  const take = run.transitions.find((t) => t.action === "take" && t.result === true);
  return take ? take.from : null;
}

function stopStage(run: RunExplanation): string | null {
  return run.transitions.find((t) => t.toKind === "stop" && t.result === true)?.to ?? null;
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
 * given action that ended with `result`; all evaluations when `action` is null.
 */
function because(
  run: RunExplanation,
  result: boolean,
  action: TransitionCheck["action"] | null,
  lead = " — ",
): string {
  const said = new Set<string>();
  for (const check of run.transitions) {
    if (action !== null && (check.action !== action || check.result !== result)) continue;
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
