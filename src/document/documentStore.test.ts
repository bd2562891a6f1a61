import { describe, expect, it } from "vitest";
import { createDocumentStore } from "./documentStore.ts";
import { HISTORY_LIMIT } from "./documentHistory.ts";
import type { StudioDocument } from "./studioDocument.ts";

/** A document whose only distinguishing feature is a binding, so tests can tell versions apart. */
function docWith(value: string): StudioDocument {
  return { rules: [], activeRuleKey: null, bindings: { "com.example.C": value } };
}

const setValue = (value: string) => (doc: StudioDocument) => ({
  ...doc,
  bindings: { ...doc.bindings, "com.example.C": value },
});

function valueOf(s: ReturnType<typeof createDocumentStore>): string | undefined {
  return s.store.getState().doc.bindings["com.example.C"];
}

describe("documentStore history", () => {
  it("records a change and undoes / redoes it", () => {
    const s = createDocumentStore(docWith("a"));
    expect(s.store.getState()).toMatchObject({ canUndo: false, canRedo: false });
    s.changeDocument(setValue("b"));
    expect(valueOf(s)).toBe("b");
    expect(s.store.getState()).toMatchObject({ canUndo: true, canRedo: false });
    s.undo();
    expect(valueOf(s)).toBe("a");
    expect(s.store.getState()).toMatchObject({ canUndo: false, canRedo: true });
    s.redo();
    expect(valueOf(s)).toBe("b");
    expect(s.store.getState()).toMatchObject({ canUndo: true, canRedo: false });
  });

  it("undo and redo with nothing to do change nothing", () => {
    const s = createDocumentStore(docWith("a"));
    const before = s.store.getState();
    s.undo();
    s.redo();
    expect(s.store.getState()).toBe(before);
  });

  it("merges consecutive changes with the same mergeKey into one entry", () => {
    const s = createDocumentStore(docWith(""));
    for (const v of ["p", "pr", "pri", "pric", "price"]) s.changeDocument(setValue(v), { mergeKey: "field" });
    s.undo();
    expect(valueOf(s)).toBe("");
    expect(s.store.getState().canUndo).toBe(false);
  });

  it("a different mergeKey, a change without key, or endMerge starts a new entry", () => {
    const s = createDocumentStore(docWith("0"));
    s.changeDocument(setValue("1"), { mergeKey: "a" });
    s.changeDocument(setValue("2"), { mergeKey: "b" });
    s.changeDocument(setValue("3"), { mergeKey: "b" });
    s.endMerge();
    s.changeDocument(setValue("4"), { mergeKey: "b" });
    s.changeDocument(setValue("5"));
    s.changeDocument(setValue("6"));
    const seen: (string | undefined)[] = [];
    while (s.store.getState().canUndo) {
      s.undo();
      seen.push(valueOf(s));
    }
    expect(seen).toEqual(["5", "4", "3", "1", "0"]);
  });

  it("skip changes do not enter history", () => {
    const s = createDocumentStore(docWith("a"));
    s.changeDocument(setValue("loaded"), { history: "skip" });
    expect(valueOf(s)).toBe("loaded");
    expect(s.store.getState().canUndo).toBe(false);
    s.changeDocument(setValue("edited"));
    s.undo();
    // The undo restores the document as it was before the recorded change, skip change included.
    expect(valueOf(s)).toBe("loaded");
    expect(s.store.getState().canUndo).toBe(false);
  });

  it("a skip change keeps the redo stack; a new recorded change clears it", () => {
    const s = createDocumentStore(docWith("a"));
    s.changeDocument(setValue("b"));
    s.undo();
    s.changeDocument((d) => ({ ...d, activeRuleKey: null }), { history: "skip" });
    expect(s.store.getState().canRedo).toBe(true);
    s.changeDocument(setValue("c"));
    expect(s.store.getState().canRedo).toBe(false);
    s.redo();
    expect(valueOf(s)).toBe("c");
  });

  it("a gesture is one entry, whatever its merge keys", () => {
    const s = createDocumentStore(docWith("start"));
    s.changeDocument(setValue("before"));
    s.beginGesture();
    s.changeDocument(setValue("x1"), { mergeKey: "drag" });
    s.changeDocument(setValue("x2"));
    s.changeDocument(setValue("x3"), { mergeKey: "other" });
    s.endGesture();
    expect(valueOf(s)).toBe("x3");
    s.undo();
    expect(valueOf(s)).toBe("before");
    s.undo();
    expect(valueOf(s)).toBe("start");
  });

  it("a gesture with no change adds no entry and keeps redo", () => {
    const s = createDocumentStore(docWith("a"));
    s.changeDocument(setValue("b"));
    s.undo();
    s.beginGesture();
    s.changeDocument((d) => d);
    s.endGesture();
    expect(s.store.getState()).toMatchObject({ canUndo: false, canRedo: true });
  });

  it("nested gestures close with the outermost endGesture", () => {
    const s = createDocumentStore(docWith("0"));
    s.beginGesture();
    s.changeDocument(setValue("1"));
    s.beginGesture();
    s.changeDocument(setValue("2"));
    s.endGesture();
    s.changeDocument(setValue("3"));
    s.endGesture();
    s.changeDocument(setValue("4"));
    s.undo();
    expect(valueOf(s)).toBe("3");
    s.undo();
    expect(valueOf(s)).toBe("0");
  });

  it("the change after a gesture does not merge into it even with the same key", () => {
    const s = createDocumentStore(docWith("0"));
    s.beginGesture();
    s.changeDocument(setValue("1"), { mergeKey: "k" });
    s.endGesture();
    s.changeDocument(setValue("2"), { mergeKey: "k" });
    s.undo();
    expect(valueOf(s)).toBe("1");
  });

  it("a no-op edit records nothing and does not notify", () => {
    const s = createDocumentStore(docWith("a"));
    let notified = 0;
    s.store.subscribe(() => notified++);
    s.changeDocument((d) => d);
    expect(notified).toBe(0);
    expect(s.store.getState().canUndo).toBe(false);
  });

  it("replaceDocument records by default and never merges with neighbours", () => {
    const s = createDocumentStore(docWith("a"));
    s.changeDocument(setValue("b"), { mergeKey: "k" });
    s.replaceDocument(docWith("imported"));
    s.changeDocument(setValue("c"), { mergeKey: "k" });
    s.undo();
    expect(valueOf(s)).toBe("imported");
    s.undo();
    expect(valueOf(s)).toBe("b");
  });

  it("replaceDocument with history skip is not undoable", () => {
    const s = createDocumentStore(docWith("a"));
    s.replaceDocument(docWith("restored"), { history: "skip" });
    expect(valueOf(s)).toBe("restored");
    expect(s.store.getState().canUndo).toBe(false);
  });

  it("keeps at most HISTORY_LIMIT entries, dropping the oldest", () => {
    const s = createDocumentStore(docWith("0"));
    for (let i = 1; i <= HISTORY_LIMIT + 5; i++) s.changeDocument(setValue(String(i)));
    let undone = 0;
    while (s.store.getState().canUndo) {
      s.undo();
      undone++;
    }
    expect(undone).toBe(HISTORY_LIMIT);
    expect(valueOf(s)).toBe("5");
  });

  it("undo inside an open gesture ends the gesture", () => {
    const s = createDocumentStore(docWith("0"));
    s.beginGesture();
    s.changeDocument(setValue("1"));
    s.undo();
    s.changeDocument(setValue("2"));
    s.changeDocument(setValue("3"));
    s.undo();
    expect(valueOf(s)).toBe("2");
  });
});

