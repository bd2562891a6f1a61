/**
 * `cep-studio run` end to end against the contract, through real files: the exact output
 * records (a bare GraphSpec runs as rule "1" version 1), what CSV and JSON Lines files hold
 * (BOM, CRLF, quotes, blank lines, ids a double cannot hold), date-times with offsets, the
 * final watermark releasing notFollowedBy, and input that cannot be read at all.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { exportGraphSpec, exportRule } from "../formats/dynamicCep/index.ts";
import { PatternBuilder } from "../model/patternBuilder.ts";
import { runInProcess, summarize, writeTempFiles } from "./testing/cliTestSupport.ts";

const AB = PatternBuilder.begin("a")
  .where("kind == 'a'")
  .followedBy("b")
  .where("kind == 'b'")
  .within(10)
  .build();
const ANY = PatternBuilder.begin("any").build();
const A_NOT_B = PatternBuilder.begin("a")
  .where("kind == 'a'")
  .notFollowedBy("b")
  .where("kind == 'b'")
  .within(10)
  .build();

const files = writeTempFiles({
  "graph.json": JSON.stringify(exportGraphSpec(AB)),
  "rule.json": JSON.stringify(exportRule({ id: "cart", version: 3, pattern: AB, function: null })),
  "any.json": JSON.stringify(exportGraphSpec(ANY)),
  "anb.json": JSON.stringify(exportGraphSpec(A_NOT_B)),
});
const file = (name: string): string => path.join(files, name);

describe("output records", () => {
  const events = ['{"kind":"a","t":1,"u":"x"}', '{"kind":"b","t":4,"u":"x"}', '{"kind":"a","t":3,"u":"y"}'];

  it("a bare GraphSpec runs as rule '1', version 1; key is null without --key; late events as read", async () => {
    const run = await runInProcess(
      ["run", "--pattern", file("graph.json"), "--events", "-", "--time", "t"],
      events.join("\n"),
    );
    expect(run).toEqual({
      status: 0,
      stderr: "",
      stdout:
        '{"type":"late","key":null,"event":{"kind":"a","t":3,"u":"y"}}\n' +
        '{"type":"match","rule":"1","version":1,"key":null,"events":{"a":[{"kind":"a","t":1,"u":"x"}],"b":[{"kind":"b","t":4,"u":"x"}]}}\n',
    });
  });

  it("a rule runs under its id and version; timeouts carry first + window", async () => {
    // Watermarks are global, so y's a@3 would be late after x's b@4: y's a comes at 5.
    const run = await runInProcess(
      ["run", "--pattern", file("rule.json"), "--events", "-", "--time", "t", "--key", "u"],
      [events[0], events[1], '{"kind":"a","t":5,"u":"y"}'].join("\n"),
    );
    expect(run).toEqual({
      status: 0,
      stderr: "",
      stdout:
        '{"type":"match","rule":"cart","version":3,"key":"x","events":{"a":[{"kind":"a","t":1,"u":"x"}],"b":[{"kind":"b","t":4,"u":"x"}]}}\n' +
        '{"type":"timeout","rule":"cart","version":3,"key":"y","timestamp":15,"events":{"a":[{"kind":"a","t":5,"u":"y"}]}}\n',
    });
  });
});

describe("event files", () => {
  it("CSV: BOM, CRLF, quoted commas, quotes and line breaks, blank lines; numbers only where exact", async () => {
    const csv =
      "\uFEFFid,name,n,z\r\n" +
      '9223372036854775807,"a, ""b""\nc",1e3,007\r\n' +
      "\r\n" +
      "1,x,-0,NaN\r\n" +
      "2,y\r\n" +
      "3,z,12.50,-5\r\n";
    const dir = writeTempFiles({ "e.csv": csv });
    const events = path.join(dir, "e.csv");
    const run = await runInProcess(["run", "--pattern", file("any.json"), "--events", events, "--key", "id"]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe(`${events}:6: expected 4 fields (as in the header), found 2\n`);
    expect(run.stdout.split("\n").map((line) => line.slice(line.indexOf('"key"')))).toEqual([
      '"key":"9223372036854775807","events":{"any":[{"id":"9223372036854775807","name":"a, \\"b\\"\\nc","n":1000,"z":"007"}]}}',
      '"key":"1","events":{"any":[{"id":1,"name":"x","n":"-0","z":"NaN"}]}}',
      '"key":"3","events":{"any":[{"id":3,"name":"z","n":12.5,"z":-5}]}}',
      "",
    ]);
  });

  it("JSON Lines: blank lines and CRLF pass; trailing text, non-objects and a cut last line are reported", async () => {
    const jsonl = '{"n":1}\r\n\r\n   \n{"n":2} x\n[1]\n"s"\n{"n":12345678901234567890}\n{"n":3';
    const dir = writeTempFiles({ "e.jsonl": jsonl });
    const events = path.join(dir, "e.jsonl");
    const run = await runInProcess(["run", "--pattern", file("any.json"), "--events", events]);
    expect(run.status).toBe(0);
    expect(run.stderr.split("\n")).toEqual([
      `${events}:4: invalid JSON at column 9: unexpected 'x' after the JSON value`,
      `${events}:5: an event must be a JSON object, found an array`,
      `${events}:6: an event must be a JSON object, found a string`,
      `${events}:8: invalid JSON at column 7: expected ',' or '}' after a property value, got end of input`,
      "",
    ]);
    expect(summarize(run.stdout, "n")).toEqual(["match null any=1", "match null any=12345678901234567890"]);
    expect(run.stdout).toContain('"n":"12345678901234567890"');
  });

  it("reads an empty file as no events, and refuses a directory", async () => {
    const dir = writeTempFiles({ "empty.jsonl": "", "empty.csv": "" });
    for (const name of ["empty.jsonl", "empty.csv"]) {
      const run = await runInProcess([
        "run",
        "--pattern",
        file("any.json"),
        "--events",
        path.join(dir, name),
      ]);
      expect(run).toEqual({ status: 0, stdout: "", stderr: "" });
    }
    const folder = path.join(dir, "folder.jsonl");
    mkdirSync(folder);
    const run = await runInProcess(["run", "--pattern", file("any.json"), "--events", folder]);
    expect(run).toEqual({
      status: 2,
      stdout: "",
      stderr: `${folder}: cannot read the file (EISDIR: illegal operation on a directory, read)\n`,
    });
  });
});

describe("event time", () => {
  it("reads ISO-8601 with offsets or Z and 'YYYY-MM-DD HH:mm:ss.SSS' as UTC, in timestamp order", async () => {
    const events = [
      '{"kind":"a","t":"2020-01-01T08:00:00.005+08:00"}',
      '{"kind":"a","t":"2020-01-01 00:00:00.002"}',
      '{"kind":"a","t":"2019-12-31T19:00:00.003-05:00"}',
      '{"kind":"a","t":"2020-01-01T00:00:00.001Z"}',
      '{"kind":"a","t":1577836800004}',
    ];
    const run = await runInProcess(
      ["run", "--pattern", file("any.json"), "--events", "-", "--time", "t", "--out-of-orderness", "10"],
      events.join("\n"),
    );
    expect(run.stderr).toBe("");
    expect(summarize(run.stdout, "t")).toEqual([
      "match null any=2020-01-01T00:00:00.001Z",
      "match null any=2020-01-01 00:00:00.002",
      "match null any=2019-12-31T19:00:00.003-05:00",
      "match null any=1577836800004",
      "match null any=2020-01-01T08:00:00.005+08:00",
    ]);
  });

  it("--watermarks explicit ignores a $watermark that goes back, as Flink's operators do", async () => {
    const events = ['{"kind":"a","t":1}', '{"$watermark":8}', '{"$watermark":2}', '{"kind":"b","t":5}'];
    const run = await runInProcess(
      ["run", "--pattern", file("graph.json"), "--events", "-", "--time", "t", "--watermarks", "explicit"],
      events.join("\n"),
    );
    expect(run.stderr).toBe("");
    // b@5 <= 8 is late although the last record said 2; a@1 then times out at the end.
    expect(summarize(run.stdout, "t")).toEqual(["late null 5", "timeout null @11 a=1"]);
  });

  it("the final +∞ watermark releases a notFollowedBy match, unless --no-final-watermark", async () => {
    const events = ['{"kind":"a","t":1}', '{"kind":"b","t":5}', '{"kind":"a","t":20}'];
    const args = ["run", "--pattern", file("anb.json"), "--events", "-", "--time", "t"];
    const flushed = await runInProcess(args, events.join("\n"));
    expect(summarize(flushed.stdout, "t")).toEqual(["match null a=20"]);
    const open = await runInProcess([...args, "--no-final-watermark"], events.join("\n"));
    expect(open).toEqual({ status: 0, stdout: "", stderr: "" });
  });
});
