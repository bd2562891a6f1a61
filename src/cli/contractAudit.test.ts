/**
 * Edges of the `cep-studio` contract found by an adversarial audit: text after a JSON array's
 * closing `]`, date-times in years below 100 and with a lowercase `t`, and the convert command
 * keeping a refused export's reasons apart from its warnings.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { exportGraphSpec } from "../formats/dynamicCep/index.ts";
import { PatternBuilder } from "../model/patternBuilder.ts";
import { runInProcess, SCENARIOS, summarize, writeTempFiles } from "./testing/cliTestSupport.ts";

const AB = PatternBuilder.begin("a")
  .where("kind == 'a'")
  .followedBy("b")
  .where("kind == 'b'")
  .within(10)
  .build();

const files = writeTempFiles({
  "ab.json": JSON.stringify(exportGraphSpec(AB)),
  "trailing.json": '[{"kind":"a","t":1},{"kind":"b","t":2}] x\n[{"kind":"a","t":3}]\n',
  "old.jsonl": '{"kind":"a","t":"0001-01-01T00:00:00.000Z"}\n{"kind":"b","t":"0001-01-01t00:00:00.009z"}\n',
});
const file = (name: string): string => path.join(files, name);

describe("event files", () => {
  it("reports text after a JSON array's closing ']' once, even after a blank, and keeps what the array held", async () => {
    const run = await runInProcess(["run", "--pattern", file("ab.json"), "--events", file("trailing.json")]);
    expect(run.status).toBe(0);
    expect(summarize(run.stdout, "t")).toEqual(["match null a=1 b=2"]);
    expect(run.stderr).toBe(
      `${file("trailing.json")}:1: unexpected text after the closing ']' (column 41)\n`,
    );
  });
});

describe("usage errors", () => {
  it("reports an events file of unknown format and a missing pattern file together", async () => {
    const run = await runInProcess(["run", "--pattern", file("none.json"), "--events", file("ev.txt")]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.trimEnd().split("\n")).toEqual([
      `${file("ev.txt")}: cannot tell the event format from the file name (use .jsonl, .ndjson, .json or .csv, or - for JSON Lines on stdin)`,
      `${file("none.json")}: cannot read the file (ENOENT: no such file or directory, open '${file("none.json")}')`,
    ]);
  });
});

describe("event time", () => {
  it("reads years below 100 as written (not 1900 + year) and ISO-8601's lowercase 't' and 'z'", async () => {
    const run = await runInProcess([
      "run",
      "--pattern",
      file("ab.json"),
      "--events",
      file("old.jsonl"),
      "--time",
      "t",
    ]);
    expect(run).toMatchObject({ status: 0, stderr: "" });
    expect(summarize(run.stdout, "t")).toEqual([
      "match null a=0001-01-01T00:00:00.000Z b=0001-01-01t00:00:00.009z",
    ]);
  });
});

describe("convert refusing an export", () => {
  it("prints the reasons bare and marks the warnings beside them as warnings", async () => {
    const rule = path.join(SCENARIOS, "scenario2.rule.json");
    const bindings = path.join(SCENARIOS, "bindings.json");
    const run = await runInProcess(["convert", "--pattern", rule, "--to", "sql", "--bindings", bindings]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    const lines = run.stderr.trimEnd().split("\n");
    // followedBy is approximated (a warning); NO_SKIP is what SQL cannot say (the reason).
    expect(lines.filter((l) => l.startsWith(`warning: ${rule}: stage 'purchase': followedBy`))).toHaveLength(
      1,
    );
    expect(lines.filter((l) => l.startsWith(`${rule}: after-match NO_SKIP`))).toHaveLength(1);
    expect(lines.every((l) => /^(warning: |note: )?\//.test(l))).toBe(true);
  });
});

describe("--help", () => {
  it("describes empty CSV cells as the reader reads them: the empty string", async () => {
    const run = await runInProcess(["--help"]);
    expect(run.stdout).toContain("An empty CSV cell is the empty string, quoted or not");
    expect(run.stdout).not.toContain("no value (null");
  });
});
