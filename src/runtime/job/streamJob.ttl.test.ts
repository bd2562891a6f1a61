/**
 * State TTL (seed 002's StateTtlConfig: OnCreateAndWrite, NeverReturnExpired) on CEP partial
 * matches and on a processor's keyed state, and its survival through snapshot → restore.
 */
import { describe, expect, it } from "vitest";
import { PatternBuilder } from "../../model/patternBuilder.ts";
import type { KeyedBroadcastProcessFunction } from "../processors/keyedBroadcastProcessFunction.ts";
import { valueStateDescriptor } from "../processors/state.ts";
import type { JobOutput, ProcessorSpec, StreamJobOptions } from "./jobTypes.ts";
import { StreamJob } from "./streamJob.ts";
import { describeOutput, ev, jobRule } from "./testing/jobTestSupport.ts";

const aThenB = jobRule(
  "r1",
  1,
  PatternBuilder.begin("a").where("name == 'a'").followedBy("b").where("name == 'b'"),
);

function lines(): { list: string[]; callbacks: Pick<StreamJobOptions, "output"> } {
  const list: string[] = [];
  const describe = (o: JobOutput): string =>
    o.type === "state-expired"
      ? `expired ${o.rule === undefined ? "-" : o.rule.id} ${String(o.key)} t=${o.timestamp} last=${o.lastWrite} partial=${o.partialMatches}`
      : describeOutput(o, false);
  return { list, callbacks: { output: (o) => list.push(describe(o)) } };
}

const EVENTS = [
  ev("u1", "a", 10),
  ev("u2", "a", 50),
  ev("u3", "z", 140),
  ev("u2", "b", 145),
  ev("u3", "z", 200),
  ev("u1", "b", 210),
];

function runCep(stateTtlMs?: number): string[] {
  return runCepJob(stateTtlMs).list;
}

function runCepJob(stateTtlMs?: number): { list: string[]; job: StreamJob } {
  const { list, callbacks } = lines();
  const job = new StreamJob({
    logic: { type: "cep", rules: [aThenB] },
    timeCharacteristic: "eventTime",
    ...(stateTtlMs === undefined ? {} : { stateTtlMs }),
    ...callbacks,
  });
  let max = Number.NEGATIVE_INFINITY;
  for (const e of EVENTS) {
    const ts = e.ts as number;
    job.processElement(e, e.user as string, ts);
    max = Math.max(max, ts);
    job.processWatermark(max - 1);
  }
  job.processWatermark(Number.POSITIVE_INFINITY);
  return { list, job };
}

describe("state TTL on CEP partial matches", () => {
  it("cleanups are job outputs, counted with the others", () => {
    const { job } = runCepJob(100);
    expect(job.outputCounts()).toMatchObject({ match: 1, "state-expired": 1 });
  });

  it("without TTL the idle key's partial match completes", () => {
    expect(runCep()).toEqual(["match r1v1 u2 a=50 b=145", "match r1v1 u1 a=10 b=210"]);
  });

  it("a key idle beyond the TTL loses its partial match (reported), one written within keeps it", () => {
    // u1's state was written at watermark 49 (when a@10 was processed): it expires at 149, is
    // cleaned on the watermark 199 round by its cleanup timer, and b@210 then starts nothing.
    expect(runCep(100)).toEqual(["match r1v1 u2 a=50 b=145", "expired r1 u1 t=199 last=49 partial=1"]);
  });

  it("never returns expired state: the key reads as empty at its expiry time", () => {
    const { callbacks } = lines();
    const job = new StreamJob({
      logic: { type: "cep", rules: [aThenB] },
      timeCharacteristic: "eventTime",
      stateTtlMs: 100,
      ...callbacks,
    });
    job.processElement(ev("u1", "a", 10), "u1", 10);
    job.processWatermark(49);
    expect(job.partialMatchCount("r1")).toBe(0); // not tracked without broadcast updates
    job.processWatermark(148);
    const saved = job.snapshot();
    expect(saved.cep[0]?.groups[0]?.operator.keys.map((k) => k.key)).toEqual(["u1"]);
    job.processWatermark(149);
    expect(job.snapshot().cep[0]?.groups[0]?.operator.keys).toEqual([]);
  });
});

interface Count {
  readonly key: string;
  readonly n: number;
}
const COUNT = valueStateDescriptor<number>("count");
const counter: ProcessorSpec = {
  createFunction: (): KeyedBroadcastProcessFunction<unknown, unknown, object> => ({
    broadcastStateDescriptors: [],
    processElement(_value, ctx) {
      const state = ctx.getState(COUNT);
      const n = (state.value() ?? 0) + 1;
      state.update(n);
      ctx.collect({ key: ctx.currentKey, n } satisfies Count);
    },
    processBroadcastElement() {
      /* no broadcast side */
    },
  }),
  readElement: (record) => record,
};

function runCounter(users: readonly string[], restoreAt?: number): string[] {
  const { list, callbacks } = lines();
  const options = {
    logic: { type: "processor", processor: counter },
    timeCharacteristic: "processingTime",
    stateTtlMs: 3,
  } as const;
  let job = new StreamJob({ ...options, ...callbacks });
  users.forEach((user, position) => {
    if (position === restoreAt)
      job = StreamJob.restore(structuredClone(job.snapshot(position)), { ...options, ...callbacks });
    job.setProcessingTime(position);
    job.processElement(ev(user, "x", position), user);
  });
  return list;
}

describe("state TTL on a processor's keyed state", () => {
  const users = ["u1", "u2", "u2", "u2", "u2", "u1"];
  const expected = [
    'result {"key":"u1","n":1}',
    'result {"key":"u2","n":1}',
    'result {"key":"u2","n":2}',
    "expired - u1 t=3 last=0 partial=0",
    'result {"key":"u2","n":3}',
    'result {"key":"u2","n":4}',
    'result {"key":"u1","n":1}',
  ];

  it("clears a key idle for the TTL (and reports it); a key written within it keeps counting", () => {
    expect(runCounter(users)).toEqual(expected);
  });

  it("restores identically at every position", () => {
    for (let k = 0; k < users.length; k++) expect(runCounter(users, k)).toEqual(expected);
  });
});
