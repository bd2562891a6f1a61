/**
 * `cep-studio run` options: input formats and stdin, malformed rows, keys, watermarks (bounded,
 * explicit, none at the end), late records, and processing time (`--clock`, position clock).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { exportGraphSpec } from "../formats/dynamicCep/index.ts";
import { PatternBuilder } from "../model/patternBuilder.ts";
import {
  parseOutput,
  runInProcess,
  scenarioArgs,
  SCENARIOS,
  summarize,
  utc,
  writeTempFiles,
} from "./testing/cliTestSupport.ts";

const SCENARIO2_CSV = readFileSync(path.join(SCENARIOS, "scenario2.events.csv"), "utf8");

/** Scenario 2's rows as JSON Lines, with categoryId as a bare integer literal beyond 2^53. */
function scenario2Jsonl(): string {
  const [header = "", ...rows] = SCENARIO2_CSV.trimEnd().split("\n");
  const names = header.split(",");
  return rows
    .map((row) => {
      const cells = row.split(",");
      const fields = names.map((name, i) => {
        const cell = cells[i] ?? "";
        const bare = name === "categoryId" || name === "productId" || name === "price" || name === "userId";
        return `${JSON.stringify(name)}:${bare ? cell : JSON.stringify(cell)}`;
      });
      return `{${fields.join(",")}}`;
    })
    .join("\n");
}

/** `a` followedBy `b` within `ms` (FIRST_AND_LAST), as a dynamic-CEP GraphSpec file. */
function abPattern(ms: number): string {
  return JSON.stringify(
    exportGraphSpec(
      PatternBuilder.begin("a").where("kind == 'a'").followedBy("b").where("kind == 'b'").within(ms).build(),
    ),
  );
}

function withEvents(args: string[], file: string): string[] {
  const copy = [...args];
  copy[copy.indexOf("--events") + 1] = file;
  return copy;
}

const SCENARIO2_EXPECTED = [
  "match 590404850 cart_add=2020-01-01 01:11:02.0 purchase=2020-01-01 01:11:03.0",
  `timeout 517014550 @${utc("2020-01-01 01:31:01")} cart_add=2020-01-01 01:01:01.0`,
];

describe("event input", () => {
  it("reads JSON Lines from stdin with '-', keeping integer literals beyond 2^53 digit for digit", async () => {
    const run = await runInProcess(withEvents(scenarioArgs(2), "-"), scenario2Jsonl());
    expect(run).toMatchObject({ status: 0, stderr: "" });
    expect(summarize(run.stdout, "eventTime")).toEqual(SCENARIO2_EXPECTED);
    expect(run.stdout).toContain('"categoryId":"2053013555631882655"');
    expect(run.stdout).toContain('"categoryId":"2232732093077520756"');
  });

  it("reads .jsonl and .json (array) files like the CSV", async () => {
    const lines = scenario2Jsonl();
    const dir = writeTempFiles({ "e.jsonl": lines, "e.json": `[\n${lines.split("\n").join(",\n")}\n]\n` });
    for (const file of ["e.jsonl", "e.json"]) {
      const run = await runInProcess(withEvents(scenarioArgs(2), path.join(dir, file)));
      expect(run).toMatchObject({ status: 0, stderr: "" });
      expect(summarize(run.stdout, "eventTime")).toEqual(SCENARIO2_EXPECTED);
    }
  });

  it("skips malformed rows, reporting FILE:LINE: reason, and exits 0", async () => {
    const [header = "", r1 = "", r2 = "", r3 = ""] = SCENARIO2_CSV.trimEnd().split("\n");
    const csv = [
      header,
      r1,
      "2020-01-01 01:05:00.0,cart,1",
      r2,
      r3.replace("2020-01-01 01:11:03.0", "noon"),
      r3,
      "",
    ];
    const dir = writeTempFiles({ "bad.csv": csv.join("\n") });
    const file = path.join(dir, "bad.csv");
    const run = await runInProcess(withEvents(scenarioArgs(2), file));
    expect(run.status).toBe(0);
    expect(run.stderr.split("\n")).toEqual([
      `${file}:3: expected 9 fields (as in the header), found 3`,
      `${file}:5: time field 'eventTime' is not a date-time (YYYY-MM-DD HH:mm:ss[.f], ISO-8601) or epoch milliseconds: "noon"`,
      "",
    ]);
    expect(summarize(run.stdout, "eventTime")).toEqual(SCENARIO2_EXPECTED);
  });

  it("reports bad JSON lines with their line and column", async () => {
    const dir = writeTempFiles({ "p.json": abPattern(10) });
    const run = await runInProcess(
      ["run", "--pattern", path.join(dir, "p.json"), "--events", "-"],
      '{"kind":"a"}\n{"kind": }\n[1]\n{"kind":"b"}\n',
    );
    expect(run.status).toBe(0);
    expect(run.stderr).toBe(
      "<stdin>:2: invalid JSON at column 10: unexpected '}'; expected a JSON value\n" +
        "<stdin>:3: an event must be a JSON object, found an array\n",
    );
    expect(summarize(run.stdout, "kind")).toEqual(["match null a=a b=b"]);
  });

  it("keys by the field's value as a string and skips rows without it", async () => {
    const dir = writeTempFiles({ "p.json": abPattern(10) });
    const events = ['{"u":7,"kind":"a"}', '{"kind":"a"}', '{"u":"7","kind":"b"}', '{"u":null,"kind":"b"}'];
    const run = await runInProcess(
      ["run", "--pattern", path.join(dir, "p.json"), "--events", "-", "--key", "u"],
      events.join("\n"),
    );
    expect(run.stderr).toBe("<stdin>:2: no value for key field 'u'\n<stdin>:4: no value for key field 'u'\n");
    // 7 and "7" are one key, "7".
    expect(parseOutput(run.stdout)).toMatchObject([{ type: "match", key: "7" }]);
  });

  it("refuses an events file whose format it cannot tell", async () => {
    const run = await runInProcess(withEvents(scenarioArgs(2), "events.txt"));
    expect(run).toMatchObject({ status: 2, stdout: "" });
    expect(run.stderr).toContain("events.txt: cannot tell the event format");
  });
});

