import { useMemo, useState } from "react";
import { useDocument } from "../../document/useDocument.ts";
import type { ExplainResult } from "../../runtime/session/index.ts";
import { simulator } from "../controller/simulatorController.ts";
import { useLiveQuery } from "../inspector/useLiveQuery.ts";
import { useRunPosition, useSimulation } from "../simulationStore.ts";
import { ConditionTable } from "./ConditionTable.tsx";
import { explainHeading, explainSentences } from "./explainText.ts";
import { revealHiddenCharacters } from "../../model/hiddenCharacters.ts";
import { VisibleSentence } from "../../ui/text/VisibleText.tsx";
import "./ExplainTab.css";

/** An event by its input line, or by its input item (the Stream tab's selection) — and the rule. */
type Question = ({ readonly line: number } | { readonly position: number }) & { readonly ruleId: string };

/** `line 3` or `input item 7`. */
function questionName(question: Question): string {
  return "line" in question ? `line ${question.line}` : `input item ${question.position}`;
}

/** The rule ids running now, each once, in activation order. */
function useRunningRuleIds(): readonly string[] {
  const rules = useSimulation((s) => s.summary?.activeRules);
  return useMemo(() => [...new Set((rules ?? []).map((r) => r.id))], [rules]);
}

/**
 * Explain: pick an event (by its input line, or a line of the match selected in a table) and a
 * rule, and read why the event did or did not start, extend or complete a partial match — the
 * engine's own account in plain words, with every condition it evaluated and its result.
 */
export function ExplainTab() {
  const ruleIds = useRunningRuleIds();
  const activeRuleId = useDocument(
    (s) => s.doc.rules.find((r) => r.key === s.doc.activeRuleKey)?.rule.id ?? null,
  );
  const highlightLines = useSimulation((s) => s.highlight?.lines ?? null);
  const selected = useSimulation((s) => s.selectedEvent);
  const position = useRunPosition();
  const epoch = useSimulation((s) => s.runEpoch);
  const [lineText, setLineText] = useState("");
  const [ruleChoice, setRuleChoice] = useState<string | null>(null);
  const [question, setQuestion] = useState<Question | null>(null);
  const ruleId =
    ruleChoice !== null && ruleIds.includes(ruleChoice)
      ? ruleChoice
      : activeRuleId !== null && ruleIds.includes(activeRuleId)
        ? activeRuleId
        : (ruleIds[0] ?? null);

  const query = useMemo(
    () =>
      question === null
        ? null
        : async () => (await simulator().request({ type: "explain", ...question })).result,
    [question],
  );
  // An event waiting for the watermark changes its story as the run moves on (the end of input
  // too); others only on a new run. The trigger is a string, so a render alone does not re-ask.
  const [waitingPosition, setWaitingPosition] = useState(false);
  const live = useLiveQuery<ExplainResult>(
    query,
    waitingPosition ? `${position} in run ${epoch}` : epoch,
    500,
  );
  const waiting = live.value?.outcome.type === "waiting";
  if (waiting !== waitingPosition) setWaitingPosition(waiting);

  const ask = (line: number) => {
    if (ruleId === null) return;
    setLineText(String(line));
    setQuestion({ line, ruleId });
  };
  const submit = (e: { preventDefault(): void }) => {
    e.preventDefault();
    const line = Number(lineText);
    if (Number.isSafeInteger(line) && line >= 1) ask(line);
  };
  const lineValid = lineText === "" || (Number.isSafeInteger(Number(lineText)) && Number(lineText) >= 1);

  return (
    <div className="sim-tab-body sim-explain" data-testid="sim.explain">
      <form className="sim-tab-toolbar" onSubmit={submit}>
        <label className="sim-explain-field">
          Input line
          <input
            inputMode="numeric"
            value={lineText}
            aria-invalid={!lineValid}
            data-testid="sim.explain.line"
            onChange={(e) => {
              setLineText(e.target.value.trim());
            }}
          />
        </label>
        <label className="sim-explain-field">
          Rule
          <select
            value={ruleId ?? ""}
            disabled={ruleIds.length === 0}
            data-testid="sim.explain.rule"
            onChange={(e) => {
              setRuleChoice(e.target.value);
            }}
          >
            {ruleIds.map((id) => (
              <option key={id} value={id}>
                rule {revealHiddenCharacters(id)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="submit"
          className="sim-primary"
          disabled={ruleId === null || !lineValid || lineText === ""}
          data-testid="sim.explain.go"
        >
          Explain
        </button>
        {selected !== null && ruleId !== null && (
          <button
            type="button"
            data-testid="sim.explain.selected"
            onClick={() => {
              setLineText(selected.line === null ? "" : String(selected.line));
              setQuestion({ position: selected.position, ruleId });
            }}
          >
            Stream selection ({selected.line === null ? `item ${selected.position}` : `line ${selected.line}`}
            )
          </button>
        )}
        {highlightLines !== null && highlightLines.length > 0 && (
          <span className="sim-explain-picks">
            Selected match:
            {highlightLines.map((line) => (
              <button
                key={line}
                type="button"
                onClick={() => {
                  ask(line);
                }}
              >
                line {line}
              </button>
            ))}
          </span>
        )}
        {!lineValid && <span className="sim-error-text">A line is a whole number from 1.</span>}
      </form>
      <ExplainAnswer question={question} result={live.value} error={live.error} />
    </div>
  );
}

function ExplainAnswer(props: {
  question: Question | null;
  result: ExplainResult | null;
  error: string | null;
}) {
  const { question, result, error } = props;
  if (question === null)
    return (
      <p className="sim-muted sim-explain-intro">
        Enter the input line of an event (the tables show each event&apos;s line) and pick a rule: Explain
        tells why the event did or did not start, extend or complete a partial match — which condition was
        false, which contiguity broke, whether a window expired, whether it waits for the watermark or came
        late.
      </p>
    );
  if (error !== null)
    return (
      <p className="sim-error-text" role="alert" data-testid="sim.explain.error">
        {questionName(question)}: {error}
      </p>
    );
  if (result === null) return <p className="sim-muted">Replaying the run to {questionName(question)}…</p>;
  return (
    // A scrolling region of plain text: a tab stop of its own, so keys scroll it.
    <div className="sim-explain-answer" role="region" aria-label="Explanation" tabIndex={0}>
      <h3 data-testid="sim.explain.heading">
        <VisibleSentence text={explainHeading(result)} />
      </h3>
      <ul className="sim-explain-sentences">
        {explainSentences(result).map((sentence, i) => (
          <li key={i} data-testid="sim.explain.sentence">
            <VisibleSentence text={sentence} />
          </li>
        ))}
      </ul>
      {result.outcome.type === "explained" && <ConditionTable explanation={result.outcome.explanation} />}
    </div>
  );
}
