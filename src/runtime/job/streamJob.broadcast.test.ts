/**
 * StreamJob broadcast state: rule versions added, updated and removed mid-stream (the old
 * version's partial matches dropped and reported), and a global config read by conditions.
 */
import { describe, expect, it } from "vitest";
import { PatternBuilder } from "../../model/patternBuilder.ts";
import { at, describeOutput, ev, jobRule, runByPosition, runEventTime } from "./testing/jobTestSupport.ts";

const r1v1 = jobRule(
  "r1",
  1,
  PatternBuilder.begin("a").where("name == 'a'").followedBy("b").where("name == 'b'").within(100),
);
const r1v2 = jobRule(
  "r1",
  2,
  PatternBuilder.begin("a").where("name == 'a'").followedBy("c").where("name == 'c'").within(100),
);
const r2v1 = jobRule(
  "r2",
  1,
  PatternBuilder.begin("x").where("name == 'a'").next("y").where("name == 'a'").within(100),
);

/** Events whose `ts` is their position, so processing-time runs read like event-time ones. */
function positioned(...specs: Array<[string, string]>): ReturnType<typeof ev>[] {
  return specs.map(([user, name], i) => ev(user, name, i));
}

const describeAll = (outputs: Parameters<typeof describeOutput>[0][]): string[] =>
  outputs.map((o) => describeOutput(o, false));

describe("StreamJob rule updates", () => {
  it("switches to the new version and reports the old version's dropped partial matches", () => {
    const events = positioned(
      ["u1", "a"],
      ["u2", "a"],
      ["u1", "a"],
      ["u1", "b"],
      ["u1", "a"],
      ["u1", "c"],
      ["u1", "b"],
    );
    const { outputs, job } = runByPosition(
      { logic: { type: "cep", rules: [r1v1] }, broadcast: [at(3, { type: "rule", rule: r1v2 })] },
      events,
    );
    expect(describeAll(outputs)).toEqual(["dropped r1v1 partial=3", "match r1v2 u1 a=4 c=5"]);
    expect(job.activeRules().map((r) => `${r.id}v${r.version}`)).toEqual(["r1v2"]);
  });

  it("counts partial matches over every subtask", () => {
    const events = positioned(["u1", "a"], ["u2", "a"], ["u3", "a"], ["u4", "a"], ["u5", "a"], ["u1", "b"]);
    const { outputs } = runByPosition(
      {
        logic: { type: "cep", rules: [r1v1] },
        parallelism: 4,
        broadcast: [at(5, { type: "rule", rule: r1v2 })],
      },
      events,
    );
    expect(describeAll(outputs)).toEqual(["dropped r1v1 partial=5"]);
  });

  it("in event time drops the NFA runs and the elements still buffered for the old version", () => {
    // Out-of-orderness 5: a@3 is still waiting for the watermark when the update arrives.
    const events = [
      ev("u1", "a", 1),
      ev("u1", "a", 9),
      ev("u1", "b", 10),
      ev("u1", "c", 11),
      ev("u1", "a", 12),
      ev("u1", "c", 13),
    ];
    const { outputs } = runEventTime(
      { logic: { type: "cep", rules: [r1v1] }, broadcast: [at(10, { type: "rule", rule: r1v2 })] },
      events,
      5,
    );
    // Watermark 3 when b@10 arrives: only a@1 was in the NFA; a@9 was buffered and goes too.
    expect(describeAll(outputs)).toEqual(["dropped r1v1 partial=1", "match r1v2 u1 a=12 c=13"]);
  });

  it("adds a rule with a new id without dropping anything", () => {
    const events = positioned(["u1", "a"], ["u1", "a"], ["u1", "a"], ["u1", "b"]);
    const { outputs } = runByPosition(
      { logic: { type: "cep", rules: [r1v1] }, broadcast: [at(1, { type: "rule", rule: r2v1 })] },
      events,
    );
    expect(describeAll(outputs)).toEqual([
      "match r2v1 u1 x=1 y=2",
      "match r1v1 u1 a=0 b=3",
      "match r1v1 u1 a=1 b=3",
      "match r1v1 u1 a=2 b=3",
    ]);
  });

  it("rejects an update with the same or a lower version and keeps the active one", () => {
    const older = jobRule("r1", 1, PatternBuilder.begin("a").where("name == 'zzz'"));
    const events = positioned(["u1", "a"], ["u1", "b"]);
    const { outputs, rejected } = runByPosition(
      { logic: { type: "cep", rules: [r1v1] }, broadcast: [at(1, { type: "rule", rule: older })] },
      events,
    );
    expect(rejected).toEqual([
      "rule 'r1' version 1 rejected: version 1 is active (an update needs a higher version)",
    ]);
    expect(describeAll(outputs)).toEqual(["match r1v1 u1 a=0 b=1"]);
  });

  it("removes a rule: its partial matches are reported, the rules beside it go on", () => {
    const events = positioned(["u1", "a"], ["u2", "a"], ["u1", "b"], ["u1", "a"], ["u1", "a"]);
    const { outputs, job } = runByPosition(
      {
        logic: { type: "cep", rules: [r1v1, r2v1] },
        parallelism: 2,
        broadcast: [at(2, { type: "remove", id: "r2" }), at(3, { type: "remove", id: "nope" })],
      },
      events,
    );
    expect(describeAll(outputs)).toEqual(["dropped r2v1 partial=2", "match r1v1 u1 a=0 b=2"]);
    expect(job.activeRules().map((r) => r.id)).toEqual(["r1"]);
    expect(job.partialMatchCount("r1")).toBe(3);
  });

  it("reports a removal of an unknown id and applies records left at the end of input", () => {
    const events = positioned(["u1", "a"]);
    const { outputs, rejected } = runByPosition(
      {
        logic: { type: "cep", rules: [r1v1] },
        broadcast: [at(5, { type: "remove", id: "nope" }), at(9, { type: "remove", id: "r1" })],
      },
      events,
    );
    expect(rejected).toEqual(["remove 'nope' ignored: no active rule has this id"]);
    expect(describeAll(outputs)).toEqual(["dropped r1v1 partial=1"]);
  });
});

