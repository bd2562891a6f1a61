import { useSimulation } from "../simulationStore.ts";
import { plural } from "../format/timeText.ts";
import type { LearnCard } from "./learnCard.ts";
import { learnCards } from "./learnCards.ts";
import { learnStore, useLearn } from "./learnStore.ts";
import { loadCard } from "./loadCard.ts";
import { useRuleOutputs } from "./useRuleOutputs.ts";
import "./LearnTab.css";

const GROUPS: readonly { readonly id: LearnCard["group"]; readonly label: string }[] = [
  { id: "scenario", label: "Seed scenarios" },
  { id: "concept", label: "Concepts" },
];

/**
 * Learn: guided cards for the seed scenarios and for core Flink CEP concepts. Each card says
 * what to watch, what will happen and why; Load sets up its rules (undoable) and its data, and
 * the card then follows the run with each rule's live counts.
 */
export function LearnTab() {
  const selectedId = useLearn((s) => s.selected);
  const card = learnCards.find((c) => c.id === selectedId) ?? learnCards[0];
  return (
    <div className="sim-tab-body sim-learn" data-testid="sim.learn">
      <nav className="sim-learn-list" aria-label="Learn cards">
        {GROUPS.map((group) => (
          <div key={group.id} role="group" aria-labelledby={`sim-learn-${group.id}`}>
            <h3 id={`sim-learn-${group.id}`}>{group.label}</h3>
            {learnCards
              .filter((c) => c.group === group.id)
              .map((c) => (
                <button
                  key={c.id}
                  type="button"
                  aria-current={c.id === card?.id ? "true" : undefined}
                  data-testid={`sim.learn.card.${c.id}`}
                  onClick={() => {
                    learnStore.setState({ selected: c.id });
                  }}
                >
                  {c.title}
                </button>
              ))}
          </div>
        ))}
      </nav>
      {card !== undefined && <CardView card={card} />}
    </div>
  );
}

function CardView({ card }: { card: LearnCard }) {
  const loaded = useLearn((s) => s.loaded === card.id);
  const loading = useLearn((s) => s.loading);
  const problem = useLearn((s) => s.problem);
  return (
    <article className="sim-learn-card" aria-labelledby="sim-learn-title" data-testid="sim.learn.view">
      <header className="sim-learn-head">
        <div>
          <h2 id="sim-learn-title">{card.title}</h2>
          <p className="sim-muted">{card.summary}</p>
        </div>
        <button
          type="button"
          className="sim-primary"
          disabled={loading !== null}
          data-testid="sim.learn.load"
          onClick={() => {
            void loadCard(card);
          }}
        >
          {loading === card.id ? "Loading…" : loaded ? "Load again" : "Load"}
        </button>
      </header>
      {problem !== null && <p className="sim-error-text">{problem}</p>}
      <div className="sim-learn-body">
        <aside className="sim-learn-aside">
          {loaded ? (
            <LiveCounts card={card} />
          ) : (
            <p className="sim-muted">
              Load sets up {card.group === "scenario" ? "the scenario's rule" : "the card's rules"} and data
              (Undo brings your rules back); then press Play or Step in the bar above.
            </p>
          )}
        </aside>
        <dl className="sim-learn-text">
          <dt>What to watch</dt>
          <dd>{card.watch}</dd>
          <dt>What will happen</dt>
          <dd>{card.happens}</dd>
          <dt>Why</dt>
          <dd>{card.why}</dd>
          {card.experiment !== undefined && (
            <>
              <dt>Try next</dt>
              <dd>{card.experiment.text}</dd>
            </>
          )}
        </dl>
      </div>
    </article>
  );
}

/** ` · v2 running`: for a card whose rule versions change mid-run (by its broadcast stream). */
function versionText(id: string, running: readonly { id: string; version: number }[] | null): string {
  const versions = running?.filter((r) => r.id === id) ?? [];
  if (versions.length === 0) return " · not running";
  return ` · ${versions.map((r) => `v${r.version}`).join(", ")} running`;
}

function LiveCounts({ card }: { card: LearnCard }) {
  const outputs = useRuleOutputs();
  const late = useSimulation((s) => s.summary?.counts.late ?? 0);
  const state = useSimulation((s) => s.summary?.state ?? null);
  const running = useSimulation((s) => s.summary?.activeRules ?? null);
  const dropped = useSimulation((s) => s.summary?.newest.ruleDropped ?? null);
  const versioned = card.setup.type === "inline" && card.setup.broadcast !== undefined;
  if (outputs === null) return null;
  const ids = Object.keys(outputs);
  return (
    <div className="sim-learn-live" data-testid="sim.learn.live">
      <h3>Now{state === "finished" ? " (end of input)" : ""}</h3>
      <ul>
        {ids.map((id) => {
          const counts = outputs[id];
          if (counts === undefined) return null;
          return (
            <li key={id} data-testid={`sim.learn.rule.${id}`}>
              <span className="sim-learn-rule">
                rule {id}
                {card.ruleLabels[id] !== undefined && ` · ${card.ruleLabels[id]}`}
                {versioned && versionText(id, running)}
              </span>
              <span data-testid={`sim.learn.rule.${id}.counts`}>
                {plural(counts.matches, "match", "matches")} ·{" "}
                {plural(counts.timeouts, "timeout", "timeouts")}
              </span>
            </li>
          );
        })}
        <li>
          <span className="sim-learn-rule">late events</span>
          <span data-testid="sim.learn.late">{late}</span>
        </li>
        {dropped?.map((d) => (
          <li key={d.seq} data-testid="sim.learn.dropped">
            <span className="sim-learn-rule">
              rule {d.ruleId} v{d.version} dropped
            </span>
            <span>{plural(d.partialMatches, "partial match", "partial matches")}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
