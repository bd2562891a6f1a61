/**
 * The five seed scenarios (../shared/scenarios/README.md) through `cep-studio run`, keyed by
 * `userId`, in event time from `eventTime`, with the seed's condition bindings. Besides the
 * matches the README lists, the final +∞ watermark times out every partial match still open;
 * those timeouts follow from Flink's semantics and are asserted too.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  parseOutput,
  runInProcess,
  scenarioArgs,
  SCENARIOS,
  summarize,
  utc,
  writeTempFiles,
} from "./testing/cliTestSupport.ts";

const MINUTE = 60_000;
const DAY = 86_400_000;

function rows(n: number): string[] {
  return readFileSync(path.join(SCENARIOS, `scenario${n}.events.csv`), "utf8")
    .trimEnd()
    .split("\n");
}

describe("seed scenarios", () => {
  it("scenario 1: first_view next second_view within 5 min — 3 matches, then row 4 times out", async () => {
    const run = await runInProcess(scenarioArgs(1));
    expect(run).toMatchObject({ status: 0, stderr: "" });
    expect(summarize(run.stdout, "eventTime")).toEqual([
      "match 519698804 first_view=2020-01-01 00:01:00.0 second_view=2020-01-01 00:01:03.0",
      "match 519698804 first_view=2020-01-01 00:01:03.0 second_view=2020-01-01 00:01:07.0",
      "match 519698804 first_view=2020-01-01 00:01:07.0 second_view=2020-01-01 00:01:08.0",
      `timeout 519698804 @${utc("2020-01-01 00:01:08") + 5 * MINUTE} first_view=2020-01-01 00:01:08.0`,
    ]);
    const [first] = parseOutput(run.stdout);
    expect(first).toMatchObject({ type: "match", rule: "1", version: 1, key: "519698804" });
    // Events as read: every column, numbers where exact, ids beyond 2^53 as digit strings.
    expect(first?.events?.first_view).toEqual([
      {
        eventTime: "2020-01-01 00:01:00.0",
        eventType: "view",
        productId: 1005073,
        categoryId: "2232732093077520756",
        categoryCode: "construction.tools.light",
        brand: "samsung",
        price: 1130.02,
        userId: 519698804,
        userSession: "69b5d72f-fd6e-4fed-aa23-1286b2ca89a0",
      },
    ]);
    expect(run.stdout).toContain('"categoryId":"2232732093077520756"');
  });

  it("scenario 2: cart_add followedBy purchase within 30 min — one match, one abandoned cart", async () => {
    const run = await runInProcess(scenarioArgs(2));
    expect(run).toMatchObject({ status: 0, stderr: "" });
    expect(summarize(run.stdout, "eventTime")).toEqual([
      "match 590404850 cart_add=2020-01-01 01:11:02.0 purchase=2020-01-01 01:11:03.0",
      `timeout 517014550 @${utc("2020-01-01 01:31:01")} cart_add=2020-01-01 01:01:01.0`,
    ]);
    expect(utc("2020-01-01 01:31:01")).toBe(utc("2020-01-01 01:01:01") + 30 * MINUTE);
    expect(run.stdout).toContain('"categoryId":"2053013555631882655"');
  });

  it("scenario 3: initial_view followedBy repeat_view.times(3) within 15 min", async () => {
    const run = await runInProcess(scenarioArgs(3));
    expect(run).toMatchObject({ status: 0, stderr: "" });
    const t = (s: string): string => `2020-01-01 02:01:0${s}.0`;
    expect(summarize(run.stdout, "eventTime")).toEqual([
      `match 578858757 initial_view=${t("1")} repeat_view=${t("2")}|${t("3")}|${t("4")}`,
      // Rows 2–4 each started a run that never saw three repeats.
      `timeout 578858757 @${utc("2020-01-01 02:01:02") + 15 * MINUTE} initial_view=${t("2")} repeat_view=${t("3")}|${t("4")}`,
      `timeout 578858757 @${utc("2020-01-01 02:01:03") + 15 * MINUTE} initial_view=${t("3")} repeat_view=${t("4")}`,
      `timeout 578858757 @${utc("2020-01-01 02:01:04") + 15 * MINUTE} initial_view=${t("4")}`,
    ]);
  });

  it("scenario 4: view next cheaper view next cart within 10 min — one match, nothing left open", async () => {
    const run = await runInProcess(scenarioArgs(4));
    expect(run).toMatchObject({ status: 0, stderr: "" });
    expect(summarize(run.stdout, "eventTime")).toEqual([
      "match 516616354 initial_view=2020-01-01 03:01:01.0 view_price_drop=2020-01-01 03:01:02.0 cart_after_price_drop=2020-01-01 03:01:03.0",
    ]);
  });

  it("scenario 5: first_view.timesOrMore(10) notNext purchase — the match completes when row 11 arrives", async () => {
    const run = await runInProcess(scenarioArgs(5));
    expect(run).toMatchObject({ status: 0, stderr: "" });
    const records = parseOutput(run.stdout);
    const times = rows(5)
      .slice(1)
      .map((row) => row.split(",")[0] ?? "");
    expect(records[0]).toMatchObject({ type: "match", key: "563209914" });
    expect(records[0]?.events?.first_view?.map((e) => e.eventTime)).toEqual(times.slice(0, 10));
    expect(Object.keys(records[0]?.events ?? {})).toEqual(["first_view"]);
    // The rest are the runs still looping for more views, timed out a week after their first view:
    // row 1's (it can take an 11th view) and those started by rows 2–10.
    const timeouts = records.slice(1);
    expect(timeouts.map((r) => r.type)).toEqual(Array<string>(10).fill("timeout"));
    expect(timeouts.map((r) => r.timestamp)).toEqual(
      times.slice(0, 10).map((t) => utc(t.slice(0, 19)) + 7 * DAY),
    );
    expect(timeouts.map((r) => r.events?.first_view?.length)).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);

    // Without row 11 (the cart that is not a purchase) nothing completes.
    const dir = writeTempFiles({ "first10.csv": `${rows(5).slice(0, 11).join("\n")}\n` });
    const args = scenarioArgs(5);
    args[args.indexOf("--events") + 1] = path.join(dir, "first10.csv");
    const without = await runInProcess(args);
    expect(parseOutput(without.stdout).filter((r) => r.type === "match")).toEqual([]);
  });

  it("runs all five rules side by side on one stream when given as an array", async () => {
    const rules = [1, 2, 3, 4, 5].map((n, i) => ({
      ...(JSON.parse(readFileSync(path.join(SCENARIOS, `scenario${n}.rule.json`), "utf8")) as object),
      id: `s${n}`,
      version: i + 1,
    }));
    const dir = writeTempFiles({ "rules.json": JSON.stringify(rules) });
    const args = scenarioArgs(2);
    args[args.indexOf("--pattern") + 1] = path.join(dir, "rules.json");
    const run = await runInProcess(args);
    expect(run).toMatchObject({ status: 0, stderr: "" });
    const records = parseOutput(run.stdout);
    expect(records.map((r) => `${r.type} ${r.rule ?? ""} v${String(r.version)} ${r.key ?? ""}`)).toEqual([
      "match s2 v2 590404850",
      "timeout s2 v2 517014550",
    ]);
  });
});
