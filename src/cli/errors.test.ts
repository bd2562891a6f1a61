/**
 * Usage errors and invalid inputs: exit status 2, one clear line per problem on stderr naming
 * the file and where in it, and nothing on stdout. `--help` prints the usage and exits 0.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BINDINGS, runInProcess, scenarioArgs, SCENARIOS, writeTempFiles } from "./testing/cliTestSupport.ts";

const RULE1 = path.join(SCENARIOS, "scenario1.rule.json");
const EVENTS1 = path.join(SCENARIOS, "scenario1.events.csv");

function atomic(name: string, condition: unknown = null): unknown {
  return {
    name,
    type: "ATOMIC",
    quantifier: {
      consumingStrategy: "SKIP_TILL_NEXT",
      properties: ["SINGLE"],
      times: null,
      untilCondition: null,
    },
    condition,
  };
}

function graph(nodes: unknown[], edges: unknown[], window: unknown = null): string {
  return JSON.stringify({
    name: "b",
    quantifier: null,
    condition: null,
    nodes,
    edges,
    window,
    afterMatchStrategy: { type: "NO_SKIP", patternName: null },
    type: "COMPOSITE",
    version: 1,
  });
}

async function expectUsageError(args: string[], ...messages: string[]): Promise<void> {
  const run = await runInProcess(args);
  expect(run.status).toBe(2);
  expect(run.stdout).toBe("");
  expect(run.stderr).toBe(messages.map((m) => `cep-studio: ${m}\n`).join(""));
}

describe("usage", () => {
  it("--help prints the usage on stdout and exits 0", async () => {
    for (const args of [["--help"], ["-h"], ["run", "--help"], ["convert", "--help"]]) {
      const run = await runInProcess(args);
      expect(run).toMatchObject({ status: 0, stderr: "" });
      expect(run.stdout).toContain("cep-studio run --pattern FILE --events FILE");
      expect(run.stdout).toContain("cep-studio convert --pattern FILE --to json|sql|java");
    }
  });

  it("refuses a missing or unknown command", async () => {
    await expectUsageError([], "missing command: use 'run', 'convert' or 'generate'");
    await expectUsageError(["match"], "unknown command 'match': use 'run', 'convert' or 'generate'");
  });

  it("refuses unknown flags, missing required flags and missing values, all at once", async () => {
    await expectUsageError(
      ["run", "--events", EVENTS1, "--bogus", "x", "--key"],
      // `--bogus x` is one mistake, one line.
      "unknown option --bogus",
      "--key needs a value",
      "missing required option --pattern",
    );
    await expectUsageError(["convert", "--pattern", RULE1], "missing required option --to");
    await expectUsageError(
      ["convert", "--pattern", RULE1, "--to", "yaml"],
      "--to takes json, sql or java, not 'yaml'",
    );
  });

  it("refuses flags given twice and flags that do not go together", async () => {
    await expectUsageError([...scenarioArgs(1), "--key", "userSession"], "--key is given twice");
    await expectUsageError(
      ["run", "--pattern", RULE1, "--events", EVENTS1, "--out-of-orderness", "5", "--no-final-watermark"],
      "--out-of-orderness needs --time FIELD (it only applies to event time)",
      "--no-final-watermark needs --time FIELD (it only applies to event time)",
    );
    await expectUsageError(
      [...scenarioArgs(1), "--out-of-orderness", "5", "--watermarks", "explicit"],
      "--out-of-orderness and --watermarks explicit exclude each other",
    );
    await expectUsageError(
      [...scenarioArgs(1), "--watermarks", "punctuated"],
      "--watermarks takes 'explicit', not 'punctuated'",
    );
    await expectUsageError(
      [...scenarioArgs(1), "--out-of-orderness", "1.5"],
      "--out-of-orderness takes a whole number of milliseconds, not '1.5'",
    );
    // A negative number is the flag's (bad) value, not a flag.
    await expectUsageError(
      [...scenarioArgs(1), "--out-of-orderness", "-5"],
      "--out-of-orderness takes a whole number of milliseconds, not '-5'",
    );
    await expectUsageError(
      ["convert", "--pattern", RULE1, "--to", "json", "--time", "t"],
      "unknown option --time",
    );
    await expectUsageError(
      [...scenarioArgs(1), "--clock", "eventTime"],
      "--time and --clock exclude each other (event time or processing time)",
    );
  });

  it("accepts --flag=value", async () => {
    const run = await runInProcess([
      "run",
      `--pattern=${RULE1}`,
      `--events=${EVENTS1}`,
      "--key=userId",
      "--time=eventTime",
      `--bindings=${BINDINGS}`,
    ]);
    expect(run.status).toBe(0);
  });
});

describe("invalid inputs", () => {
  async function expectInputError(args: string[], stderr: string): Promise<void> {
    const run = await runInProcess(args);
    expect(run).toEqual({ status: 2, stdout: "", stderr });
  }

  it("reports unreadable files", async () => {
    const missing = path.join(SCENARIOS, "nope.json");
    await expectInputError(
      ["run", "--pattern", missing, "--events", EVENTS1],
      `${missing}: cannot read the file (ENOENT: no such file or directory, open '${missing}')\n`,
    );
    const missingCsv = path.join(SCENARIOS, "nope.csv");
    await expectInputError(
      [...scenarioArgs(1).slice(0, 3), "--events", missingCsv, "--bindings", BINDINGS],
      `${missingCsv}: cannot read the file (ENOENT: no such file or directory, open '${missingCsv}')\n`,
    );
  });

  it("reports JSON syntax errors as FILE:LINE:COL", async () => {
    const dir = writeTempFiles({ "p.json": '{\n  "nodes": [\n', "b.json": '{"a.B": "x > 1",}' });
    const pattern = path.join(dir, "p.json");
    await expectInputError(
      ["run", "--pattern", pattern, "--events", EVENTS1],
      `${pattern}:3:1: unexpected end of input; expected a JSON value\n`,
    );
    const bindings = path.join(dir, "b.json");
    const run = await runInProcess(["run", "--pattern", RULE1, "--events", EVENTS1, "--bindings", bindings]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(new RegExp(`^${bindings.replace(/[.\\]/g, "\\$&")}:1:\\d+: `));
  });

  it("reports invalid pattern structure with the JSON path and position", async () => {
    const bad = graph(
      [
        {
          ...(atomic("b") as object),
          quantifier: {
            consumingStrategy: "SKIP_TILL_NEXT",
            properties: ["TIMES"],
            times: { from: 0, to: -1, windowTime: null },
            untilCondition: null,
          },
        },
        atomic("a"),
      ],
      [{ source: "a", target: "b", type: "SKIP_TILL_NEXT" }],
    );
    const dir = writeTempFiles({ "p.json": bad });
    const file = path.join(dir, "p.json");
    const run = await runInProcess(["run", "--pattern", file, "--events", EVENTS1]);
    expect(run).toMatchObject({ status: 2, stdout: "" });
    expect(run.stderr).toMatch(/:1:\d+: nodes\[0\]\.quantifier\.times\.to: /);
    expect(run.stderr.startsWith(`${file}:1:`)).toBe(true);
  });

  it("reports patterns Flink rejects (NFACompiler rules), naming the stage", async () => {
    const dir = writeTempFiles({
      "p.json": graph([atomic("b"), atomic("a")], [{ source: "a", target: "b", type: "NOT_FOLLOW" }]),
    });
    const file = path.join(dir, "p.json");
    const run = await runInProcess(["run", "--pattern", file, "--events", EVENTS1]);
    expect(run).toMatchObject({ status: 2, stdout: "" });
    expect(run.stderr).toMatch(
      new RegExp(`^${file.replace(/[.\\]/g, "\\$&")}: edges\\[0\\]\\.type: stage 'b': NotFollowedBy`),
    );
  });

  it("refuses CLASS conditions without a binding: one line per class, at its JSON path", async () => {
    const rule2 = path.join(SCENARIOS, "scenario2.rule.json");
    const prefix = "com.alibaba.ververica.cep.demo.condition.";
    const missing = (index: number, cls: string, stages: string) =>
      `${rule2}: pattern.nodes[${index}].condition.className: condition class '${prefix}${cls}' (${stages}) has no binding; give its expression in --bindings FILE\n`;
    await expectInputError(
      ["run", "--pattern", rule2, "--events", EVENTS1],
      missing(0, "PurchaseCondition", "stage 'purchase'") +
        missing(1, "CartAddCondition", "stage 'cart_add'"),
    );
    // A class two stages use is one problem.
    const run = await runInProcess(["run", "--pattern", RULE1, "--events", EVENTS1]);
    expect(run).toEqual({
      status: 2,
      stdout: "",
      stderr: `${RULE1}: pattern.nodes[0].condition.className: condition class '${prefix}FirstViewCondition' (stages 'second_view', 'first_view') has no binding; give its expression in --bindings FILE\n`,
    });
  });

  it("reports every invalid expression: in the pattern at its path, in --bindings at its entry", async () => {
    const dir = writeTempFiles({
      "p.json": graph(
        [
          atomic("b", { type: "AVIATOR", expression: "kind == " }),
          atomic("a", { type: "AVIATOR", expression: "nosuchfn(kind)" }),
        ],
        [{ source: "a", target: "b", type: "SKIP_TILL_NEXT" }],
      ),
      "b.json": '{\n  "a.Ok": "price > 1",\n  "a.Bad": "price >"\n}\n',
    });
    const file = path.join(dir, "p.json");
    const run = await runInProcess(["run", "--pattern", file, "--events", EVENTS1]);
    expect(run).toMatchObject({ status: 2, stdout: "" });
    expect(run.stderr.split("\n")).toEqual([
      expect.stringMatching(/: nodes\[0\]\.condition\.expression: stage 'b': 1:9: /) as unknown,
      expect.stringMatching(/: nodes\[1\]\.condition\.expression: stage 'a': 1:1: .*nosuchfn/) as unknown,
      "",
    ]);
    const bindings = path.join(dir, "b.json");
    await expectInputError(
      ["convert", "--pattern", RULE1, "--to", "java", "--bindings", bindings],
      `${bindings}:3:12: ["a.Bad"]: invalid expression: 1:8: expected an expression but found end of expression\n`,
    );
  });

  it("reports condition problems and Flink's structural ones together", async () => {
    const dir = writeTempFiles({
      "p.json": graph(
        [atomic("b"), atomic("a", { type: "CLASS", className: "a.B" })],
        [{ source: "a", target: "b", type: "NOT_FOLLOW" }],
      ),
    });
    const file = path.join(dir, "p.json");
    const run = await runInProcess(["run", "--pattern", file, "--events", EVENTS1]);
    expect(run).toMatchObject({ status: 2, stdout: "" });
    expect(run.stderr.split("\n")).toEqual([
      `${file}: nodes[1].condition.className: condition class 'a.B' (stage 'a') has no binding; give its expression in --bindings FILE`,
      expect.stringMatching(/: edges\[0\]\.type: stage 'b': NotFollowedBy/) as unknown,
      "",
    ]);
  });

  it("prints pattern warnings and runs anyway", async () => {
    const rule = JSON.parse(readFileSync(RULE1, "utf8")) as { pattern: { afterMatchStrategy: object } };
    rule.pattern.afterMatchStrategy = { type: "NO_SKIP", patternName: "first_view" };
    const dir = writeTempFiles({ "r.json": JSON.stringify(rule) });
    const file = path.join(dir, "r.json");
    const run = await runInProcess(["run", "--pattern", file, "--events", EVENTS1, "--bindings", BINDINGS]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe(
      `warning: ${file}: pattern.afterMatchStrategy.patternName: patternName is ignored for NO_SKIP\n`,
    );
    // Processing time (no --time): the 3 matches, and no flush at the end.
    expect(run.stdout.split("\n").filter((line) => line !== "")).toHaveLength(3);
  });

  it("refuses a CSV whose header names a column twice", async () => {
    const dir = writeTempFiles({ "e.csv": "eventTime,eventTime\n1,2\n" });
    const file = path.join(dir, "e.csv");
    const run = await runInProcess(["run", "--pattern", RULE1, "--bindings", BINDINGS, "--events", file]);
    expect(run).toEqual({
      status: 2,
      stdout: "",
      stderr: `${file}:1: the header names column 'eventTime' twice\n`,
    });
  });
});

describe("unusable event files", () => {
  it("refuses a .json file that is not an array, or empty", async () => {
    const dir = writeTempFiles({ "obj.json": '{"a": 1}\n', "empty.json": "" });
    for (const [name, message] of [
      ["obj.json", "1: expected a JSON array of events ('[') (column 1)"],
      ["empty.json", "1: expected a JSON array of events, found nothing"],
    ] as const) {
      const file = path.join(dir, name);
      const run = await runInProcess(["run", "--pattern", RULE1, "--bindings", BINDINGS, "--events", file]);
      expect(run).toEqual({ status: 2, stdout: "", stderr: `${file}:${message}\n` });
    }
  });
});

describe("failures while running", () => {
  it("stops with exit 1 when a condition fails, naming the input line", async () => {
    const rule = JSON.parse(readFileSync(path.join(SCENARIOS, "scenario2.rule.json"), "utf8")) as {
      pattern: { nodes: Array<{ condition: unknown }> };
    };
    for (const node of rule.pattern.nodes) node.condition = { type: "AVIATOR", expression: "price > 200" };
    const dir = writeTempFiles({ "r.json": JSON.stringify(rule) });
    const run = await runInProcess(
      ["run", "--pattern", path.join(dir, "r.json"), "--events", "-"],
      '{"price": 300}\n{"price": "abc"}\n',
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^<stdin>:2: error: stage '(cart_add|purchase)': .*'abc'/);
  });
});
