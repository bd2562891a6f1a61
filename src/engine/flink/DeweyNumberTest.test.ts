/**
 * Port of Apache Flink CEP's `DeweyNumberTest`
 * (flink-libraries/flink-cep/src/test/java/org/apache/flink/cep/nfa/DeweyNumberTest.java),
 * method by method, on `deweyNumber.ts` (a Dewey number is its dotted string here, so Java's
 * `assertEquals(DeweyNumber.fromString("1.0"), n)` is string equality).

 */
import { describe, expect, it } from "vitest";
import { addStage, createDeweyNumber, deweyFromString, increase, isCompatibleWith } from "../deweyNumber.ts";

describe("DeweyNumberTest", () => {
  it("testDeweyNumberGeneration", () => {
    const start = createDeweyNumber(1);
    const increased = increase(start);
    const increaseAddStage = addStage(increased);
    const startAddStage = addStage(start);
    const startAddStageIncreased = increase(startAddStage);
    const startAddStageIncreasedAddStage = addStage(startAddStageIncreased);

    expect(start).toBe(deweyFromString("1"));
    expect(increased).toBe(deweyFromString("2"));
    expect(increaseAddStage).toBe(deweyFromString("2.0"));
    expect(startAddStage).toBe(deweyFromString("1.0"));
    expect(startAddStageIncreased).toBe(deweyFromString("1.1"));
    expect(startAddStageIncreasedAddStage).toBe(deweyFromString("1.1.0"));

    expect(isCompatibleWith(startAddStage, start)).toBe(true);
    expect(isCompatibleWith(startAddStageIncreased, startAddStage)).toBe(true);
    expect(isCompatibleWith(startAddStageIncreasedAddStage, startAddStageIncreased)).toBe(true);
    expect(isCompatibleWith(startAddStageIncreasedAddStage, startAddStage)).toBe(false);
    expect(isCompatibleWith(increaseAddStage, startAddStage)).toBe(false);
    expect(isCompatibleWith(startAddStage, increaseAddStage)).toBe(false);
    expect(isCompatibleWith(startAddStageIncreased, startAddStageIncreasedAddStage)).toBe(false);
  });

  it("testZeroSplitsDeweyNumber", () => {
    expect(() => deweyFromString(".")).toThrow(/Failed to parse \. as a Dewey number/);
  });
});
