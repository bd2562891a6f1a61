import { describe, expect, it } from "vitest";
import type { UnsavedCopy } from "./unsavedCopy.ts";
import { MAX_WAITING_COPIES, planUnsavedStart } from "./unsavedReconcile.ts";
import type { FoundCopy, StartContext } from "./unsavedReconcile.ts";

/** A copy by `writer`, made on revision `baseRevision`, hidden at `writtenAt`. */
function found(
  writer: string,
  baseRevision: number,
  writtenAt: number,
  text = `doc of ${writer}`,
): FoundCopy {
  const copy: UnsavedCopy = { text, baseRevision, writer, writtenAt };
  return { key: `cep-studio:unsaved:${writer}`, copy };
}

const context: StartContext = {
  previousWriter: null,
  liveWriters: new Set(),
  savedText: "the saved doc",
  savedRevision: 3,
};

const writers = (copies: readonly FoundCopy[]) => copies.map((c) => c.copy.writer);

describe("planUnsavedStart", () => {
  it("shows nothing without copies", () => {
    expect(planUnsavedStart([], context)).toEqual({ shown: null, saved: [], waiting: [], overflow: [] });
  });

  it("removes a copy IndexedDB already holds, whatever its base", () => {
    const plan = planUnsavedStart([found("a", 1, 10, "the saved doc")], context);
    expect(plan.shown).toBeNull();
    expect(writers(plan.saved)).toEqual(["a"]);
  });

  it("two closed tabs' copies on the saved revision: the later one is saved, the other waits", () => {
    const plan = planUnsavedStart([found("a", 3, 10), found("b", 3, 20)], context);
    expect(plan.shown?.found.copy.writer).toBe("b");
    expect(plan.shown?.order).toBe("newer");
    // Once b is saved, a's base is behind: a later start offers it as a conflict.
    expect(writers(plan.waiting)).toEqual(["a"]);
  });

  it("prefers a copy that overwrites nothing to a later one another tab's save came after", () => {
    const plan = planUnsavedStart([found("older", 2, 30), found("newer", 3, 10)], context);
    expect(plan.shown).toEqual({ found: found("newer", 3, 10), order: "newer" });
    expect(writers(plan.waiting)).toEqual(["older"]);
  });

  it("shows a copy made before another tab's save as a conflict", () => {
    const plan = planUnsavedStart([found("a", 2, 10)], context);
    expect(plan.shown?.order).toBe("older");
  });

  it("after a reload, shows this tab's own copy first, even an older one", () => {
    const plan = planUnsavedStart([found("other", 3, 30), found("mine", 2, 10)], {
      ...context,
      previousWriter: "mine",
    });
    expect(plan.shown).toEqual({ found: found("mine", 2, 10), order: "older" });
    expect(writers(plan.waiting)).toEqual(["other"]);
  });

  it("leaves the copy of a tab still open to that tab, but not this tab's own previous page load", () => {
    const live = { ...context, liveWriters: new Set(["open", "mine"]), previousWriter: "mine" };
    const plan = planUnsavedStart([found("open", 3, 30), found("mine", 3, 10)], live);
    expect(plan.shown?.found.copy.writer).toBe("mine");
    expect(plan).toMatchObject({ saved: [], waiting: [], overflow: [] });
    expect(planUnsavedStart([found("open", 3, 30)], live).shown).toBeNull();
  });

  it("keeps at most MAX_WAITING_COPIES waiting, the most recent; the oldest overflow", () => {
    const copies = Array.from({ length: MAX_WAITING_COPIES + 3 }, (_, i) => found(`t${i}`, 2, i));
    const plan = planUnsavedStart(copies, context);
    const last = MAX_WAITING_COPIES + 2;
    expect(plan.shown?.found.copy.writer).toBe(`t${last}`);
    expect(writers(plan.waiting)).toEqual(
      Array.from({ length: MAX_WAITING_COPIES }, (_, i) => `t${last - 1 - i}`),
    );
    expect(writers(plan.overflow)).toEqual(["t1", "t0"]);
  });

  it("with nothing saved, every copy is newer", () => {
    const plan = planUnsavedStart([found("a", 0, 1), found("b", 5, 2)], { ...context, savedText: undefined });
    expect(plan.shown).toEqual({ found: found("b", 5, 2), order: "newer" });
  });
});
