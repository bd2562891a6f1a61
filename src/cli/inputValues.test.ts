/**
 * `cep-studio run` on values at the edges of what the inputs can say: numbers a double cannot
 * hold (never read as Infinity or printed as null), duplicate keys (Jackson's last value, with a
 * warning), and empty CSV cells (the empty string, quoted or not, as Flink's CSV format reads them).
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { exportGraphSpec } from "../formats/dynamicCep/index.ts";
import { PatternBuilder } from "../model/patternBuilder.ts";
import { MAX_LISTED_ROW_WARNINGS } from "./rowWarnings.ts";
import { parseOutput, runInProcess, writeTempFiles } from "./testing/cliTestSupport.ts";

const BEYOND = "is beyond a double's range (±1.8e308); Flink's Jackson would read it as";
const JACKSON = "the last value is used, as Flink's Jackson reads it";

/** A one-stage pattern `a` where `condition`. */
function pattern(condition: string): string {
  return JSON.stringify(exportGraphSpec(PatternBuilder.begin("a").where(condition).build()));
}

/**
 * Runs the pattern (a condition, or a pattern file's text) over `events` (a file named
 * `eventsName`), keyed by `u`; extra files and arguments too.
 */
async function run(
  condition: string | { readonly text: string },
  eventsName: string,
  events: string,
  extra: { files?: Record<string, string>; args?: (dir: string) => string[] } = {},
) {
  const text = typeof condition === "string" ? pattern(condition) : condition.text;
  const dir = writeTempFiles({ "p.json": text, [eventsName]: events, ...extra.files });
  const file = path.join(dir, eventsName);
  const args = ["run", "--pattern", path.join(dir, "p.json"), "--events", file, "--key", "u"];
  const result = await runInProcess([...args, ...(extra.args?.(dir) ?? [])]);
  return { ...result, dir, file, matched: parseOutput(result.stdout).map((r) => r.events?.a?.[0]) };
}

describe("numbers a double cannot hold", () => {
  const digits = "9".repeat(400);

  it("reports a JSON Lines row with 1e400 or -1e400 at its field and column, skips it, and goes on", async () => {
    const events = [
      '{"u": 1, "price": 1e400}',
      '{"u": 2, "price": -1e400}',
      `{"u": 3, "price": ${digits}}`,
      '{"u": 4, "price": 11}',
    ].join("\n");
    const r = await run("price > 10", "e.jsonl", events);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(
      `${r.file}:1: price at column 19: the number 1e400 ${BEYOND} Infinity\n` +
        `${r.file}:2: price at column 19: the number -1e400 ${BEYOND} -Infinity\n`,
    );
    // The 400-digit integer keeps its digits (Jackson's BigInteger) and compares exactly.
    expect(r.matched).toEqual([
      { u: 3, price: digits },
      { u: 4, price: 11 },
    ]);
    expect(r.stdout).not.toContain("null");
  });

  it("does the same in a JSON array and in CSV, where a 400-digit cell stays its digits", async () => {
    const json = await run("price > 10", "e.json", `[{"u": 1, "price": 2.5E999},\n {"u": 2, "price": 12}]`);
    expect(json.stderr).toBe(`${json.file}:1: price at column 20: the number 2.5E999 ${BEYOND} Infinity\n`);
    expect(json.matched).toEqual([{ u: 2, price: 12 }]);
    const csv = await run("price > 10", "e.csv", `u,price\n1,1e400\n2,${digits}\n3,"-1E+309"\n`);
    expect(csv.status).toBe(0);
    expect(csv.stderr).toBe(
      `${csv.file}:2: column 'price': the number 1e400 ${BEYOND} Infinity\n` +
        `${csv.file}:4: column 'price': the number -1E+309 ${BEYOND} -Infinity\n`,
    );
    expect(csv.matched).toEqual([{ u: 2, price: digits }]);
  });

  it("refuses one in a pattern, bindings or broadcast file: exit 2, FILE:LINE:COL and the JSON path", async () => {
    const dir = writeTempFiles({
      "p.json": pattern("price > 10").replace('"version":1', '"version":1e400'),
      "b.json": '{\n  "com.x.Cond": 1e999\n}',
      "c.json": pattern("price > config.min"),
      "cast.jsonl": '{"at": 0, "config": {"min": -1e400}}',
      "e.jsonl": '{"u": 1, "price": 5}',
    });
    const at = (name: string) => path.join(dir, name);
    const events = ["--events", at("e.jsonl"), "--key", "u"];
    const bad = await runInProcess(["run", "--pattern", at("p.json"), ...events]);
    expect(bad).toMatchObject({ status: 2, stdout: "" });
    const column = pattern("price > 10").indexOf('"version":1') + '"version":'.length + 1;
    expect(bad.stderr).toBe(`${at("p.json")}:1:${column}: version: the number 1e400 ${BEYOND} Infinity\n`);
    const bindings = await runInProcess([
      "run",
      "--pattern",
      at("c.json"),
      "--bindings",
      at("b.json"),
      ...events,
    ]);
    expect(bindings).toMatchObject({ status: 2, stdout: "" });
    expect(bindings.stderr).toBe(
      `${at("b.json")}:2:17: ["com.x.Cond"]: the number 1e999 ${BEYOND} Infinity\n`,
    );
    const cast = await runInProcess([
      "run",
      "--pattern",
      at("c.json"),
      "--broadcast",
      at("cast.jsonl"),
      ...events,
    ]);
    expect(cast).toMatchObject({ status: 2, stdout: "" });
    expect(cast.stderr).toBe(`${at("cast.jsonl")}:1:29: config.min: the number -1e400 ${BEYOND} -Infinity\n`);
  });
});

