/**
 * The worker protocol's `loadProcessor` through a fake port: seed 000's processor over text
 * input, its results by `query` (filtered by key), the key's keyed state in `partialMatches`,
 * the processor kept when rules are reloaded, and bad requests answered with an error.
 */
import { describe, expect, it } from "vitest";
import { generatedText } from "../../formats/generator/index.ts";
import { scenarioRuleJson, seedBindings } from "../session/testing/sessionTestSupport.ts";
import { APP_CONFIG, seed000EventTime } from "../session/testing/processorData.ts";
import { fakeWorker, lastSummary } from "./testing/fakeWorker.ts";

function loadSeed000(worker: ReturnType<typeof fakeWorker>): void {
  worker.send({ type: "configure", config: seed000EventTime(2) });
  worker.send({ type: "beginEvents", fileName: "generated.csv" });
  for (const text of generatedText({ schema: "seed000", format: "csv", seed: 9, users: 20, events: 800 }))
    worker.send({ type: "eventsChunk", text });
  worker.send({ type: "endEvents" });
}

describe("worker protocol: loadProcessor", () => {
  it("runs seed 000's processor: results, filtered queries and keyed state", () => {
    const worker = fakeWorker();
    const load = worker.reply(
      worker.send({
        type: "loadProcessor",
        processor: "purchase-path",
        records: [{ at: 0, config: APP_CONFIG }],
      }),
    );
    expect(load).toMatchObject({ type: "summary", summary: { processor: "purchase-path" } });
    loadSeed000(worker);
    // Rules loaded afterwards (the app syncs the document's) leave the processor running.
    worker.send({ type: "loadRules", rules: scenarioRuleJson(1), bindings: seedBindings() });
    worker.send({ type: "speed", eventsPerSecond: null });
    worker.send({ type: "play" });
    worker.runTimers();
    const { summary } = lastSummary(worker.posted);
    expect(summary.processor).toBe("purchase-path");
    expect(summary.state).toBe("finished");
    expect(summary.counts.results).toBeGreaterThan(0);

    const all = worker.reply(worker.send({ type: "query", kind: "results", from: 0, count: 10_000 }));
    if (all.type !== "queryResult" || all.result.kind !== "results") throw new Error("no results");
    const key = all.result.records[0]?.key ?? "";
    const mine = worker.reply(
      worker.send({ type: "query", kind: "results", from: 0, count: 10_000, filter: { key } }),
    );
    expect(mine).toMatchObject({
      type: "queryResult",
      result: {
        total: all.result.records.filter((r) => r.key === key).length,
        listTotal: all.result.total,
      },
    });

    const state = worker.reply(worker.send({ type: "partialMatches", key }));
    expect(state).toMatchObject({
      type: "partialMatchesResult",
      result: {
        key,
        rules: [],
        processor: { processor: "purchase-path", view: { processor: "purchase-path" } },
      },
    });
  });

  it("answers a processor it does not know, or records that are not its own, with an error", () => {
    const worker = fakeWorker();
    expect(
      worker.reply(worker.send({ type: "loadProcessor", processor: null, records: {} as unknown[] })),
    ).toMatchObject({
      type: "error",
    });
    const refused = worker.reply(
      worker.send({
        type: "loadProcessor",
        processor: "two-action",
        records: [{ at: 0, config: APP_CONFIG }],
      }),
    );
    expect(refused).toMatchObject({
      type: "error",
      problems: [
        'records[0]: a broadcast record has "at" and exactly one of "pattern" (unknown field "config")',
      ],
    });
    expect(worker.reply(worker.send({ type: "summary" }))).toMatchObject({ summary: { processor: null } });
  });
});
