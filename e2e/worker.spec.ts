import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { WorkerProbe } from "./pages/workerProbe.ts";

const SEED = path.resolve(import.meta.dirname, "../src/scenarios/seed");
const read = (name: string): string => readFileSync(path.join(SEED, name), "utf8");

test.describe("the CEP worker's protocol in a real worker", () => {
  test("reads transferred byte chunks split inside characters, then answers the queries", async ({
    page,
  }) => {
    const offOrigin: string[] = [];
    page.on("request", (request) => {
      const url = request.url();
      if (!/^(http:\/\/127\.0\.0\.1:4173|blob:|data:)/.test(url)) offOrigin.push(url);
    });
    const probe = await WorkerProbe.start(page);
    await probe.send({
      type: "configure",
      config: {
        key: "userId",
        time: { field: "eventTime", watermarks: { type: "bounded", delay: 0 }, finalWatermark: true },
        clock: null,
        parallelism: 2,
      },
    });
    const bytes = new TextEncoder().encode(read("scenario2.events.csv").replace(/apple/g, "äpplé 📱"));
    await probe.send({ type: "beginEvents", fileName: "scenario2.events.csv", totalBytes: bytes.length });
    for (let i = 0; i < bytes.length; i += 5) await probe.sendBytes(bytes.slice(i, i + 5));
    expect(await probe.send({ type: "endEvents" })).toMatchObject({
      type: "progress",
      progress: { events: 3, problems: 0, bytes: bytes.length, done: true },
    });
    await probe.send({
      type: "loadRules",
      rules: JSON.parse(read("scenario2.rule.json")) as unknown,
      bindings: JSON.parse(read("bindings.json")) as unknown,
    });
    const first = await probe.send({ type: "step" });
    expect(first).toMatchObject({ type: "summary", summary: { position: { processedEvents: 1 } } });

    let last = first;
    for (let i = 0; i < 4; i++) last = await probe.send({ type: "step" });
    expect(last).toMatchObject({ summary: { state: "finished", counts: { matches: 1, timeouts: 1 } } });
    if (last.type !== "summary") throw new Error("expected a summary");
    const brands = last.summary.newest.matches[0]?.stages.flatMap((s) => s.events.map((e) => e.fields.brand));
    expect(brands).toContain("äpplé 📱");

    const key = last.summary.newest.matches[0]?.key ?? null;
    expect(await probe.send({ type: "partialMatches", key })).toMatchObject({
      type: "partialMatchesResult",
      result: { key, rules: [{ ruleId: "1", partialMatches: [] }] },
    });
    expect(await probe.send({ type: "explain", position: 1, ruleId: "1" })).toMatchObject({
      type: "explainResult",
      result: { position: 1, outcome: { type: "explained" } },
    });
    const broadcast = await probe.send({ type: "broadcastState" });
    expect(broadcast).toMatchObject({
      type: "broadcastStateResult",
      result: [{ subtask: 0 }, { subtask: 1 }],
    });
    const metrics = await probe.send({ type: "metrics" });
    expect(metrics.type === "metricsResult" && metrics.result.samples.length).toBeGreaterThan(0);
    expect(offOrigin).toEqual([]);
  });
});
