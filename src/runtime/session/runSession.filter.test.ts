/**
 * `query` with a filter by rule and/or key: the matching records of a list, paged among
 * themselves and counted (`total`), with the list's own size (`listTotal`) — the same records
 * as filtering the whole list, whether still kept or reproduced by replay, and after a seek.
 */
import { describe, expect, it } from "vitest";
import { Clickstream } from "../../formats/generator/clickstream.ts";
import type { Rule } from "../../model/pattern.ts";
import { PatternBuilder } from "../../model/patternBuilder.ts";
import { RunSession } from "./runSession.ts";
import { SessionInput } from "./sessionInput.ts";
import type { MatchView, OutputFilter, RunConfig } from "./sessionTypes.ts";

const EVENTS = [...new Clickstream({ seed: 3, users: 8, events: 600, eventsPerSecond: 1 })];
const CONFIG: RunConfig = {
  key: "user_id",
  time: { field: "event_time", watermarks: { type: "bounded", delay: 0 }, finalWatermark: true },
  clock: null,
  parallelism: 2,
};

function rule(id: string, first: string, second: string): Rule {
  const pattern = PatternBuilder.begin("a")
    .where(`event_type == '${first}'`)
    .followedBy("b")
    .where(`event_type == '${second}'`)
    .within(30 * 60_000);
  return { id, version: 1, pattern: pattern.build(), function: null };
}

/** `keep`: records kept per list (small: most come back by replay). */
function played(keep: number): RunSession {
  const s = new RunSession({
    rules: [rule("vc", "view", "cart"), rule("cp", "cart", "purchase")],
    config: CONFIG,
    input: SessionInput.fromEvents(EVENTS),
    keep,
  });
  s.play();
  while (s.state === "playing") s.tick(16);
  return s;
}

function fits(m: MatchView, filter: OutputFilter): boolean {
  return (
    (filter.ruleId === undefined || m.ruleId === filter.ruleId) &&
    (filter.key === undefined || m.key === filter.key)
  );
}

describe("RunSession.query with a filter", () => {
  const all = played(100_000);
  const matches = all.query("matches", 0, 100_000).records;
  const key = matches[matches.length - 1]?.key ?? "";

  it("has matches of both rules and several keys to filter", () => {
    expect(new Set(matches.map((m) => m.ruleId))).toEqual(new Set(["vc", "cp"]));
    expect(new Set(matches.map((m) => m.key)).size).toBeGreaterThan(2);
  });

  for (const filter of [
    { ruleId: "cp" },
    { key },
    { ruleId: "vc", key },
    { key: "nobody" },
  ] as OutputFilter[]) {
    it(`pages ${JSON.stringify(filter)} among the matching records, kept or replayed`, () => {
      const expected = matches.filter((m) => fits(m, filter));
      for (const s of [all, played(3)]) {
        const page = s.query("matches", 0, 100_000, filter);
        expect(page.total).toBe(expected.length);
        expect(page.listTotal).toBe(matches.length);
        expect(page.records).toEqual(expected);
        expect(s.query("matches", 1, 2, filter).records).toEqual(expected.slice(1, 3));
      }
    });
  }

  it("counts only what the run produced up to a seek, and again after seeking forward", () => {
    const s = played(3);
    const middle = Math.floor(EVENTS.length / 2);
    s.seek(middle);
    const upTo = s.query("matches", 0, 100_000).records;
    expect(s.query("matches", 0, 100_000, { ruleId: "cp" }).records).toEqual(
      upTo.filter((m) => m.ruleId === "cp"),
    );
    s.play();
    while (s.state === "playing") s.tick(16);
    expect(s.query("matches", 0, 100_000, { key }).records).toEqual(matches.filter((m) => m.key === key));
  });

  it("finds no rule in records of no rule (late events, processor results)", () => {
    expect(all.query("late", 0, 10, { ruleId: "vc" })).toEqual({ total: 0, listTotal: 0, records: [] });
  });

  it("refuses a range that is no whole numbers", () => {
    expect(() => all.query("matches", -1, 2)).toThrow(RangeError);
  });
});
