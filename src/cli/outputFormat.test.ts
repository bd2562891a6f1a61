import { describe, expect, it } from "vitest";
import type { Rule } from "../model/pattern.ts";
import { PatternBuilder } from "../model/patternBuilder.ts";
import { formatJobOutput } from "./outputFormat.ts";

const rule: Rule = {
  id: "r1",
  version: 2,
  pattern: PatternBuilder.begin("a").where("name == 'a'").build(),
  function: null,
};

describe("formatJobOutput state-expired", () => {
  it("writes key and timestamp, the rule when there is one, the subtask when parallel", () => {
    const base = { type: "state-expired", key: "u1", subtask: 1, timestamp: 199, lastWrite: 49 } as const;
    expect(formatJobOutput({ ...base, rule, partialMatches: 1 }, false)).toBe(
      '{"type":"state-expired","rule":"r1","version":2,"key":"u1","timestamp":199}\n',
    );
    expect(formatJobOutput({ ...base, partialMatches: 0 }, true)).toBe(
      '{"type":"state-expired","key":"u1","timestamp":199,"subtask":1}\n',
    );
  });
});
