import type { KeyPartialMatches, PartialMatchInfo, RulePartialMatches } from "../../runtime/session/index.ts";
import type { FieldMapping } from "../../runtime/sources/index.ts";
import { durationText, plural } from "../format/timeText.ts";
import { setHighlight, useSimulation, type MatchHighlight } from "../simulationStore.ts";
import { eventText } from "../tables/eventText.ts";
import { matchHighlight, stageGroups, windowText } from "./partialMatchLayout.ts";
import { VisibleText } from "../../ui/text/VisibleText.tsx";

interface Props {
  readonly rule: RulePartialMatches;
  readonly time: KeyPartialMatches["time"];
  readonly mapping: FieldMapping | null;
}

function sameHighlight(a: MatchHighlight | null, b: MatchHighlight): boolean {
  return (
    a !== null &&
    a.ruleId === b.ruleId &&
    a.stages.join("\n") === b.stages.join("\n") &&
    a.lines.join(",") === b.lines.join(",")
  );
}

/** One rule version's state for the key: its partial matches and the events buffered for the watermark. */
export function RuleVersionState({ rule, time, mapping }: Props) {
  const window = rule.windowMs === null ? "no window" : `within ${durationText(rule.windowMs)}`;
  return (
    <section className="sim-keys-rule" data-testid={`sim.keys.rule.${rule.ruleId}`}>
      <h3>
        Rule <VisibleText text={rule.ruleId} /> v{rule.version}{" "}
        <span className="sim-muted">· {window} · </span>
        <span data-testid="sim.keys.count">
          {plural(rule.partialMatches.length, "partial match", "partial matches")}
        </span>
      </h3>
      {rule.partialMatches.length === 0 && (
        <p className="sim-muted">
          No partial match for this key: the next event that fits the first stage starts one.
        </p>
      )}
      <ol className="sim-keys-matches">
        {rule.partialMatches.map((match, i) => (
          <PartialMatchItem
            // Runs have no identity across queries; their start and stage tell them apart well enough here.
            key={`${i}:${match.startTimestamp}:${match.stage}`}
            ruleId={rule.ruleId}
            match={match}
            time={time}
            mapping={mapping}
          />
        ))}
      </ol>
      {rule.buffered.length > 0 && (
        <div className="sim-keys-buffered" data-testid="sim.keys.buffered">
          <strong>Waiting for the watermark</strong> (buffered by the operator; the NFA sees them once the
          watermark passes their time):{" "}
          <VisibleText text={rule.buffered.map((b) => eventText(b.event, mapping)).join(" · ")} />
        </div>
      )}
    </section>
  );
}

function PartialMatchItem(props: {
  ruleId: string;
  match: PartialMatchInfo;
  time: KeyPartialMatches["time"];
  mapping: FieldMapping | null;
}) {
  const { ruleId, match, time, mapping } = props;
  const highlight = matchHighlight(ruleId, match);
  const selected = useSimulation((s) => sameHighlight(s.highlight, highlight));
  return (
    <li className="sim-keys-match">
      <button
        type="button"
        className="sim-keys-pick"
        aria-pressed={selected}
        data-testid="sim.keys.match"
        title="Light up its stages on the canvas"
        onClick={() => {
          setHighlight(selected ? null : highlight);
        }}
      >
        {stageGroups(match).map((group) => (
          <span key={`${group.stage}:${group.events[0]?.timestamp ?? 0}`} className="sim-keys-stage">
            <span className="sim-keys-stage-name">
              <VisibleText text={group.stage} />
            </span>
            {group.events.map((e) => (
              <span key={`${e.timestamp}:${e.event.line ?? ""}`} className="sim-keys-event">
                <VisibleText text={eventText(e.event, mapping)} />
              </span>
            ))}
          </span>
        ))}
        <span
          className={match.completed ? "sim-keys-stage sim-keys-held" : "sim-keys-stage sim-keys-waiting"}
        >
          {match.completed ? (
            <>completed — held back by the after-match skip strategy until earlier matches finish</>
          ) : (
            <>
              waiting in{" "}
              <span className="sim-keys-stage-name">
                <VisibleText text={match.stage} />
              </span>
            </>
          )}
        </span>
      </button>
      <span className="sim-muted sim-keys-window">{windowText(match, time)}</span>
    </li>
  );
}
