/**
 * RunSession.seek: backward and forward to exact positions by checkpoint + replay, then play on,
 * gives the outputs of a straight run (counts, records, input lines) — seed scenario 2 and a
 * generated clickstream with partial matches open across checkpoints.
 */
import { describe, expect, it } from "vitest";
import { Clickstream } from "../../formats/generator/clickstream.ts";
import type { Rule } from "../../model/pattern.ts";
import { PatternBuilder } from "../../model/patternBuilder.ts";
import { RunSession, type RunSessionOptions } from "./runSession.ts";
import { SessionInput } from "./sessionInput.ts";
import type { MatchView, RunConfig } from "./sessionTypes.ts";
import { scenarioSession } from "./testing/sessionTestSupport.ts";

const MINUTE = 60_000;

function scenario2(extra: Partial<RunSessionOptions> = {}): RunSession {
  return scenarioSession(2, extra);
}

function rule(id: string, pattern: PatternBuilder): Rule {
  return { id, version: 1, pattern: pattern.build(), function: null };
}

const GENERATED_CONFIG: RunConfig = {
  key: "user_id",
  time: { field: "event_time", watermarks: { type: "bounded", delay: 3000 }, finalWatermark: true },
  clock: null,
  parallelism: 2,
};

function generated(extra: Partial<RunSessionOptions> = {}): RunSession {
  const events = [
    ...new Clickstream({ seed: 7, users: 10, events: 400, eventsPerSecond: 0.2, maxOutOfOrdernessMs: 3000 }),
  ];
  return new RunSession({
    rules: [
      rule(
        "view-cart",
        PatternBuilder.begin("v")
          .where("event_type == 'view'")
          .followedBy("c")
          .where("event_type == 'cart'")
          .within(10 * MINUTE),
      ),
      rule(
        "repeat",
        PatternBuilder.begin("a")
          .where("event_type == 'view'")
          .followedBy("b")
          .where("event_type == 'view' && product_id == first(getEventsForPattern('a')).product_id"),
      ),
    ],
    config: GENERATED_CONFIG,
    input: SessionInput.fromEvents(events),
    ...extra,
  });
}

function describeMatch(m: MatchView): string {
  const stages = m.stages.map((s) => `${s.stage}=${s.events.map((e) => String(e.line)).join("|")}`);
  return `${m.type} ${m.seq} r${m.ruleId} ${String(m.key)} @${m.timestamp}/${m.subtask} ${stages.join(" ")}`;
}

function records(s: RunSession, kind: "matches" | "timeouts", from = 0): string[] {
  return s.query(kind, from, Number.MAX_SAFE_INTEGER).records.map(describeMatch);
}

function stepTo(s: RunSession, position: number): void {
  for (let items = s.summary().position.items; items < position;) {
    s.step();
    const now = s.summary().position.items;
    if (now === items) throw new Error(`the run stopped at ${now}, before ${position}`);
    items = now;
  }
}

function playToEnd(s: RunSession): void {
  s.play();
  for (let i = 0; i < 1000 && s.state === "playing"; i++) s.tick(16);
}

/** Everything a run reports at its end. */
function ending(s: RunSession) {
  const summary = s.summary();
  return {
    counts: summary.counts,
    watermark: summary.watermark,
    position: summary.position,
    state: summary.state,
    matches: records(s, "matches"),
    timeouts: records(s, "timeouts"),
  };
}

describe.each([
  { name: "seed scenario 2", make: scenario2, interval: 2, path: [3, 1, 2, 0, 3, 2] },
  { name: "a generated clickstream", make: generated, interval: 37, path: [250, 40, 300, 111, 0, 180] },
])("RunSession.seek on $name", ({ make, interval, path }) => {
  it("goes backward and forward to exact positions, then continues as a straight run", () => {
    const straight = make();
    playToEnd(straight);
    const expected = ending(straight);
    expect(expected.state).toBe("finished");
    expect(expected.matches.length + expected.timeouts.length).toBeGreaterThan(0);

    const s = make({ checkpointInterval: interval, keep: 5000 });
    stepTo(s, path[0] as number);
    for (const position of path.slice(1)) {
      s.seek(position);
      const summary = s.summary();
      expect(summary.position.items).toBe(position);
      expect(summary.state).toBe("paused");
      // At a position, the counts are those a straight run had there.
      const reference = make();
      stepTo(reference, position);
      expect(summary.counts).toEqual(reference.summary().counts);
      expect(summary.watermark).toEqual(reference.summary().watermark);
    }
    const at = s.summary().counts;
    playToEnd(s);
    expect(ending(s)).toEqual(expected);
    // Records emitted after the last seek are kept live; their events (some restored from a
    // checkpoint) still carry their input lines.
    const live = [...records(s, "matches", at.matches), ...records(s, "timeouts", at.timeouts)];
    expect(live).toEqual([...expected.matches.slice(at.matches), ...expected.timeouts.slice(at.timeouts)]);
    expect(live.join(" ")).not.toContain("null");
  });
});

describe("RunSession.seek", () => {
  it("seeks back from the end, clips past the input, and keeps playing when it was", () => {
    const s = scenario2({ checkpointInterval: 4 });
    playToEnd(s);
    const total = s.summary().position.items;
    s.seek(3);
    expect(s.summary()).toMatchObject({ state: "paused", position: { items: 3, ended: false } });
    s.seek(total + 100);
    expect(s.summary().position).toMatchObject({ items: total, ended: false });
    s.seek(1);
    s.play();
    s.seek(2);
    expect(s.state).toBe("playing");
    expect(() => {
      s.seek(-1);
    }).toThrow(RangeError);
  });

  it("restores the partial matches of a seed scenario with their input lines", () => {
    const straight = scenario2();
    playToEnd(straight);
    const s = scenario2({ checkpointInterval: 1 });
    stepTo(s, 3);
    // Every position has a checkpoint: the seek restores one and replays nothing.
    s.seek(2);
    playToEnd(s);
    expect(ending(s)).toEqual(ending(straight));
    expect(
      s.summary().newest.matches.flatMap((m) => m.stages.flatMap((st) => st.events.map((e) => e.line))),
    ).not.toContain(null);
  });
});
