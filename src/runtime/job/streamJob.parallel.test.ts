/**
 * StreamJob parallelism: keys land on the subtasks Flink's KeyGroupRangeAssignment picks, and
 * the results do not depend on the parallelism (apart from which subtask emits them).
 */
import { describe, expect, it } from "vitest";
import { PatternBuilder } from "../../model/patternBuilder.ts";
import {
  assignKeyToParallelOperator,
  computeKeyGroupRangeForOperatorIndex,
  assignToKeyGroup,
} from "../keyGroups.ts";
import type { JobOutput } from "./jobTypes.ts";
import { StreamJob } from "./streamJob.ts";
import { describeOutput, ev, jobRule, runByPosition, runEventTime } from "./testing/jobTestSupport.ts";

const A_THEN_B = jobRule(
  "ab",
  1,
  PatternBuilder.begin("a").where("name == 'a'").followedBy("b").where("name == 'b'").within(20),
);
const B_NEXT_C = jobRule(
  "bc",
  3,
  PatternBuilder.begin("b").where("name == 'b'").next("c").where("name == 'c'").within(10),
);

/** A reproducible stream: 30 users, names a/b/c, timestamps slightly out of order. */
function stream(count: number): ReturnType<typeof ev>[] {
  let seed = 12345;
  const next = (n: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % n;
  };
  return Array.from({ length: count }, (_, i) =>
    ev(`user-${next(30)}`, ["a", "b", "c"][next(3)] as string, i * 2 - next(7)),
  );
}

function sorted(outputs: readonly JobOutput[]): string[] {
  return outputs.map((o) => describeOutput(o, false)).sort();
}

describe("StreamJob parallel subtasks", () => {
  it("routes every key to assignKeyToParallelOperator(key, String, 128, parallelism)", () => {
    const job = new StreamJob({
      logic: { type: "cep", rules: [] },
      timeCharacteristic: "eventTime",
      parallelism: 4,
      output: () => undefined,
    });
    for (let i = 0; i < 200; i++) {
      const key = `user-${i}`;
      const subtask = job.subtaskOf(key);
      expect(subtask).toBe(assignKeyToParallelOperator(key, "String", 128, 4));
      const range = computeKeyGroupRangeForOperatorIndex(128, 4, subtask);
      const group = assignToKeyGroup(key, "String", 128);
      expect(group).toBeGreaterThanOrEqual(range.startKeyGroup);
      expect(group).toBeLessThanOrEqual(range.endKeyGroup);
    }
    expect(job.subtaskOf(null)).toBe(0);
  });

  it("hashes keys as the configured Java type and max parallelism", () => {
    const job = new StreamJob({
      logic: { type: "cep", rules: [] },
      timeCharacteristic: "eventTime",
      parallelism: 3,
      maxParallelism: 256,
      keyType: "Long",
      output: () => undefined,
    });
    for (const key of ["590404850", "517014550", "9223372036854775807"])
      expect(job.subtaskOf(key)).toBe(assignKeyToParallelOperator(key, "Long", 256, 3));
    expect(job.admit({}, "12a")).toMatch(/java\.lang\.Long/);
    expect(job.admit({}, "12")).toBeNull();
  });

  it("rejects a parallelism above the max parallelism as Flink does", () => {
    expect(
      () =>
        new StreamJob({
          logic: { type: "cep", rules: [] },
          timeCharacteristic: "eventTime",
          parallelism: 8,
          maxParallelism: 4,
          output: () => undefined,
        }),
    ).toThrow(/Maximum parallelism must not be smaller than parallelism/);
  });

  it("gives the same matches, timeouts and late records with parallelism 1 and 4", () => {
    const events = stream(400);
    const one = runEventTime({ logic: { type: "cep", rules: [A_THEN_B, B_NEXT_C] } }, events, 3);
    const four = runEventTime(
      { logic: { type: "cep", rules: [A_THEN_B, B_NEXT_C] }, parallelism: 4 },
      events,
      3,
    );
    expect(one.outputs.length).toBeGreaterThan(50);
    expect(one.outputs.some((o) => o.type === "timeout")).toBe(true);
    expect(one.outputs.some((o) => o.type === "late")).toBe(true);
    expect(sorted(four.outputs)).toEqual(sorted(one.outputs));
    for (const o of four.outputs) {
      if (o.type === "rule-dropped") continue;
      expect(o.subtask).toBe(four.job.subtaskOf(o.key));
    }
    expect(new Set(four.outputs.map((o) => (o.type === "rule-dropped" ? -1 : o.subtask)))).toEqual(
      new Set([0, 1, 2, 3]),
    );
  });

  it("is deterministic: the same input gives the same output sequence", () => {
    const events = stream(300);
    const run = () =>
      runEventTime({ logic: { type: "cep", rules: [A_THEN_B] }, parallelism: 3 }, events, 2).outputs.map(
        (o) => describeOutput(o),
      );
    expect(run()).toEqual(run());
  });

  it("gives the same results in processing time with parallelism 1 and 4", () => {
    const events = stream(200);
    const one = runByPosition({ logic: { type: "cep", rules: [A_THEN_B] } }, events);
    const four = runByPosition({ logic: { type: "cep", rules: [A_THEN_B] }, parallelism: 4 }, events);
    expect(one.outputs.length).toBeGreaterThan(10);
    expect(sorted(four.outputs)).toEqual(sorted(one.outputs));
  });

  it("reports a late element once, however many rules run, on its key's subtask", () => {
    const { outputs, job } = runEventTime(
      { logic: { type: "cep", rules: [A_THEN_B, B_NEXT_C] }, parallelism: 2 },
      [ev("u1", "a", 10), ev("u2", "a", 5)],
    );
    const late = outputs.filter((o) => o.type === "late");
    expect(late.map((o) => describeOutput(o))).toEqual([`late u2 5 @${job.subtaskOf("u2")}`]);
  });

  it("advances subtasks to the minimum watermark over source partitions", () => {
    const outputs: JobOutput[] = [];
    const job = new StreamJob({
      logic: { type: "cep", rules: [A_THEN_B] },
      timeCharacteristic: "eventTime",
      sourcePartitions: 2,
      output: (o) => outputs.push(o),
    });
    job.processElement(ev("u1", "a", 1), "u1", 1);
    job.processElement(ev("u1", "b", 2), "u1", 2);
    job.processWatermark(100, 0);
    expect(job.currentWatermark).toBe(Number.NEGATIVE_INFINITY);
    expect(outputs).toEqual([]);
    job.processWatermark(2, 1);
    expect(job.currentWatermark).toBe(2);
    expect(outputs.map((o) => describeOutput(o))).toEqual(["match abv1 u1 a=1 b=2 @0"]);
  });
});