describe("event time", () => {
  const dir = writeTempFiles({ "p.json": abPattern(10) });
  const pattern = path.join(dir, "p.json");
  const run = (events: string[], ...flags: string[]) =>
    runInProcess(["run", "--pattern", pattern, "--events", "-", "--time", "t", ...flags], events.join("\n"));

  it("--no-final-watermark leaves what the last watermark did not reach", async () => {
    const full = await runInProcess(scenarioArgs(2, "--no-final-watermark"));
    expect(full).toMatchObject({ status: 0, stdout: "", stderr: "" });
  });

  it("emits late records: ts <= the watermark (max ts - out-of-orderness - 1)", async () => {
    const events = [
      '{"t":10,"kind":"a"}',
      '{"t":20,"kind":"x"}',
      '{"t":19,"kind":"b"}',
      '{"t":15,"kind":"b"}',
    ];
    const tight = await run(events);
    expect(summarize(tight.stdout, "t")).toEqual(["late null 19", "late null 15", "timeout null @20 a=10"]);
    const loose = await run(events, "--out-of-orderness", "4");
    expect(summarize(loose.stdout, "t")).toEqual(["late null 15", "match null a=10 b=19"]);
    const looser = await run(events, "--out-of-orderness", "5");
    expect(summarize(looser.stdout, "t")).toEqual(["match null a=10 b=15"]);
  });

  it("buffers out-of-order events and feeds them in timestamp order", async () => {
    const events = [
      '{"t":"1970-01-01 00:00:00.005","kind":"b"}',
      '{"t":3,"kind":"a"}',
      '{"t":"1970-01-01T00:00:00.004Z","kind":"b"}',
    ];
    const result = await run(events, "--out-of-orderness", "100", "--no-final-watermark");
    expect(result.stdout).toBe("");
    const flushed = await run(events, "--out-of-orderness", "100");
    // Times as read in the output; a@3 takes b@4, and b@5 finds no open a (followedBy takes once).
    expect(summarize(flushed.stdout, "t")).toEqual(["match null a=3 b=1970-01-01T00:00:00.004Z"]);
    expect(parseOutput(flushed.stdout)[0]?.events?.a?.[0]?.t).toBe(3);
  });

  it("--watermarks explicit: only $watermark records advance event time", async () => {
    const events = [
      '{"t":1,"kind":"a"}',
      '{"t":50,"kind":"x"}',
      '{"$watermark":11}',
      '{"t":5,"kind":"b"}',
      '{"t":12,"kind":"a"}',
      '{"$watermark":"1970-01-01 00:00:00.030"}',
    ];
    const result = await run(events, "--watermarks", "explicit", "--no-final-watermark");
    expect(result.stderr).toBe("");
    // W=11 times out a@1 (deadline 11); b@5 is late; W=30 times out a@12 (deadline 22).
    expect(summarize(result.stdout, "t")).toEqual([
      "timeout null @11 a=1",
      "late null 5",
      "timeout null @22 a=12",
    ]);
  });

  it("reports watermark records when watermarks are not explicit", async () => {
    const result = await run(['{"t":1,"kind":"a"}', '{"$watermark":5}']);
    expect(result.stderr).toBe(
      "<stdin>:2: watermark record skipped (only read with --time FIELD --watermarks explicit)\n",
    );
  });
});

