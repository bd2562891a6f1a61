/**
 * The worker protocol's `loadBroadcast` through a fake port: records replayed to the current
 * position, the timeline in every summary, configs and keyed configs in `broadcastState`, the
 * stream kept when rules are reloaded, and bad records answered with an error naming each one.
 */
import { describe, expect, it } from "vitest";
import { scenarioRuleJson, seedBindings } from "../session/testing/sessionTestSupport.ts";
import { fakeWorker, lastSummary, loadScenario } from "./testing/fakeWorker.ts";

const RECORDS = [
  { at: "2020-01-01 00:01:01.0", config: { x: 1 } },
  { at: "2020-01-01 00:01:01.0", config: { x: 2 }, keyBy: "brand", value: "intel" },
  { at: "2020-01-01 00:01:05.0", remove: "1" },
];

describe("worker protocol: loadBroadcast", () => {
  it("replays the broadcast stream to the position and reports its timeline and state", () => {
    const worker = fakeWorker();
    loadScenario(worker, 1);
    worker.send({ type: "step" });
    worker.send({ type: "step" });
    const load = worker.reply(worker.send({ type: "loadBroadcast", records: RECORDS }));
    expect(load.type).toBe("summary");
    if (load.type !== "summary") return;
    expect(load.summary.position.items).toBe(2);
    expect(load.summary.broadcast.records.map((r) => [r.kind, r.state, r.taken])).toEqual([
      ["config", "applied", { position: 1, time: Date.UTC(2020, 0, 1, 0, 1, 3) }],
      ["config", "applied", { position: 1, time: Date.UTC(2020, 0, 1, 0, 1, 3) }],
      ["remove", "pending", null],
    ]);
    expect(worker.reply(worker.send({ type: "broadcastState" }))).toMatchObject({
      type: "broadcastStateResult",
      result: [
        {
          subtask: 0,
          rules: [{ id: "1", version: 1 }],
          config: { x: 1 },
          keyedConfigs: [{ keyBy: "brand", value: "intel", config: { x: 2 } }],
        },
      ],
    });
    worker.send({ type: "play" });
    worker.runTimers();
    const final = lastSummary(worker.posted).summary;
    expect(final.state).toBe("finished");
    expect(final.activeRules).toEqual([]);
    expect(final.broadcast.rules).toEqual([
      {
        ruleId: "1",
        changes: [
          { version: 1, record: null, position: 0, time: null },
          { version: null, record: 2, position: 2, time: Date.UTC(2020, 0, 1, 0, 1, 7) },
        ],
      },
    ]);
  });

  it("keeps the stream when rules are reloaded, and refuses bad records with every problem", () => {
    const worker = fakeWorker();
    loadScenario(worker, 1);
    worker.send({ type: "loadBroadcast", records: RECORDS });
    const reload = worker.send({ type: "loadRules", rules: scenarioRuleJson(1), bindings: seedBindings() });
    const reloaded = worker.reply(reload);
    expect(reloaded.type === "summary" && reloaded.summary.broadcast.records.length).toBe(3);
    const bad = worker.reply(
      worker.send({
        type: "loadBroadcast",
        records: [
          { at: 5, remove: "1" },
          { at: "x", config: 3 },
        ],
      }),
    );
    expect(bad.type).toBe("error");
    expect(bad.type === "error" && bad.message).toMatch(/^records\[1\]\.at: .*"x"$/);
    expect(bad.type === "error" && bad.problems).toEqual([
      expect.stringMatching(/^records\[1\]\.at: /),
      'records[1].config: "config" must be a JSON object',
    ]);
    const after = worker.reply(worker.send({ type: "summary" }));
    expect(after.type === "summary" && after.summary.broadcast.records.length).toBe(3);
  });
});