describe("StreamJob broadcast config", () => {
  const expensive = jobRule("hv", 1, PatternBuilder.begin("big").where("price > config.threshold"));

  it("is read by conditions from the next element on", () => {
    const events = [50, 150, 50, 150, 50].map((price, i) => ev("u1", "a", i, { price }));
    const { outputs } = runByPosition(
      {
        logic: { type: "cep", rules: [expensive] },
        broadcast: [
          at(0, { type: "config", config: { threshold: 100 } }),
          at(3, { type: "config", config: { threshold: 10 } }),
        ],
      },
      events,
    );
    expect(describeAll(outputs)).toEqual([
      "match hvv1 u1 big=1",
      "match hvv1 u1 big=3",
      "match hvv1 u1 big=4",
    ]);
  });

  it("in event time applies the config an element arrived under, even if the watermark releases it later", () => {
    const events = [ev("u1", "a", 5, { price: 50 }), ev("u1", "a", 10, { price: 50 })];
    const { outputs } = runEventTime(
      {
        logic: { type: "cep", rules: [expensive] },
        broadcast: [
          at(0, { type: "config", config: { threshold: 100 } }),
          at(10, { type: "config", config: { threshold: 10 } }),
        ],
      },
      events,
      100,
    );
    expect(describeAll(outputs)).toEqual(["match hvv1 u1 big=10"]);
  });

  it("is identical in every subtask", () => {
    const events = Array.from({ length: 40 }, (_, i) => ev(`u${i % 8}`, "a", i, { price: i }));
    const broadcast = [at(0, { type: "config" as const, config: { threshold: 30 } })];
    const one = runByPosition({ logic: { type: "cep", rules: [expensive] }, broadcast }, events);
    const four = runByPosition(
      { logic: { type: "cep", rules: [expensive] }, broadcast, parallelism: 4 },
      events,
    );
    expect(describeAll(four.outputs).sort()).toEqual(describeAll(one.outputs).sort());
    expect(one.outputs).toHaveLength(9);
  });
});
