/**
 * `cep-studio convert`: normalized dynamic-CEP JSON (in the shape the file was written), Flink
 * SQL and Java, with exporter notes on stderr and refused exports exiting 2.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BINDINGS, runInProcess, SCENARIOS, writeTempFiles } from "./testing/cliTestSupport.ts";

const RULE = (n: number): string => path.join(SCENARIOS, `scenario${n}.rule.json`);
const ruleJson = (n: number): unknown => JSON.parse(readFileSync(RULE(n), "utf8"));

describe("convert --to json", () => {
  it("prints the seed rules unchanged (they are in the reference writer's shape), 2-space indented", async () => {
    for (const n of [1, 2, 3, 4, 5]) {
      const run = await runInProcess(["convert", "--pattern", RULE(n), "--to", "json"]);
      expect(run).toMatchObject({ status: 0, stderr: "" });
      expect(JSON.parse(run.stdout)).toEqual(ruleJson(n));
      expect(run.stdout).toBe(`${JSON.stringify(ruleJson(n), null, 2)}\n`);
    }
  });

  it("keeps the file's shape: a bare GraphSpec stays a GraphSpec, an array stays an array", async () => {
    const rule = ruleJson(2) as { pattern: unknown };
    const dir = writeTempFiles({
      "graph.json": JSON.stringify(rule.pattern),
      "rules.json": JSON.stringify([ruleJson(1), ruleJson(2)]),
    });
    const bare = await runInProcess(["convert", "--pattern", path.join(dir, "graph.json"), "--to", "json"]);
    expect(JSON.parse(bare.stdout)).toEqual(rule.pattern);
    const many = await runInProcess(["convert", "--pattern", path.join(dir, "rules.json"), "--to", "json"]);
    expect(JSON.parse(many.stdout)).toEqual([ruleJson(1), ruleJson(2)]);
  });
});

describe("convert --to sql", () => {
  it("prints MATCH_RECOGNIZE, with the exporter's notes as warnings on stderr", async () => {
    const rule = { ...(ruleJson(2) as { pattern: object }) };
    const skipping = {
      ...rule,
      pattern: { ...rule.pattern, afterMatchStrategy: { type: "SKIP_PAST_LAST_EVENT", patternName: null } },
    };
    const dir = writeTempFiles({ "r.json": JSON.stringify(skipping) });
    const file = path.join(dir, "r.json");
    const run = await runInProcess(["convert", "--pattern", file, "--to", "sql", "--bindings", BINDINGS]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("MATCH_RECOGNIZE");
    expect(run.stdout).toContain("AFTER MATCH SKIP PAST LAST ROW");
    expect(run.stdout).toContain("cart_add.eventType = 'cart' AND cart_add.price > 200");
    for (const line of run.stderr.trimEnd().split("\n"))
      expect(line).toMatch(new RegExp(`^(warning|note): ${file.replace(/[.\\]/g, "\\$&")}: `));
  });

  it("exits 2 with the reasons when the exporter refuses, printing nothing", async () => {
    const run = await runInProcess(["convert", "--pattern", RULE(1), "--to", "sql"]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(`${RULE(1)}: stage 'first_view': `);
    expect(run.stderr).toContain("NO_SKIP");
  });
});

describe("convert --to java", () => {
  it("prints the Pattern API code", async () => {
    const run = await runInProcess(["convert", "--pattern", RULE(1), "--to", "java"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Pattern.<Event>begin("first_view"');
    expect(run.stdout).toContain('.next("second_view")');
  });

  it("names one class per rule for a rule array", async () => {
    const dir = writeTempFiles({
      "rules.json": JSON.stringify([ruleJson(1), { ...(ruleJson(2) as object), id: "x-2" }]),
    });
    const run = await runInProcess(["convert", "--pattern", path.join(dir, "rules.json"), "--to", "java"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("// rule '1' (version 1)");
    expect(run.stdout).toContain("class Rule1V1");
    expect(run.stdout).toContain("class Rulex_2V1");
  });
});
