import { describe, expect, it } from "vitest";
import { runErrorContext } from "./runErrorContext.ts";

describe("runErrorContext", () => {
  it("names the rule version, stage, line, key and subtask of an engine error", () => {
    expect(
      runErrorContext({
        message: "x",
        ruleId: "1",
        version: 2,
        stage: "purchase",
        key: "5190",
        subtask: 1,
        line: 17,
      }),
    ).toBe("rule '1' (version 2), stage 'purchase', line 17, key 5190, subtask 1");
  });

  it("leaves out what is unknown", () => {
    expect(
      runErrorContext({
        message: "x",
        ruleId: null,
        version: null,
        stage: null,
        key: null,
        subtask: null,
        line: 3,
      }),
    ).toBe("line 3");
  });
});
