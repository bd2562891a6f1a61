import { describe, expect, it } from "vitest";
import { runWarningHint } from "./runWarning.ts";

describe("runWarningHint", () => {
  it("points the partial-match cap's warning at the setting", () => {
    expect(
      runWarningHint({
        kind: "partial-match-cap",
        message: "rule 'combinations' (version 1): more than 5 partial matches for one key",
      }),
    ).toContain("Settings › Partial matches › Cap per key");
  });

  it("adds nothing to other warnings", () => {
    expect(
      runWarningHint({ kind: "broadcast-rejected", message: "records[2]: rule '1' version 2 rejected" }),
    ).toBeNull();
  });
});
