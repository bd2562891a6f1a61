import { describe, expect, it } from "vitest";
import { chainRule } from "../designer/testRules.ts";
import { isDraftBase, SOURCE_DRAFTS_KEY, SourceDrafts } from "./sourceDrafts.ts";

/** A sessionStorage stand-in: a Map, or one that refuses every write (over quota). */
function memoryStorage(refuseWrites = false) {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => {
      if (refuseWrites) throw new Error("QuotaExceededError");
      items.set(key, value);
    },
    removeItem: (key: string) => {
      items.delete(key);
    },
  };
}

describe("SourceDrafts", () => {
  it("keeps an unapplied text across a reload, with what it was written against", () => {
    const storage = memoryStorage();
    const rule = chainRule();
    const drafts = new SourceDrafts(storage);
    drafts.set("r1", { text: '{"id": "7", "version": ', base: rule });
    expect(isDraftBase(drafts.get("r1") ?? { text: "", base: "" }, rule)).toBe(true);

    const reloaded = new SourceDrafts(storage);
    const draft = reloaded.get("r1");
    expect(draft?.text).toBe('{"id": "7", "version": ');
    // After the reload the base is the rule's JSON: the same rule (a new object) matches it...
    expect(draft !== undefined && isDraftBase(draft, chainRule())).toBe(true);
    // ...and a rule changed meanwhile does not.
    const changed = { ...rule, id: "8" };
    expect(draft !== undefined && isDraftBase(draft, changed)).toBe(false);

    reloaded.delete("r1");
    expect(new SourceDrafts(storage).get("r1")).toBeUndefined();
    expect(storage.items.has(SOURCE_DRAFTS_KEY)).toBe(false);
  });

  it("ignores stored text that is not drafts, and lives on in memory when the storage refuses", () => {
    const storage = memoryStorage();
    for (const junk of ["not json", "{}", '[["r1", {"text": 1, "base": "x"}]]', "[[1, {}]]"]) {
      storage.items.set(SOURCE_DRAFTS_KEY, junk);
      expect(new SourceDrafts(storage).get("r1")).toBeUndefined();
    }
    const full = new SourceDrafts(memoryStorage(true));
    full.set("r1", { text: "x", base: chainRule() });
    expect(full.get("r1")?.text).toBe("x");
    expect(new SourceDrafts(null).get("r1")).toBeUndefined();
  });
});
