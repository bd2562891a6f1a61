import { describe, expect, it } from "vitest";
import { seedScenarios } from "../../scenarios/seedScenarios.ts";
import { initialMapping, mappingProblem, readFileSample, sampleEvents } from "./fileSample.ts";

describe("sampleEvents", () => {
  it("recognises the seed clickstream and maps it without asking", () => {
    const csv = seedScenarios[0]?.eventsCsv ?? "";
    const sample = sampleEvents(csv, "scenario1.events.csv", true);
    expect(sample.format).toBe("csv");
    expect(sample.events).toHaveLength(4);
    expect(sample.schema.known?.id).toBe("seed-clickstream");
    expect(sample.schema.needsMapping).toBe(false);
    expect(initialMapping(sample.schema)).toEqual({ key: "userId", time: "eventTime", type: "eventType" });
  });

  it("leaves out a last line cut by the sample's end", () => {
    const text = '{"user":"a","ts":1700000000000,"kind":"x"}\n{"user":"b","ts":1700000001000,"ki';
    const sample = sampleEvents(text, "data.jsonl", false);
    expect(sample.format).toBe("jsonl");
    expect(sample.events).toHaveLength(1);
    expect(sample.problems).toEqual([]);
  });

  it("reads the events before the cut of a minified JSON array, whose one line the sample cuts", () => {
    const events = Array.from({ length: 50 }, (_, i) => ({ user: `u${i % 5}`, ts: 1700000000000 + i }));
    const text = JSON.stringify(events).slice(0, 1000);
    const sample = sampleEvents(text, "export.json", false);
    expect(sample.format).toBe("json");
    expect(sample.events.length).toBeGreaterThan(10);
    expect(sample.events[0]).toEqual({ user: "u0", ts: 1700000000000 });
    // The cut element and the unclosed array are the sample's doing, not the file's.
    expect(sample.problems).toEqual([]);
    expect(sample.refusal).toBeNull();
    expect(initialMapping(sample.schema)?.key).toBe("user");
  });

  it("says why an empty file, a header without rows or a binary file gives nothing to load", () => {
    expect(sampleEvents("", "empty.csv", true).refusal).toBe("it is empty: there are no events to load");
    expect(sampleEvents("userId,eventType,eventTime\n", "header.csv", true).refusal).toBe(
      "it holds only a header line: there are no events to load",
    );
    expect(sampleEvents("[]", "none.json", true).refusal).toBe("it holds no events");
    expect(sampleEvents("not json\n", "bad.jsonl", true).refusal).toBe(
      "no event in it could be read (the problems are listed below)",
    );
    const binary = "\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR,a\nb,c\n";
    expect(sampleEvents(binary, "picture.csv", true)).toMatchObject({
      refusal: expect.stringMatching(/^the file is not a text file/) as unknown,
      problems: [],
    });
    expect(sampleEvents("a,b\n1,2\n", "ok.csv", true).refusal).toBeNull();
  });

  it("suggests a mapping for an unknown schema and asks the user to confirm it", () => {
    const rows = Array.from(
      { length: 12 },
      (_, i) => `u${i % 3},${1700000000000 + i * 1000},${i % 2 === 0 ? "open" : "close"}`,
    );
    const text = `account,ts,action\n${rows.join("\n")}\n`;
    const sample = sampleEvents(text, "events.csv", true);
    expect(sample.schema.known).toBeNull();
    expect(sample.schema.needsMapping).toBe(true);
    expect(initialMapping(sample.schema)).toEqual({ key: "account", time: "ts", type: "action" });
  });

  it("lists the rows read with a duplicate key (last value kept) and refuses 1e400, with lines", () => {
    const text = '{"u":"a","n":1,"n":2}\n{"u":"b","n":1e400}\n{"u":"c","n":3}\n';
    const sample = sampleEvents(text, "dup.jsonl", true);
    expect(sample.events).toEqual([
      { u: "a", n: 2 },
      { u: "c", n: 3 },
    ]);
    expect(sample.warnings).toEqual([
      {
        line: 1,
        message: `n at column 16: duplicate key "n" (first at column 10); the last value is used, as Flink's Jackson reads it`,
      },
    ]);
    expect(sample.problems.map((p) => [p.line, p.message])).toEqual([
      [2, expect.stringContaining("n at column 14: the number 1e400 is beyond a double's range") as unknown],
    ]);
  });

  it("lists malformed rows with their lines", () => {
    const text = '{"userId":"a","action":"login"}\nnot json\n{"userId":"b","action":"logout"}\n';
    const sample = sampleEvents(text, "actions.jsonl", true);
    expect(sample.events).toHaveLength(2);
    expect(sample.problems).toHaveLength(1);
    expect(sample.problems[0]?.line).toBe(2);
  });
});

describe("readFileSample", () => {
  /** `text` (ASCII) written as UTF-16LE with its byte-order mark. */
  const utf16 = (text: string): ArrayBuffer => {
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) bytes[2 + i * 2] = text.charCodeAt(i);
    return bytes.buffer;
  };

  it("decodes as the run does (UTF-8), so a UTF-16 file is refused rather than previewed", async () => {
    const sample = await readFileSample(new Blob([utf16("user,t\n1,1000\n")]), "wide.csv");
    expect(sample.events).toEqual([]);
    expect(sample.problems).toEqual([]);
    expect(sample.refusal).toBe(
      "the file is UTF-16 text, not UTF-8 (a NUL byte between its characters): save it as UTF-8",
    );
  });

  it("reads further when the first line is longer than the first bytes", async () => {
    const long = JSON.stringify({ user: "a", ts: 1700000000000, note: "x".repeat(400_000) });
    const text = `${long}\n{"user":"b","ts":1700000001000,"note":""}\n`.repeat(40);
    const sample = await readFileSample(new Blob([text]), "long.jsonl");
    expect(sample.refusal).toBeNull();
    expect(sample.events.length).toBeGreaterThan(2);
    expect(sample.events[1]).toEqual({ user: "b", ts: 1700000001000, note: "" });
  });

  it("says so when the first line is longer than an event may be", async () => {
    const text = `{"user":"a","blob":"${"x".repeat(11 * 1024 * 1024)}"}\n{"user":"b"}\n`;
    const sample = await readFileSample(new Blob([text]), "huge.jsonl");
    expect(sample.events).toEqual([]);
    expect(sample.refusal).toMatch(
      /^its first record is longer than 10\.1 MB: an event may be at most 10\.0 MB$/,
    );
  });
});

describe("mappingProblem", () => {
  const fields = ["user", "ts", "kind"];

  it("accepts fields of the data, and no time or type", () => {
    expect(mappingProblem({ key: "user", time: "ts", type: "kind" }, fields)).toBeNull();
    expect(mappingProblem({ key: "user", time: null, type: null }, fields)).toBeNull();
  });

  it("names a field the data does not have", () => {
    expect(mappingProblem({ key: "uid", time: null, type: null }, fields)).toBe(
      "the key field 'uid' is not in the data",
    );
    expect(mappingProblem({ key: "user", time: "when", type: null }, fields)).toBe(
      "the time field 'when' is not in the data",
    );
  });
});