describe("documentStore history: changes linked outside the document", () => {
  /** A value outside the document (like the run's broadcast schedule) and a linked change of it. */
  function outside(initial: string) {
    const state = { value: initial };
    const change = (before: string, after: string) => {
      state.value = after;
      return {
        undo: () => {
          state.value = before;
        },
        redo: () => {
          state.value = after;
        },
      };
    };
    return { state, change };
  }

  it("one undo takes back the document and the linked change; redo does both again", () => {
    const s = createDocumentStore(docWith("mine"));
    const schedule = outside("[]");
    s.replaceDocument(docWith("card"), { linked: schedule.change("[]", "[card]") });
    s.undo();
    expect([valueOf(s), schedule.state.value]).toEqual(["mine", "[]"]);
    s.redo();
    expect([valueOf(s), schedule.state.value]).toEqual(["card", "[card]"]);
    s.undo();
    expect([valueOf(s), schedule.state.value]).toEqual(["mine", "[]"]);
  });

  it("leaves outside state alone when undoing entries that did not change it", () => {
    const s = createDocumentStore(docWith("0"));
    const schedule = outside("[]");
    s.changeDocument(setValue("1"), { linked: schedule.change("[]", "[a]") });
    s.changeDocument(setValue("2"));
    // Edited outside any recorded change (typing in the schedule editor, say).
    schedule.state.value = "[a, b]";
    s.undo();
    expect([valueOf(s), schedule.state.value]).toEqual(["1", "[a, b]"]);
    s.undo();
    expect([valueOf(s), schedule.state.value]).toEqual(["0", "[]"]);
  });

  it("joins linked changes of one gesture or merge into its entry, undone last first", () => {
    const s = createDocumentStore(docWith("0"));
    const log: string[] = [];
    const logged = (name: string) => ({
      undo: () => log.push(`undo ${name}`),
      redo: () => log.push(`redo ${name}`),
    });
    s.beginGesture();
    s.changeDocument(setValue("1"), { linked: logged("a") });
    s.changeDocument(setValue("2"), { linked: logged("b") });
    s.endGesture();
    s.changeDocument(setValue("3"), { mergeKey: "k", linked: logged("c") });
    s.changeDocument(setValue("4"), { mergeKey: "k", linked: logged("d") });
    s.undo();
    s.undo();
    expect(valueOf(s)).toBe("0");
    s.redo();
    expect(log).toEqual(["undo d", "undo c", "undo b", "undo a", "redo a", "redo b"]);
  });

  it("records a linked change even when the document stays the same", () => {
    const s = createDocumentStore(docWith("0"));
    const schedule = outside("[]");
    s.changeDocument((doc) => doc, { linked: schedule.change("[]", "[a]") });
    expect(s.store.getState().canUndo).toBe(true);
    s.undo();
    expect([valueOf(s), schedule.state.value]).toEqual(["0", "[]"]);
  });

  it("a skipped change carries nothing into the history", () => {
    const s = createDocumentStore(docWith("0"));
    const schedule = outside("[]");
    s.changeDocument(setValue("1"), { history: "skip", linked: schedule.change("[]", "[a]") });
    expect(s.store.getState().canUndo).toBe(false);
  });
});
