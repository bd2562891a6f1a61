/**
 * Window timers that fire after their run has ended are skipped without calling the NFA, and the
 * visits that can do something still happen: outputs are those of visiting every live key.
 */
import { describe, expect, it } from "vitest";
import { PatternBuilder } from "../../model/index.ts";
import { compilePattern, type CompiledNFA } from "../index.ts";
import { CepOperator, type OperatorOutput } from "./cepOperator.ts";

/** `a next b` within 10 ms, timeouts read; every `advanceTime` call is logged as "key@ts". */
function strictPair(log: number[]): CompiledNFA {
  const nfa = compilePattern(
    PatternBuilder.begin("a").where("name == 'a'").next("b").where("name == 'b'").within(10).build(),
    { handleTimeout: true },
  );
  return {
    ...nfa,
    advanceTime: (state, timestamp) => {
      log.push(timestamp);
      return nfa.advanceTime(state, timestamp);
    },
  };
}

function describeOutput(output: OperatorOutput): string {
  if (output.type === "late") return "late";
  const times = [...output.match.values()].flat().map((event) => String(event.ts));
  return `${output.type} ${times.join(",")}${output.type === "timeout" ? ` @${output.timestamp}` : ""}`;
}

/** An event-time operator over {@link strictPair}, with its `advanceTime` log and outputs. */
function eventTimeOperator() {
  const advanced: number[] = [];
  const outputs: string[] = [];
  const operator = new CepOperator({
    rules: [{ nfa: strictPair(advanced) }],
    timeCharacteristic: "eventTime",
    output: (output) => outputs.push(describeOutput(output)),
  });
  return { operator, advanced, outputs };
}

describe("CepOperator window timers", () => {
  it("skips a stale window timer, and still times the live run out at its own deadline", () => {
    const { operator, advanced, outputs } = eventTimeOperator();
    // The run of a@1 ends at a@5 (strict contiguity); a@5 starts the run that stays.
    operator.processElement({ name: "a", ts: 1 }, "k", 1);
    operator.processElement({ name: "a", ts: 5 }, "k", 5);
    operator.processWatermark(5);
    // (a fresh key's state needs no advanceTime before its first element)
    expect(advanced).toEqual([5, 5]);

    // The timer set for a@1's window (1 + 10) fires with nothing to do: no NFA call.
    operator.processWatermark(12);
    expect(advanced).toEqual([5, 5]);
    expect(outputs).toEqual([]);

    // a@5's window passes at 15: that visit happens and times it out.
    operator.processWatermark(15);
    expect(advanced).toEqual([5, 5, 15]);
    expect(outputs).toEqual(["timeout 5 @15"]);
    expect(operator.keyCount).toBe(0);
  });

  it("still visits a key whose buffered element is due", () => {
    const { operator, advanced, outputs } = eventTimeOperator();
    operator.processElement({ name: "a", ts: 1 }, "k", 1);
    operator.processWatermark(1);
    operator.processElement({ name: "b", ts: 3 }, "k", 3);
    operator.processWatermark(3);
    expect(outputs).toEqual(["match 1,3"]);
    expect(advanced).toEqual([1, 3, 3]);
  });
});
