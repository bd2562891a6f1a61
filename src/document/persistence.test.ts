import "fake-indexeddb/auto";
import { createStore, get, keys, set, clear } from "idb-keyval";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { changeDocument, documentStore, replaceDocument, undo } from "./documentStore.ts";
import { addRule } from "./edits/ruleEdits.ts";
import {
  DATABASE,
  DOCUMENT_KEY,
  flushPersistence,
  startPersistence,
  stopPersistence,
} from "./persistence.ts";
import { parseSavedDocument, serializeDocument } from "./saveFormat.ts";
import { REVISION_KEY } from "./saveRevision.ts";
import { chainRule, docOf } from "./testing/ruleFixtures.ts";

const idb = createStore(DATABASE.name, DATABASE.store);
const defaultLike = docOf(chainRule(["default"]));

beforeEach(async () => {
  await clear(idb);
  // Drain the app store's history so each test starts with nothing to undo.
  while (documentStore.getState().canUndo) undo();
  replaceDocument(defaultLike, { history: "skip" });
});

afterEach(() => {
  stopPersistence();
});

describe("persistence", () => {
  it("starts with nothing saved, then saves changes", async () => {
    expect(await startPersistence()).toEqual({ restored: false, problem: null });
    changeDocument(addRule);
    await flushPersistence();
    const saved = await get<string>(DOCUMENT_KEY, idb);
    const parsed = parseSavedDocument(saved ?? "");
    expect(parsed.ok && parsed.doc).toEqual(documentStore.getState().doc);
  });

  it("saves after the debounce without an explicit flush", async () => {
    await startPersistence();
    changeDocument(addRule);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(typeof (await get(DOCUMENT_KEY, idb))).toBe("string");
  });

  it("restores a saved document without an undo entry", async () => {
    const saved = docOf(chainRule(["a", "b"]), { ...chainRule(["c"]), key: "r2" });
    await set(DOCUMENT_KEY, serializeDocument(saved), idb);
    expect(await startPersistence()).toEqual({ restored: true, problem: null });
    expect(documentStore.getState().doc).toEqual(saved);
    expect(documentStore.getState().canUndo).toBe(false);
  });

  it("keeps a broken save under recovered:<time>, reports it, and shows the default", async () => {
    await set(DOCUMENT_KEY, '{"format": "cep-studio-document", "version": 1, "rules": 5}', idb);
    const now = () => new Date("2026-01-02T03:04:05.000Z");
    const start = await startPersistence({ now });
    expect(start.restored).toBe(false);
    expect(start.problem).toContain('"recovered:2026-01-02T03:04:05.000Z"');
    expect(start.problem).toContain("rules: expected the rules (an array)");
    expect(await get("recovered:2026-01-02T03:04:05.000Z", idb)).toBe(
      '{"format": "cep-studio-document", "version": 1, "rules": 5}',
    );
    expect(documentStore.getState().doc).toEqual(defaultLike);
    // Work goes on: the next change is saved under the normal key, the recovered copy stays.
    changeDocument(addRule);
    await flushPersistence();
    expect((await keys(idb)).sort()).toEqual([
      DOCUMENT_KEY,
      REVISION_KEY,
      "recovered:2026-01-02T03:04:05.000Z",
    ]);
  });

  it("keeps a stored value that is not text at all", async () => {
    await set(DOCUMENT_KEY, { some: "object" }, idb);
    const start = await startPersistence({ now: () => new Date(0) });
    expect(start.problem).toContain("not a saved document's text");
    expect(await get("recovered:1970-01-01T00:00:00.000Z", idb)).toEqual({ some: "object" });
  });

  it("reports restore remarks", async () => {
    const text = serializeDocument(defaultLike).replace('"activeRuleKey":"r1"', '"activeRuleKey":"gone"');
    await set(DOCUMENT_KEY, text, idb);
    const start = await startPersistence();
    expect(start.restored).toBe(true);
    expect(start.problem).toContain('activeRuleKey: no rule has the key "gone"');
  });

  it("a second start does nothing", async () => {
    await startPersistence();
    expect(await startPersistence()).toEqual({ restored: false, problem: null });
  });
});
