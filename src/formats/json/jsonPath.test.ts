import { describe, expect, it } from "vitest";
import { indexPath, memberPath, parentPath } from "./jsonPath.ts";

describe("JSON paths", () => {
  it("quotes keys that are not identifiers and walks back up", () => {
    expect(memberPath("", "nodes")).toBe("nodes");
    expect(memberPath("[0]", "id")).toBe("[0].id");
    expect(memberPath("", "com.x.Cond")).toBe('["com.x.Cond"]');
    expect(indexPath("nodes", 2)).toBe("nodes[2]");
    expect(parentPath('a.b[2]["c.d"]')).toBe("a.b[2]");
    expect(parentPath("a.b[2]")).toBe("a.b");
    expect(parentPath("a")).toBe("");
    expect(parentPath("[3]")).toBe("");
    expect(parentPath("")).toBeNull();
  });
});
