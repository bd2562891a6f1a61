import { simulator } from "../controller/simulatorController.ts";
import { useSimulation, type RunFailure } from "../simulationStore.ts";
import { inputRowsNote } from "./inputRowsNote.ts";
import { runErrorContext } from "./runErrorContext.ts";
import { runWarningHint } from "./runWarning.ts";
import { VisibleSentence } from "../../ui/text/VisibleText.tsx";

function FailureNote({ failure, testId }: { failure: RunFailure; testId: string }) {
  return (
    <div className="sim-note sim-note-error" role="alert" data-testid={testId}>
      <strong>{failure.context}:</strong>{" "}
      {/* A rule-set error's message is its first problem: the list says it, once. */}
      {failure.problems.length === 0 ? (
        <VisibleSentence text={failure.message} />
      ) : (
        <ul>
          {failure.problems.map((p, i) => (
            <li key={`${String(i)}:${p}`}>
              <VisibleSentence text={p} />
            </li>
          ))}
        </ul>
      )}
      {failure.crashed && (
        <button
          type="button"
          data-testid="sim.restartWorker"
          onClick={() => void simulator().restartWorker()}
        >
          Restart the worker
        </button>
      )}
    </div>
  );
}

/**
 * What the user must know about the run, above the tabs: the document's rules changed (apply
 * from here, or restart), rules that cannot run, an engine error with its context, a worker
 * that stopped, warnings such as the partial-match cap, skipped rows and rows read with a warning.
 */
export function RunMessages() {
  const rulesChanged = useSimulation((s) => s.rulesChanged);
  const ruleError = useSimulation((s) => s.ruleError);
  const failure = useSimulation((s) => s.failure);
  const noRules = useSimulation((s) => s.ruleCount === 0);
  const error = useSimulation((s) => s.summary?.error ?? null);
  const warnings = useSimulation((s) => s.summary?.warnings);
  const problems = useSimulation((s) => s.summary?.counts.problems ?? 0);
  const rowWarnings = useSimulation((s) => s.summary?.rowWarnings.count ?? 0);
  const rowsNote = inputRowsNote(problems, rowWarnings);
  const run = simulator();
  return (
    <div className="sim-messages">
      {rulesChanged && (
        <div className="sim-note sim-note-info" role="status" data-testid="sim.rulesChanged">
          <span>Rules changed since this run started.</span>
          <button
            type="button"
            className="sim-primary"
            data-testid="sim.applyFromHere"
            onClick={() => void run.applyFromHere()}
          >
            Apply from here
          </button>
          <span className="sim-muted">keeps the stream position</span>
          <button type="button" data-testid="sim.restartRules" onClick={() => void run.restartWithRules()}>
            Restart
          </button>
          <span className="sim-muted">from the first event</span>
        </div>
      )}
      {noRules && (
        <div className="sim-note sim-note-info" role="status" data-testid="sim.noRules">
          No rule is enabled in the rule set: enable one to run it over the data.
        </div>
      )}
      {ruleError !== null && <FailureNote failure={ruleError} testId="sim.ruleError" />}
      {failure !== null && <FailureNote failure={failure} testId="sim.failure" />}
      {error !== null && (
        <div className="sim-note sim-note-error" role="alert" data-testid="sim.runError">
          <strong>
            The run stopped
            {error.ruleId === null && error.line === null ? "" : ` at ${runErrorContext(error)}`}:
          </strong>{" "}
          <VisibleSentence text={error.message} />
          <span className="sim-muted"> — Reset, seek back, or fix the rule and apply it.</span>
        </div>
      )}
      {warnings?.map((w) => {
        const hint = runWarningHint(w);
        return (
          <div key={w.message} className="sim-note sim-note-warn" role="status" data-testid="sim.warning">
            <span>
              <VisibleSentence text={w.message} />
            </span>
            {hint !== null && <span className="sim-muted">{hint}</span>}
          </div>
        );
      })}
      {rowsNote !== null && (
        <div className="sim-note sim-note-warn" role="status" data-testid="sim.inputRows">
          {rowsNote}
        </div>
      )}
    </div>
  );
}
