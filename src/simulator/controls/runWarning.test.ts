import { describe, expect, it } from "vitest";
import { runWarningHint } from "./runWarning.ts";

describe("runWarningHint", () => {
  it("points the partial-match cap's warning at the setting", () => {
    expect(
      runWarningHint(
        "rule 'combinations' (version 1): more than 5 partial matches for one key; the most recently started ones were dropped",
      ),
    ).toContain("Settings › Partial matches › Cap per key");
  });

  it("adds nothing to other warnings", () => {
    expect(runWarningHint("records[2]: rule '1' (version 2): replaced by a lower version")).toBeNull();
  });
});