describe("processing time", () => {
  const dir = writeTempFiles({ "p.json": abPattern(10) });
  const pattern = path.join(dir, "p.json");

  it("--clock FIELD sets the clock before each event; windows time out as it passes them", async () => {
    const events = [
      '{"c":0,"kind":"a"}',
      '{"c":5,"kind":"a"}',
      '{"c":12,"kind":"b"}',
      '{"c":100,"kind":"x"}',
    ];
    const result = await runInProcess(
      ["run", "--pattern", pattern, "--events", "-", "--clock", "c"],
      events.join("\n"),
    );
    expect(result).toMatchObject({ status: 0, stderr: "" });
    // a@0 expires at 10: its timer at 0 + 10 + 1 fires when the clock reaches 12, before b@12
    // is processed; a@5 then takes b@12.
    expect(summarize(result.stdout, "c")).toEqual(["timeout null @10 a=0", "match null a=5 b=12"]);
  });

  it("keeps the clock from going back, with a warning", async () => {
    const events = ['{"c":10,"kind":"a"}', '{"c":3,"kind":"b"}'];
    const result = await runInProcess(
      ["run", "--pattern", pattern, "--events", "-", "--clock", "c"],
      events.join("\n"),
    );
    expect(result.stderr).toBe(
      "<stdin>:2: warning: clock field 'c' goes back (3 < 10); processing time stays at 10\n",
    );
    expect(summarize(result.stdout, "c")).toEqual(["match null a=10 b=3"]);
  });

  it("without --time or --clock the clock is the event's position, and the end flushes nothing", async () => {
    const near = ['{"kind":"a"}', '{"kind":"x"}', '{"kind":"b"}'];
    const run = (ms: number, events: string[]) => {
      const d = writeTempFiles({ "p.json": abPattern(ms) });
      return runInProcess(["run", "--pattern", path.join(d, "p.json"), "--events", "-"], events.join("\n"));
    };
    expect(summarize((await run(3, near)).stdout, "kind")).toEqual(["match null a=a b=b"]);
    expect(summarize((await run(2, near)).stdout, "kind")).toEqual(["timeout null @2 a=a"]);
    // An open partial match at the end stays open: no timeout without a later clock tick.
    expect((await run(3, ['{"kind":"a"}'])).stdout).toBe("");
  });
});

describe("the partial-match cap", () => {
  // Skip-till-any Kleene with combinations and no window: every `b` doubles the key's runs.
  const pattern = JSON.stringify(
    exportGraphSpec(
      PatternBuilder.begin("a")
        .where("kind == 'a'")
        .followedByAny("b")
        .where("kind == 'b'")
        .oneOrMore()
        .allowCombinations()
        .followedBy("c")
        .where("kind == 'c'")
        .build(),
    ),
  );
  const events = ['{"kind":"a"}', ...Array.from({ length: 8 }, () => '{"kind":"b"}'), '{"kind":"c"}'];
  const run = async (...extra: string[]) => {
    const dir = writeTempFiles({ "p.json": pattern });
    const args = ["run", "--pattern", path.join(dir, "p.json"), "--events", "-", ...extra];
    return runInProcess(args, `${events.join("\n")}\n`);
  };

  it("--max-partial-matches N holds each key at N runs, with one warning per rule", async () => {
    const capped = await run("--max-partial-matches", "5");
    expect(capped.status).toBe(0);
    expect(capped.stderr.trimEnd().split("\n")).toEqual([
      expect.stringMatching(/^warning: .*p\.json: more than 5 partial matches for one key; /) as unknown,
    ]);
    const full = await run();
    expect(full).toMatchObject({ status: 0, stderr: "" });
    // 2^8 − 1 combinations of the b's complete without the cap; far fewer with it.
    expect(parseOutput(full.stdout)).toHaveLength(255);
    expect(parseOutput(capped.stdout).length).toBeLessThan(255);
  });

  it("refuses a cap that is not a whole number of at least 1", async () => {
    const bad = await run("--max-partial-matches", "0");
    expect(bad).toMatchObject({ status: 2, stdout: "" });
    expect(bad.stderr).toContain("--max-partial-matches takes a whole number of at least 1, not '0'");
  });
});
