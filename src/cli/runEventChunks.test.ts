/**
 * `cep-studio run` streams the events file in chunks, whatever its line structure: a JSON array
 * written on one line (as `JSON.stringify` writes it) is read element by element, with the file's
 * line:column in its problems; in JSON Lines and CSV a line is a record, and one too long to be an
 * event is reported as `file:line: …` while the rest of the file is read. The files are read in
 * chunks of a few bytes here, so every record, string, escape and character is cut somewhere.
 */
import path from "node:path";
import { Readable, Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { exportGraphSpec } from "../formats/dynamicCep/index.ts";
import { MAX_RECORD_LENGTH } from "../formats/events/index.ts";
import { PatternBuilder } from "../model/patternBuilder.ts";
import { runCli } from "./cli.ts";
import { createNodeIo } from "./cliIo.ts";
import { summarize, writeTempFiles, type CliRun } from "./testing/cliTestSupport.ts";

const ANY = PatternBuilder.begin("any").build();
const rules = writeTempFiles({
  "any.json": JSON.stringify(exportGraphSpec(ANY)),
});

/** `run --pattern PATTERN --events FILE …extra`, the file read `chunkBytes` bytes at a time. */
async function run(pattern: string, events: string, chunkBytes: number, ...extra: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const io = createNodeIo(Readable.from([]), collector(out), collector(err), chunkBytes);
  const args = ["run", "--pattern", path.join(rules, pattern), "--events", events, ...extra];
  const status = await runCli(args, io);
  return { status, stdout: out.join(""), stderr: err.join("") };
}

function collector(chunks: string[]): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk.toString("utf8"));
      callback();
    },
  });
}

describe("a JSON array on one line", () => {
  // Strings with escapes, quotes, brackets and characters of 2, 3 and 4 UTF-8 bytes (a surrogate
  // pair in UTF-16): cut by small chunks, each must still read back as written.
  const notes = [
    'a \\"quoted\\" [x], {y}',
    "caf\u00e9 \u20ac",
    "\ud83d\ude00 smile",
    "back\\\\slash",
    "\\u00e9",
  ];
  const events = Array.from({ length: 600 }, (_, i) => ({
    kind: i % 3 === 0 ? "a" : "b",
    n: i,
    price: i + 0.25,
    note: JSON.parse(`"${notes[i % notes.length] ?? ""}"`) as string,
  }));
  const text = JSON.stringify(events);
  const dir = writeTempFiles({ "events.json": text });
  const file = path.join(dir, "events.json");

  it("is read element by element in chunks of any size, as when read whole", async () => {
    expect(text.includes("\n")).toBe(false);
    const all = await run("any.json", file, 1 << 20);
    expect(all.stderr).toBe("");
    expect(all.status).toBe(0);
    expect(summarize(all.stdout, "note")).toEqual(events.map((e) => `match null any=${e.note}`));
    for (const chunkBytes of [7, 64]) {
      expect(await run("any.json", file, chunkBytes)).toEqual(all);
    }
  });

  it("reports a bad element at its line 1 column and reads on", async () => {
    const good = JSON.stringify(events.slice(0, 400)).slice(1, -1);
    const bad = `[${good},{"kind":"a","n":tru},{"kind":"a","n":-1}]`;
    const badDir = writeTempFiles({ "bad.json": bad });
    const badFile = path.join(badDir, "bad.json");
    const column = bad.indexOf("tru}") + 1;
    expect(column).toBeGreaterThan(20_000);
    for (const chunkBytes of [5, 1 << 16]) {
      const result = await run("any.json", badFile, chunkBytes);
      expect(result.status).toBe(0);
      expect(result.stderr).toBe(
        `${badFile}:1: invalid JSON at column ${column}: unexpected 't'; expected a JSON value (strings need double quotes)\n`,
      );
      expect(summarize(result.stdout, "n").slice(-2)).toEqual(["match null any=399", "match null any=-1"]);
    }
  });
});

describe("a line longer than an event may be", () => {
  const long = "x".repeat(MAX_RECORD_LENGTH + 1);
  const bound = "the record is 10.0 MB, over the 10.0 MB an event may be";

  it("is skipped in JSON Lines and CSV with file:line, and the rest of the file is read", async () => {
    const dir = writeTempFiles({
      "e.jsonl": `{"n":1}\n{"n":"${long}"}\n{"n":3}\n`,
      "e.csv": `n,blob\n1,a\n2,${long}\n3,c\n`,
    });
    const jsonl = await run("any.json", path.join(dir, "e.jsonl"), 1 << 16);
    expect(jsonl.stderr).toBe(`${path.join(dir, "e.jsonl")}:2: ${bound}\n`);
    expect(summarize(jsonl.stdout, "n")).toEqual(["match null any=1", "match null any=3"]);
    expect(jsonl.status).toBe(0);
    const csv = await run("any.json", path.join(dir, "e.csv"), 1 << 16);
    expect(csv.stderr).toBe(`${path.join(dir, "e.csv")}:3: ${bound}\n`);
    expect(summarize(csv.stdout, "n")).toEqual(["match null any=1", "match null any=3"]);
  });

  it("reads a file whose only line breaks are lone CRs line by line", async () => {
    const rows = Array.from({ length: 300 }, (_, i) => `{"n":${i}}`);
    const dir = writeTempFiles({ "mac.jsonl": `${rows.join("\r")}\r{"n":\r` });
    const file = path.join(dir, "mac.jsonl");
    const result = await run("any.json", file, 16);
    expect(result.stderr).toBe(
      `${file}:301: invalid JSON at column 6: unexpected end of input; expected a JSON value\n`,
    );
    expect(summarize(result.stdout, "n")).toHaveLength(300);
  });
});
