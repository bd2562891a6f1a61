/**
 * BroadcastReader: the records of the CLI's `--broadcast` file and of a session's
 * `loadBroadcast`, read into job records, with every problem at its JSON path in the record.
 */
import { describe, expect, it } from "vitest";
import { exportRule } from "../../formats/dynamicCep/index.ts";
import { PatternBuilder } from "../../model/patternBuilder.ts";
import { BUILT_IN_PROCESSORS } from "../job/index.ts";
import { BroadcastReader, formatRecordProblem, type BroadcastReadContext } from "./broadcastReader.ts";

const CEP: BroadcastReadContext = { processor: null, timed: false, bindings: {}, untimed: "without a clock" };

function ruleJson(id: string, version: number, condition = "kind == 'a'"): unknown {
  const pattern = PatternBuilder.begin("a").where(condition).followedBy("b").where("kind == 'b'").build();
  return exportRule({ id, version, pattern, function: null });
}

function problemsOf(reader: BroadcastReader, json: unknown): string[] {
  const read = reader.read(json, "records[0]");
  if (read.ok) throw new Error("expected problems");
  return read.problems.map((p) => formatRecordProblem("records", 0, p));
}

describe("BroadcastReader", () => {
  it("reads rule, remove, global and keyed config records", () => {
    const reader = new BroadcastReader(CEP);
    const rule = reader.read({ at: 0, rule: ruleJson("r", 2) }, "records[0]");
    expect(rule.ok && rule.record.action.type === "rule" && rule.record.action.rule.rule).toMatchObject({
      id: "r",
      version: 2,
    });
    expect(reader.read({ at: 1, remove: 7 }, "records[1]")).toEqual({
      ok: true,
      record: { at: 1, action: { type: "remove", id: "7" }, source: "records[1]" },
    });
    expect(reader.read({ at: 1, config: { limit: 3 } }, "records[2]")).toEqual({
      ok: true,
      record: { at: 1, action: { type: "config", config: { limit: 3 } }, source: "records[2]" },
    });
    expect(reader.read({ at: 4, config: { limit: 9 }, keyBy: "channel", value: "APP" }, "x")).toEqual({
      ok: true,
      record: {
        at: 4,
        action: { type: "config", config: { limit: 9 }, key: { field: "channel", value: "APP" } },
        source: "x",
      },
    });
  });

  it("reads `at` as a time (ms or date-time) when the run is timed", () => {
    const reader = new BroadcastReader({ ...CEP, timed: true });
    const ms = reader.read({ at: 1_700_000_000_000, remove: "r" }, "a");
    expect(ms.ok && ms.record.at).toBe(1_700_000_000_000);
    const text = reader.read({ at: "2024-01-01T00:00:00Z", remove: "r" }, "b");
    expect(text.ok && text.record.at).toBe(Date.UTC(2024, 0, 1));
    expect(problemsOf(reader, { at: "soon", remove: "r" })[0]).toMatch(/^records\[0\]\.at: /);
  });

  it("names the JSON path of every problem", () => {
    const reader = new BroadcastReader(CEP);
    expect(problemsOf(reader, [1])).toEqual([
      `records[0]: a broadcast record must be a JSON object {"at": …, …}`,
    ]);
    expect(problemsOf(reader, { at: 0, remove: "r", config: {} })).toEqual([
      `records[0]: a broadcast record has "at" and exactly one of "rule", "remove", "config" (2 actions)`,
    ]);
    expect(problemsOf(reader, { at: 0, pattern: {} })).toEqual([
      `records[0]: a broadcast record has "at" and exactly one of "rule", "remove", "config" (unknown field "pattern")`,
    ]);
    expect(problemsOf(reader, { remove: "r" })).toEqual([`records[0]: missing "at"`]);
    expect(problemsOf(reader, { at: -1, remove: "r" })).toEqual([
      `records[0].at: "at" must be an event position (a whole number ≥ 0) without a clock`,
    ]);
    expect(problemsOf(reader, { at: 0, remove: "" })).toEqual([
      `records[0].remove: "remove" takes a rule id (text or a whole number)`,
    ]);
    expect(problemsOf(reader, { at: 0, config: [] })).toEqual([
      `records[0].config: "config" must be a JSON object`,
    ]);
    expect(problemsOf(reader, { at: 0, config: {}, keyBy: "channel" })).toEqual([
      `records[0].keyBy: "value" must be the text, number or boolean the field "channel" has`,
    ]);
    expect(problemsOf(reader, { at: 0, remove: "r", keyBy: "c", value: "x" })).toEqual([
      `records[0].keyBy: "keyBy" and "value" only go with "config"`,
    ]);
    const badImport = problemsOf(reader, { at: 0, rule: { id: "x", version: 1, pattern: { name: "p" } } });
    expect(badImport.length).toBeGreaterThan(0);
    for (const line of badImport) expect(line).toMatch(/^records\[0\]\.rule\.pattern/);
    const badCondition = problemsOf(reader, { at: 0, rule: ruleJson("x", 1, "kind ==") });
    expect(badCondition[0]).toMatch(/^records\[0\]\.rule\.pattern\.nodes\[\d\]\.condition/);
  });

  it("names every condition problem of a rule record, each at its JSON path", () => {
    const pattern = PatternBuilder.begin("a")
      .where({ type: "class", className: "com.acme.A" })
      .followedBy("b")
      .where({ type: "not", inner: { type: "aviator", expression: "kind ==" } })
      .build();
    const json = { at: 0, rule: exportRule({ id: "x", version: 1, pattern, function: null }) };
    expect(problemsOf(new BroadcastReader(CEP), json)).toEqual([
      "records[0].rule.pattern.nodes[0].condition.nestedConditions[0].expression: stage 'b': 1:8: expected an expression but found end of expression",
      "records[0].rule.pattern.nodes[1].condition.className: condition class 'com.acme.A' (stage 'a') has no binding; add one to the binding table",
    ]);
    const hinted = new BroadcastReader({ ...CEP, bindingHint: "bind it" });
    expect(problemsOf(hinted, json)[1]).toMatch(/has no binding; bind it$/);
    const bound = new BroadcastReader({ ...CEP, bindings: { "com.acme.A": "kind == 'a'" } });
    expect(problemsOf(bound, json)).toHaveLength(1);
  });

  it("checks that records come in `at` order, skipping the ones it refused", () => {
    const reader = new BroadcastReader(CEP);
    expect(reader.read({ at: 5, remove: "r" }, "a").ok).toBe(true);
    expect(problemsOf(reader, { at: 4, remove: "r" })).toEqual([
      `records[0].at: at 4 comes before the previous record's at 5 (broadcast records must be in order)`,
    ]);
    expect(reader.read({ at: 5, remove: "s" }, "c").ok).toBe(true);
  });

  it("takes ids and configs from the exact value, and processor records through the processor", () => {
    const reader = new BroadcastReader(CEP);
    const read = reader.read({ at: 0, remove: 12345678901234567890n }, "a", {
      at: 0,
      remove: "12345678901234567890",
    });
    expect(read.ok && read.record.action).toEqual({ type: "remove", id: "12345678901234567890" });
    const processor = new BroadcastReader({ ...CEP, processor: BUILT_IN_PROCESSORS["two-action"] });
    const pattern = processor.read({ at: 0, pattern: { firstAction: "login", secondAction: "logout" } }, "p");
    expect(pattern.ok && pattern.record.action.type).toBe("element");
    expect(problemsOf(processor, { at: 0, pattern: {} })[0]).toMatch(/^records\[0\]: pattern: /);
  });
});