describe("duplicate keys", () => {
  it("warns about one in a pattern or bindings file, and runs with the last value, as Flink would", async () => {
    const text = pattern("kind == 'x'").replace(
      '"expression":"kind == \'x\'"',
      '"expression":"kind == \'x\'","expression":"kind == \'y\'"',
    );
    const r = await run({ text }, "e.jsonl", '{"u": 1, "kind": "x"}\n{"u": 1, "kind": "y"}', {
      files: { "b.json": '{"com.x.A": "true",\n "com.x.A": "kind == \'y\'"}' },
      args: (dir) => ["--bindings", path.join(dir, "b.json")],
    });
    expect(r.status).toBe(0);
    const first = text.indexOf('"expression"') + 1;
    const second = text.indexOf('"expression"', first) + 1;
    expect(r.stderr).toBe(
      `warning: ${path.join(r.dir, "p.json")}:1:${second}: nodes[0].condition.expression: duplicate key "expression" (first at 1:${first}); ${JACKSON}\n` +
        `warning: ${path.join(r.dir, "b.json")}:2:2: ["com.x.A"]: duplicate key "com.x.A" (first at 1:2); ${JACKSON}\n`,
    );
    expect(r.matched).toEqual([{ u: 1, kind: "y" }]);
  });

  it("warns about one in a broadcast record, which still applies with the last value", async () => {
    const r = await run("price > config.min", "e.jsonl", '{"u": 1, "price": 5}', {
      files: { "cast.jsonl": '{"at": 0, "config": {"min": 100, "min": 1}}' },
      args: (dir) => ["--broadcast", path.join(dir, "cast.jsonl")],
    });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(
      `warning: ${path.join(r.dir, "cast.jsonl")}:1:34: config.min: duplicate key "min" (first at column 22); ${JACKSON}\n`,
    );
    expect(r.matched).toEqual([{ u: 1, price: 5 }]);
  });

  it(`reads event rows with the last value, listing the first ${MAX_LISTED_ROW_WARNINGS} warnings and counting the rest`, async () => {
    const rows = Array.from(
      { length: MAX_LISTED_ROW_WARNINGS + 3 },
      (_, i) => `{"u": ${i}, "k": "a", "k": "b"}`,
    );
    const r = await run("k == 'b'", "e.jsonl", rows.join("\n"));
    expect(r.status).toBe(0);
    expect(r.matched).toHaveLength(rows.length);
    const lines = r.stderr.split("\n").filter((l) => l !== "");
    expect(lines).toHaveLength(MAX_LISTED_ROW_WARNINGS + 1);
    expect(lines[0]).toBe(
      `warning: ${r.file}:1: k at column 20: duplicate key "k" (first at column 10); ${JACKSON}`,
    );
    expect(lines.at(-1)).toBe(
      `warning: ${r.file}: 3 more rows read with a warning (not listed; ${rows.length} in all)`,
    );
  });
});

describe("empty CSV cells", () => {
  const csv = 'u,code,price\n1,,\n2,"",5\n3,electronics.phone,11\n';

  it("read as the empty string, quoted or not, so string functions work on them (REES46 has many)", async () => {
    const r = await run("string.startsWith(code, 'electronics') || code == ''", "e.csv", csv);
    expect(r).toMatchObject({ status: 0, stderr: "" });
    expect(r.matched).toEqual([
      { u: 1, code: "", price: "" },
      { u: 2, code: "", price: 5 },
      { u: 3, code: "electronics.phone", price: 11 },
    ]);
  });

  it('an empty key cell is the key ""', async () => {
    const r = await run("true", "e.csv", "u,kind\n,a\n1,b\n");
    expect(r).toMatchObject({ status: 0, stderr: "" });
    expect(parseOutput(r.stdout).map((m) => m.key)).toEqual(["", "1"]);
  });
});
