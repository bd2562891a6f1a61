/**
 * The Broadcast panel's pure pieces: its JSON schema (every reference resolves, one action per
 * record), reading a schedule with JSON-path problems, records kept in `at` order, and
 * scheduling a rule's current version (published, raised past the running version).
 */
import { describe, expect, it } from "vitest";
import { createDefaultDocument } from "../../document/defaultDocument.ts";
import { findRule } from "../../document/documentQueries.ts";
import { updateRule } from "../../document/edits/ruleEdits.ts";
import { configKeysOf, insertRecord, readSchedule, scheduleText } from "./broadcastRecords.ts";
import { broadcastSchema } from "./broadcastSchema.ts";
import { readAt, scheduleRuleVersion } from "./scheduleRule.ts";

/** Every `$ref` string anywhere in a schema. */
function refs(value: unknown, into: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) refs(v, into);
  else if (typeof value === "object" && value !== null)
    for (const [k, v] of Object.entries(value)) {
      if (k === "$ref" && typeof v === "string") into.push(v);
      else refs(v, into);
    }
  return into;
}

describe("broadcastSchema", () => {
  it("resolves every reference inside itself", () => {
    const defs = broadcastSchema.$defs as Record<string, unknown>;
    const found = refs(broadcastSchema);
    expect(found.length).toBeGreaterThan(5);
    for (const ref of found) {
      expect(ref).toMatch(/^#\/\$defs\//);
      expect(defs[ref.slice("#/$defs/".length)], ref).toBeDefined();
    }
  });

  it("describes an array of records with `at` and exactly one action", () => {
    const record = (broadcastSchema.$defs as Record<string, Record<string, unknown>>).broadcastRecord;
    expect(broadcastSchema.type).toBe("array");
    expect(record?.required).toEqual(["at"]);
    expect(record?.additionalProperties).toBe(false);
    expect(record?.oneOf).toEqual([
      { required: ["rule"] },
      { required: ["remove"] },
      { required: ["config"] },
    ]);
    expect(Object.keys(record?.properties as object)).toEqual([
      "at",
      "rule",
      "remove",
      "config",
      "keyBy",
      "value",
    ]);
  });
});

const JACKSON = "the last value is used, as Flink's Jackson reads it";

describe("readSchedule", () => {
  it("reads records and labels what each does", () => {
    const read = readSchedule(
      '[{"at":5,"rule":{"id":"1","version":2,"pattern":{}}},{"at":"2020-01-01 00:01:05","remove":"1"},{"at":9,"config":{"minPrice":200},"keyBy":"channel","value":"APP"}]',
    );
    expect(read.ok && read.records.map((r) => [r.at, r.label])).toEqual([
      [5, "rule 1 v2"],
      ["2020-01-01 00:01:05", "remove rule 1"],
      [9, "config for channel = APP"],
    ]);
    expect(readSchedule("  ")).toEqual({ ok: true, records: [], warnings: [] });
  });

  it("collects the config keys conditions can read as config.<key>, global and keyed", () => {
    const read = readSchedule(
      '[{"at":1,"config":{"minPrice":200,"channel":"APP"}},{"at":2,"remove":"1"},{"at":3,"config":{"minPrice":100,"maxItems":3},"keyBy":"channel","value":"WEB"}]',
    );
    expect(read.ok && configKeysOf(read.records)).toEqual(["minPrice", "channel", "maxItems"]);
    expect(configKeysOf([])).toEqual([]);
  });

  it("names the record and field of each problem", () => {
    const read = readSchedule(
      '[{"at":-1,"remove":"1"},{"at":1},{"at":2,"remove":"1","rule":{}},{"at":3,"remove":"1","keyBy":"c"},5]',
    );
    expect(read.ok ? [] : read.problems).toEqual([
      "[0].at: a whole number ≥ 0 (milliseconds or a position) or a date-time text",
      '[1]: a record has exactly one of "rule", "remove", "config" (found 0)',
      '[2]: a record has exactly one of "rule", "remove", "config" (found 2)',
      '[3]: "keyBy" and "value" only go with "config"',
      '[4]: a record is a JSON object {"at": …, "rule" | "remove" | "config": …}',
    ]);
    expect(readSchedule("{}")).toEqual({
      ok: false,
      problems: [expect.stringContaining("JSON array") as unknown],
      warnings: [],
    });
    expect(readSchedule("[")).toEqual({
      ok: false,
      problems: [expect.stringMatching(/^the schedule is not valid JSON: 1:2: /) as unknown],
      warnings: [],
    });
  });

  it("names the JSON path of a number beyond a double's range instead of calling the text invalid", () => {
    const read = readSchedule('[\n  {"at": 1, "config": {"minPrice": 1e400}}\n]');
    expect(read.ok ? [] : read.problems).toEqual([
      "the schedule cannot be read: 2:36: [0].config.minPrice: the number 1e400 is beyond a double's range (±1.8e308); Flink's Jackson would read it as Infinity",
    ]);
  });

  it("reads a record with a duplicate key with the last value, as Flink's Jackson does, and warns where", () => {
    const read = readSchedule(
      '[\n  {"at": 1, "config": {"minPrice": 100, "minPrice": 200}},\n  {"at": 2, "remove": "1", "at": 3}\n]',
    );
    expect(read.ok && read.records.map((r) => r.value)).toEqual([
      { at: 1, config: { minPrice: 200 } },
      { at: 3, remove: "1" },
    ]);
    expect(read.warnings).toEqual([
      `2:41: [0].config.minPrice: duplicate key "minPrice" (first at 2:24); ${JACKSON}`,
      `3:28: [1].at: duplicate key "at" (first at 3:4); ${JACKSON}`,
    ]);
    // A schedule with problems still says what was read with a warning.
    const refused = readSchedule('[{"at": -1, "remove": "1", "remove": "2"}]');
    expect(refused.ok).toBe(false);
    expect(refused.warnings).toHaveLength(1);
  });

  it("keeps a keyed config's 19-digit value exact (the id it names, as the CLI reads it)", () => {
    const read = readSchedule(
      '[{"at": 0, "config": {"threshold": 100}, "keyBy": "categoryId", "value": 2053013555631882655}]',
    );
    expect(read.ok && read.records[0]?.value.value).toBe("2053013555631882655");
  });
});

describe("insertRecord / scheduleText", () => {
  it("keeps records in `at` order, equal times in scheduling order", () => {
    const records = [
      { at: 1, remove: "a" },
      { at: 5, remove: "b" },
    ];
    expect(insertRecord(records, { at: 3, remove: "c" }).map((r) => r.remove)).toEqual(["a", "c", "b"]);
    expect(insertRecord(records, { at: 5, remove: "d" }).map((r) => r.remove)).toEqual(["a", "b", "d"]);
    expect(insertRecord(records, { at: 0, remove: "e" }).map((r) => r.remove)).toEqual(["e", "a", "b"]);
  });

  it("writes one record per line and reads back the same records", () => {
    const text = scheduleText([
      { at: 1, remove: "a" },
      { at: 2, config: { x: 1 } },
    ]);
    expect(text).toBe('[\n  {"at":1,"remove":"a"},\n  {"at":2,"config":{"x":1}}\n]\n');
    expect(readSchedule(text).ok).toBe(true);
  });
});

describe("readAt", () => {
  it("reads milliseconds, positions and date-times", () => {
    expect(readAt("42", false)).toEqual({ ok: true, at: 42 });
    expect(readAt("2020-01-01 00:01:08.001", true)).toEqual({
      ok: true,
      at: Date.parse("2020-01-01T00:01:08.001Z"),
    });
    expect(readAt("soon", true).ok).toBe(false);
    expect(readAt("2020-01-01 00:01:08", false)).toEqual({
      ok: false,
      error: expect.stringContaining("event position") as unknown,
    });
  });
});

describe("scheduleRuleVersion", () => {
  const doc = createDefaultDocument();
  const edited = updateRule(doc, "r1", (r) => ({
    ...r,
    rule: {
      ...r.rule,
      pattern: { ...r.rule.pattern, window: { type: "FIRST_AND_LAST", time: { unit: "MINUTES", size: 10 } } },
    },
  }));

  it("publishes the rule above the running version and schedules its record", () => {
    const outcome = scheduleRuleVersion(edited, "r1", "[]", 1000, 1);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.label).toBe("rule 1 v2");
    expect(findRule(outcome.doc, "r1")?.published?.version).toBe(2);
    const read = readSchedule(outcome.schedule);
    expect(read.ok && read.records.map((r) => [r.at, r.label])).toEqual([[1000, "rule 1 v2"]]);
    const rule = read.ok ? (read.records[0]?.value.rule as { pattern: { window: unknown } }) : null;
    expect(rule?.pattern.window).toEqual({ type: "FIRST_AND_LAST", time: { unit: "MINUTES", size: 10 } });
  });

  it("refuses to schedule an unchanged, already scheduled version again", () => {
    const first = scheduleRuleVersion(edited, "r1", "[]", 1000, 1);
    if (!first.ok) throw new Error(first.error);
    const again = scheduleRuleVersion(first.doc, "r1", first.schedule, 2000, 1);
    expect(again).toEqual({
      ok: false,
      error: "rule 1 v2 is already published and scheduled: change the rule to publish a new version",
    });
  });

  it("refuses a disabled rule and a broken schedule", () => {
    expect(scheduleRuleVersion(doc, "r2", "[]", 0, null)).toEqual({
      ok: false,
      error: "rule 2 is disabled: enable it to publish it",
    });
    expect(scheduleRuleVersion(doc, "r1", "[", 0, null).ok).toBe(false);
  });
});
