/**
 * Files saved with lone CRs as line breaks (classic Mac, some Excel and Windows tools), or
 * starting with a byte-order mark (Notepad, Excel's "CSV UTF-8"): every `FILE:LINE[:COL]` the CLI
 * reports names the line and column an editor shows the problem at, for rule files (`--pattern`),
 * broadcast files and event files (JSON arrays, JSON Lines, CSV) alike.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ruleJson, runInProcess, writeTempFiles } from "./testing/cliTestSupport.ts";

const RULE = ruleJson("r", 1, "a", "b");

describe("lone CR line breaks", () => {
  it("reports a bad element of a CR-only .json events file on its line", async () => {
    const events = '[\r  {"kind": "a"},\r  {"kind": tru},\r  {"kind": "b"}\r]\r';
    const dir = writeTempFiles({ "r.json": RULE, "e.json": events });
    const file = path.join(dir, "e.json");
    const run = await runInProcess(["run", "--pattern", path.join(dir, "r.json"), "--events", file]);
    expect(run.stderr).toBe(
      `${file}:3: invalid JSON at column 12: unexpected 't'; expected a JSON value (strings need double quotes)\n`,
    );
  });

  it("reports a problem inside a multi-line element on the element's line that holds it", async () => {
    const events = '[\r  {"kind": "a"},\r  {\r    "kind": "b",\r    "n": 1e999\r  }\r]';
    const dir = writeTempFiles({ "r.json": RULE, "e.json": events });
    const file = path.join(dir, "e.json");
    const run = await runInProcess(["run", "--pattern", path.join(dir, "r.json"), "--events", file]);
    expect(run.stderr).toMatch(new RegExp(`^${escaped(file)}:5: n at column 10: `));
  });

  it("reports JSON Lines and CSV rows on their lines", async () => {
    const dir = writeTempFiles({
      "r.json": RULE,
      "e.jsonl": '{"kind": "a"}\r\r{"kind": "b",}\r',
      "e.csv": "kind,n\ra,1\rb,2,3\r",
    });
    const jsonl = path.join(dir, "e.jsonl");
    const csv = path.join(dir, "e.csv");
    const rule = path.join(dir, "r.json");
    const lines = await runInProcess(["run", "--pattern", rule, "--events", jsonl]);
    expect(lines.stderr).toMatch(new RegExp(`^${escaped(jsonl)}:3: invalid JSON at column 14: `));
    const rows = await runInProcess(["run", "--pattern", rule, "--events", csv]);
    expect(rows.stderr).toBe(`${csv}:3: expected 2 fields (as in the header), found 3\n`);
  });

  it("reports errors in a CR-only rule file where they are in the same file with LFs", async () => {
    const pretty = JSON.stringify(JSON.parse(RULE), null, 2);
    const lines = pretty.split("\n");
    // A syntax error on a line in the middle, and a value Flink rejects (reported at its path).
    const line = Math.floor(lines.length / 2);
    const broken = lines.map((l, i) => (i === line ? `${l} x` : l)).join("\n");
    const at = pretty.lastIndexOf('"ATOMIC"');
    const invalid = `${pretty.slice(0, at)}"ATOM"${pretty.slice(at + '"ATOMIC"'.length)}`;
    expect(line).toBeGreaterThan(2);
    for (const [text, where] of [
      [broken, `:${line + 1}:${(lines[line] ?? "").length + 2}: `],
      [invalid, null],
    ] as const) {
      const dir = writeTempFiles({ "lf.json": text, "cr.json": text.replaceAll("\n", "\r") });
      const [lf, cr] = [path.join(dir, "lf.json"), path.join(dir, "cr.json")];
      const withLf = await runInProcess(["run", "--pattern", lf, "--events", "-"], "");
      const withCr = await runInProcess(["run", "--pattern", cr, "--events", "-"], "");
      expect(withLf.status).toBe(2);
      expect(withCr.stderr).toBe(withLf.stderr.replaceAll(lf, cr));
      if (where !== null) expect(withCr.stderr.startsWith(`${cr}${where}`)).toBe(true);
      else expect(withCr.stderr).toMatch(new RegExp(`^${escaped(cr)}:([2-9]|\\d\\d+):\\d+: `));
    }
  });

  it("reads a CR-only broadcast file line by line, a bad record on its line", async () => {
    const dir = writeTempFiles({
      "b.jsonl": `{"at":0,"rule":${RULE}}\r{"at":1,"rule":}\r`,
    });
    const file = path.join(dir, "b.jsonl");
    const run = await runInProcess(["run", "--events", "-", "--broadcast", file], "");
    expect(run.stderr).toMatch(new RegExp(`^${escaped(file)}:2:16: `));
  });
});

describe("a byte-order mark", () => {
  const BOM = "\uFEFF";

  /** Runs `args` (FILE standing for the file) on `text` with and without a BOM: both reports. */
  async function withAndWithoutBom(
    name: string,
    text: string,
    args: (file: string, dir: string) => string[],
  ): Promise<{ file: string; withBom: string; plain: string }> {
    const dir = writeTempFiles({ "r.json": RULE, [`bom-${name}`]: BOM + text, [name]: text });
    const file = path.join(dir, `bom-${name}`);
    const withBom = await runInProcess(args(file, dir), "");
    const plain = await runInProcess(args(path.join(dir, name), dir), "");
    expect(withBom.status).toBe(plain.status);
    return { file, withBom: withBom.stderr, plain: plain.stderr.replaceAll(path.join(dir, name), file) };
  }

  it("takes no column in a rule file: an error on line 1 is at the column an editor shows", async () => {
    const events = (file: string): string[] => ["run", "--pattern", file, "--events", "-"];
    const syntax = await withAndWithoutBom("r1.json", '{"id": x}\n', events);
    expect(syntax.withBom).toMatch(new RegExp(`^${escaped(syntax.file)}:1:8: `));
    expect(syntax.withBom).toBe(syntax.plain);
    // A value Flink rejects, found after parsing and located by its JSON path.
    const at = RULE.lastIndexOf('"ATOMIC"');
    const invalid = `${RULE.slice(0, at)}"ATOM"${RULE.slice(at + '"ATOMIC"'.length)}`;
    const value = await withAndWithoutBom("r2.json", invalid, events);
    expect(value.withBom).toMatch(new RegExp(`^${escaped(value.file)}:1:${at + 1}: `));
    expect(value.withBom).toBe(value.plain);
  });

  it("takes no column in JSON, JSON Lines and CSV events files", async () => {
    const run = (file: string, dir: string): string[] => [
      "run",
      "--pattern",
      path.join(dir, "r.json"),
      "--events",
      file,
    ];
    const json = await withAndWithoutBom("e.json", '[{"kind": tru},\r\n {"kind": "a"}]', run);
    expect(json.withBom).toBe(
      `${json.file}:1: invalid JSON at column 11: unexpected 't'; expected a JSON value (strings need double quotes)\n`,
    );
    expect(json.withBom).toBe(json.plain);
    const jsonl = await withAndWithoutBom("e.jsonl", '{"kind": "b",}\r\n{"kind": "a"}\r\n', run);
    expect(jsonl.withBom).toMatch(new RegExp(`^${escaped(jsonl.file)}:1: invalid JSON at column 14: `));
    expect(jsonl.withBom).toBe(jsonl.plain);
    const csv = await withAndWithoutBom("e.csv", 'kind,n\r\n"a"x,1\r\n', run);
    expect(csv.withBom).toBe(
      `${csv.file}:2: malformed CSV: unexpected "x" after the closing quote of field 1 (column 4)\n`,
    );
    expect(csv.withBom).toBe(csv.plain);
  });

  it("takes no column in a broadcast file", async () => {
    const broadcast = await withAndWithoutBom("b.jsonl", '{"at":0,"rule":}\n', (file) => [
      "run",
      "--events",
      "-",
      "--broadcast",
      file,
    ]);
    expect(broadcast.withBom).toMatch(new RegExp(`^${escaped(broadcast.file)}:1:16: `));
    expect(broadcast.withBom).toBe(broadcast.plain);
  });
});

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
