import { describe, expect, it } from "vitest";
import { inputRowsNote } from "./inputRowsNote.ts";

describe("inputRowsNote", () => {
  it("says nothing when every row was read cleanly", () => {
    expect(inputRowsNote(0, 0)).toBeNull();
  });

  it("counts skipped rows and rows read with a warning, in one line", () => {
    expect(inputRowsNote(1, 0)).toBe("1 row was skipped — see the Data tab for their lines.");
    expect(inputRowsNote(0, 1234)).toBe(
      "1 234 rows were read with a warning — see the Data tab for their lines.",
    );
    expect(inputRowsNote(2, 1)).toBe(
      "2 rows were skipped and 1 was read with a warning — see the Data tab for their lines.",
    );
  });
});
