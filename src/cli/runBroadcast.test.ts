/**
 * `cep-studio run --broadcast FILE` (rule updates, removals, configs) and `--processor` (the
 * seed 000 / 001 keyed-broadcast processors).
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { exportRule } from "../formats/dynamicCep/index.ts";
import { PatternBuilder } from "../model/patternBuilder.ts";
import { assignKeyToParallelOperator } from "../runtime/keyGroups.ts";
import { parseOutput, ruleJson, runInProcess, summarize, writeTempFiles } from "./testing/cliTestSupport.ts";

describe("--broadcast", () => {
  const events = ["a", "a", "b", "a", "c", "a", "c"]
    .map((kind, i) => `{"u":"u1","kind":"${kind}","i":${i}}`)
    .join("\n");

  it("updates a rule mid-stream: the new version runs, the old one's partial matches are reported", async () => {
    const dir = writeTempFiles({
      "r.json": ruleJson("r", 1, "a", "b"),
      "b.jsonl": `{"at":4,"rule":${ruleJson("r", 2, "a", "c")}}\n`,
    });
    const run = await runInProcess(
      [
        "run",
        "--pattern",
        path.join(dir, "r.json"),
        "--events",
        "-",
        "--key",
        "u",
        "--broadcast",
        path.join(dir, "b.jsonl"),
      ],
      events,
    );
    expect(run.stderr).toBe("");
    expect(run.stdout.split("\n")[0]).toBe(
      '{"type":"match","rule":"r","version":1,"key":"u1","events":{"a":[{"u":"u1","kind":"a","i":0}],"b":[{"u":"u1","kind":"b","i":2}]}}',
    );
    expect(summarize(run.stdout, "i").slice(1)).toEqual([
      "match u1 a=1 b=2",
      "rule-dropped null ",
      "match u1 a=5 b=6",
    ]);
    const records = parseOutput(run.stdout) as unknown[];
    expect(records.slice(2)).toEqual([
      { type: "rule-dropped", rule: "r", version: 1, partialMatches: 1 },
      expect.objectContaining({
        type: "match",
        rule: "r",
        version: 2,
        events: expect.objectContaining({ b: [{ u: "u1", kind: "c", i: 6 }] }) as unknown,
      }),
    ]);
  });

  it("warns once for a broadcast rule that holds keys at the partial-match cap, however many keys hit it", async () => {
    const dir = writeTempFiles({ "b.jsonl": `{"at":0,"rule":${ruleJson("r", 1, "a", "b")}}\n` });
    const starts = ["u1", "u2", "u1", "u2"].map((u) => `{"u":"${u}","kind":"a"}`).join("\n");
    const args = ["run", "--events", "-", "--key", "u", "--broadcast", path.join(dir, "b.jsonl")];
    const run = await runInProcess([...args, "--max-partial-matches", "1"], starts);
    expect(run.status).toBe(0);
    expect(run.stderr.trimEnd().split("\n")).toEqual([
      expect.stringMatching(
        /^warning: .*b\.jsonl:1: rule 'r' \(version 1\): more than 1 partial matches for one key; /,
      ),
    ]);
  });

  it("adds rules without --pattern, removes them, and rejects an old version on stderr", async () => {
    const dir = writeTempFiles({
      "b.jsonl": [
        `{"at":0,"rule":${ruleJson("r", 5, "a", "b")}}`,
        `{"at":1,"rule":${ruleJson("r", 4, "a", "c")}}`,
        `{"at":4,"remove":"r"}`,
      ].join("\n"),
    });
    const file = path.join(dir, "b.jsonl");
    const run = await runInProcess(
      ["run", "--events", "-", "--key", "u", "--broadcast", file, "--parallelism", "2"],
      events,
    );
    expect(run.status).toBe(0);
    expect(run.stderr).toBe(
      `${file}:2: warning: rule 'r' version 4 rejected: version 5 is active (an update needs a higher version)\n`,
    );
    const subtask = assignKeyToParallelOperator("u1", "String", 128, 2);
    expect(run.stdout.split("\n").slice(-3)).toEqual([
      expect.stringMatching(
        new RegExp(`^\\{"type":"match","rule":"r","version":5,.*,"subtask":${subtask}\\}$`),
      ) as unknown,
      '{"type":"rule-dropped","rule":"r","version":5,"partialMatches":1}',
      "",
    ]);
  });

  it("replaces the config conditions read, from the next event on (at as event time)", async () => {
    const pattern = PatternBuilder.begin("big").where("price > config.threshold").build();
    const dir = writeTempFiles({
      "r.json": JSON.stringify(exportRule({ id: "hv", version: 1, pattern, function: null })),
      "b.jsonl":
        '{"at":"2020-01-01 00:00:00","config":{"threshold":100}}\n{"at":"2020-01-01 00:00:03","config":{"threshold":10}}\n',
    });
    const prices = [50, 150, 50, 50];
    const input = prices.map((price, i) => `{"price":${price},"t":"2020-01-01 00:00:0${i + 1}"}`).join("\n");
    const run = await runInProcess(
      [
        "run",
        "--pattern",
        path.join(dir, "r.json"),
        "--events",
        "-",
        "--time",
        "t",
        "--broadcast",
        path.join(dir, "b.jsonl"),
      ],
      input,
    );
    expect(run.stderr).toBe("");
    expect(summarize(run.stdout, "t")).toEqual([
      "match null big=2020-01-01 00:00:02",
      "match null big=2020-01-01 00:00:03",
      "match null big=2020-01-01 00:00:04",
    ]);
  });

  it("reports every problem of the broadcast file with FILE:LINE and exits 2", async () => {
    const badRule = JSON.stringify({ id: "x", version: 1, pattern: { name: "p" }, function: null });
    const lines = [
      '{"at":0,"config":{"a":1}',
      '{"at":1,"remove":"r","config":{}}',
      '{"at":-1,"remove":"r"}',
      `{"at":2,"rule":${badRule}}`,
      '{"at":5,"remove":"r"}',
      '{"at":4,"remove":"r"}',
      '{"at":6,"pattern":{}}',
    ];
    const dir = writeTempFiles({ "b.jsonl": lines.join("\n") });
    const file = path.join(dir, "b.jsonl");
    const run = await runInProcess(["run", "--events", "-", "--broadcast", file], "");
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    const errs = run.stderr.trimEnd().split("\n");
    expect(errs[0]).toMatch(new RegExp(`^${file}:1:\\d+: `));
    expect(errs[1]).toBe(
      `${file}:2: a broadcast record has "at" and exactly one of "rule", "remove", "config" (2 actions)`,
    );
    expect(errs[2]).toBe(
      `${file}:3: "at" must be an event position (a whole number ≥ 0) without --time or --clock`,
    );
    expect(errs[3]).toMatch(new RegExp(`^${file}:4:\\d+: rule\\.pattern`));
    expect(errs).toContain(
      `${file}:6: at 4 comes before the previous record's at 5 (broadcast records must be in order)`,
    );
    expect(errs.at(-1)).toBe(
      `${file}:7: a broadcast record has "at" and exactly one of "rule", "remove", "config" (unknown field "pattern")`,
    );
  });

  it("reports every condition problem of a broadcast rule at its column, asking for --bindings", async () => {
    const pattern = PatternBuilder.begin("a")
      .where("kind ==")
      .followedBy("b")
      .where({ type: "class", className: "a.B" })
      .build();
    const rule = JSON.stringify(exportRule({ id: "x", version: 1, pattern, function: null }));
    const dir = writeTempFiles({ "b.jsonl": `{"at":0,"rule":${rule}}\n` });
    const file = path.join(dir, "b.jsonl");
    const run = await runInProcess(["run", "--events", "-", "--broadcast", file], "");
    expect(run).toMatchObject({ status: 2, stdout: "" });
    expect(run.stderr.split("\n")).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${file.replace(/[.\\]/g, "\\$&")}:1:\\d+: rule\\.pattern\\.nodes\\[1\\]\\.condition\\.expression: stage 'a': 1:8: `,
        ),
      ) as unknown,
      expect.stringMatching(
        /:1:\d+: rule\.pattern\.nodes\[0\]\.condition\.className: condition class 'a\.B' \(stage 'b'\) has no binding; give its expression in --bindings FILE$/,
      ) as unknown,
      "",
    ]);
  });
});

describe("--processor", () => {
  const USER = "a9b83681ba4df17a30abcf085ce80a9b";
  const TYPES = [
    "VIEW_PRODUCT",
    "VIEW_PRODUCT",
    "VIEW_PRODUCT",
    "VIEW_PRODUCT",
    "VIEW_PRODUCT",
    "VIEW_PRODUCT",
    "ADD_TO_CART",
    "VIEW_PRODUCT",
    "PURCHASE",
  ];
  const events = TYPES.map(
    (eventType) =>
      `{"userId":"${USER}","channel":"APP","eventType":"${eventType}","eventTime":"2018-06-12_09:27:11","data":{"productId":126}}`,
  ).join("\n");
  const ARTICLE = `{"type":"result","userId":"${USER}","channel":"APP","purchasePathLength":9,"eventTypeCounts":{"ADD_TO_CART":1,"PURCHASE":1,"VIEW_PRODUCT":7}}`;
  const CONFIG =
    '{"at":0,"config":{"channel":"APP","registerDate":"2018-01-01","historyPurchaseTimes":0,"maxPurchasePathLength":3}}';

  it("purchase-path prints seed 000's result, with the owning subtask under --parallelism", async () => {
    const dir = writeTempFiles({ "c.jsonl": CONFIG });
    const args = [
      "run",
      "--processor",
      "purchase-path",
      "--events",
      "-",
      "--broadcast",
      path.join(dir, "c.jsonl"),
    ];
    const run = await runInProcess(args, events);
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe(`${ARTICLE}\n`);
    const parallel = await runInProcess([...args, "--parallelism", "4"], events);
    const subtask = assignKeyToParallelOperator(USER, "String", 128, 4);
    expect(parallel.stdout).toBe(`${ARTICLE.slice(0, -1)},"subtask":${subtask}}\n`);
  });

  it("purchase-path reports records it cannot read, and bad config records", async () => {
    const dir = writeTempFiles({ "c.jsonl": '{"at":0,"config":{"channel":"APP"}}' });
    const bad = await runInProcess(
      ["run", "--processor", "purchase-path", "--events", "-", "--broadcast", path.join(dir, "c.jsonl")],
      events,
    );
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe(
      `${path.join(dir, "c.jsonl")}:1: config: field "registerDate" must be text, got nothing (the field is missing)\n`,
    );
    const skipped = await runInProcess(
      ["run", "--processor", "purchase-path", "--events", "-"],
      '{"userId":"u","channel":"APP","eventType":"CLICK","eventTime":"x"}',
    );
    expect(skipped.status).toBe(0);
    expect(skipped.stderr).toMatch(/^<stdin>:1: record: field "eventType" must be one of VIEW_PRODUCT/);
  });

  it("two-action: a new pattern from the broadcast stream replaces the active one (seed 001)", async () => {
    const dir = writeTempFiles({
      "p.jsonl":
        '{"at":0,"pattern":{"firstAction":"login","secondAction":"logout"}}\n{"at":4,"pattern":{"firstAction":"add-to-cart","secondAction":"logout"}}\n',
    });
    const actions = [
      ["1001", "login"],
      ["1001", "logout"],
      ["1002", "add-to-cart"],
      ["1002", "logout"],
      ["1003", "add-to-cart"],
      ["1003", "logout"],
    ].map(([u, a]) => `{"userId":${u},"action":"${a}"}`);
    const run = await runInProcess(
      ["run", "--processor", "two-action", "--events", "-", "--broadcast", path.join(dir, "p.jsonl")],
      actions.join("\n"),
    );
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe(
      '{"type":"result","userId":"1001","pattern":{"firstAction":"login","secondAction":"logout"}}\n' +
        '{"type":"result","userId":"1003","pattern":{"firstAction":"add-to-cart","secondAction":"logout"}}\n',
    );
  });

  it("checks the flags", async () => {
    const run = await runInProcess(["run", "--processor", "nope", "--pattern", "p.json", "--events", "-"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("--processor takes purchase-path or two-action, not 'nope'");
    expect(run.stderr).toContain("--pattern and --processor exclude each other (a processor runs no rules)");
    const missing = await runInProcess(["run", "--events", "-"]);
    expect(missing.stderr).toContain("missing required option --pattern");
  });
});
