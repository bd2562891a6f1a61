/**
 * The simulator reads its data with the CLI's readers: an empty CSV cell is the empty string,
 * quoted or not; a number a double cannot hold is a bad row, never Infinity; a JSON row with a
 * duplicate key is read with the last value.
 */
import { describe, expect, it } from "vitest";
import type { Rule } from "../../model/pattern.ts";
import { PatternBuilder } from "../../model/patternBuilder.ts";
import { RunSession } from "./runSession.ts";
import { SessionInput } from "./sessionInput.ts";
import type { RunConfig } from "./sessionTypes.ts";

const CONFIG: RunConfig = { key: "u", time: null, clock: null, parallelism: 1 };

function rule(condition: string): Rule {
  return { id: "r", version: 1, pattern: PatternBuilder.begin("a").where(condition).build(), function: null };
}

/** Runs `condition` over `text` (read as the Data tab reads a file named `fileName`) to the end. */
function played(fileName: string, text: string, condition: string): RunSession {
  const input = SessionInput.fromText({ fileName });
  input.push(text);
  input.end();
  const s = new RunSession({ rules: [rule(condition)], config: CONFIG, input });
  s.play();
  while (s.state === "playing") s.tick(16);
  return s;
}

const matched = (s: RunSession): unknown[] =>
  s.query("matches", 0, 100).records.map((m) => m.stages[0]?.events[0]?.fields);

describe("input values in the simulator", () => {
  it("reads empty CSV cells as the empty string, quoted or not, as the CLI does", () => {
    const s = played("e.csv", 'u,brand,price\n1,,\n2,"",5\n3,apple,11\n', "brand == '' || price > 10");
    const summary = s.summary();
    expect(summary.error).toBeNull();
    expect(summary.problems).toEqual([]);
    expect(matched(s)).toEqual([
      { u: 1, brand: "", price: "" },
      { u: 2, brand: "", price: 5 },
      { u: 3, brand: "apple", price: 11 },
    ]);
    // The stream table shows every event with its fields as read.
    const rows = s.inputEvents({ from: 0, count: 10 }).rows;
    expect(rows.map((r) => r.fields)).toEqual([
      { u: 1, brand: "", price: "" },
      { u: 2, brand: "", price: 5 },
      { u: 3, brand: "apple", price: 11 },
    ]);
  });

  it("skips a row with a number beyond a double's range as a bad row, and reads the rest", () => {
    const s = played(
      "e.jsonl",
      '{"u": 1, "price": 1e400}\n{"u": 2, "price": 11, "price": 12}\n',
      "price > 10",
    );
    const summary = s.summary();
    expect(summary.error).toBeNull();
    expect(summary.problems).toEqual([
      "e.jsonl:1: price at column 19: the number 1e400 is beyond a double's range (±1.8e308); Flink's Jackson would read it as Infinity",
    ]);
    expect(matched(s)).toEqual([{ u: 2, price: 12 }]);
  });

  it("counts rows read with a duplicate key in the summary, listed as FILE:LINE, whatever the position", () => {
    const lines = Array.from({ length: 103 }, (_, i) => `{"u": ${i}, "u": ${i}, "price": 1}`);
    const input = SessionInput.fromText({ fileName: "dup.jsonl" });
    input.push(`{"u": 7, "price": 1}\n${lines.join("\n")}\n`);
    input.end();
    const s = new RunSession({ rules: [rule("price > 10")], config: CONFIG, input });
    // Read before the run takes a step: the warnings belong to the input.
    const { rowWarnings } = s.summary();
    expect(rowWarnings.count).toBe(103);
    expect(rowWarnings.listed).toHaveLength(100);
    expect(rowWarnings.listed[0]).toBe(
      `dup.jsonl:2: u at column 10: duplicate key "u" (first at column 2); the last value is used, as Flink's Jackson reads it`,
    );
    expect(s.summary().problems).toEqual([]);
  });
});
