import "fake-indexeddb/auto";
import { clear, createStore, get, getMany, keys, set } from "idb-keyval";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { documentStore, replaceDocument, undo } from "./documentStore.ts";
import { DATABASE, DOCUMENT_KEY, startPersistence, stopPersistence } from "./persistence.ts";
import type { ConflictChoice } from "./persistence.ts";
import { parseSavedDocument, serializeDocument } from "./saveFormat.ts";
import { REVISION_KEY } from "./saveRevision.ts";
import type { StudioDocument } from "./studioDocument.ts";
import { chainRule, docOf } from "./testing/ruleFixtures.ts";
import { fakePageLoads, memoryStorage } from "./testing/unsavedStorage.ts";
import { LEGACY_UNSAVED_KEY, readUnsavedCopies, UNSAVED_PREFIX, writeUnsavedCopy } from "./unsavedCopy.ts";
import { MAX_WAITING_COPIES } from "./unsavedReconcile.ts";

const idb = createStore(DATABASE.name, DATABASE.store);
const mine = docOf(chainRule(["mine"]));
const fromA = docOf(chainRule(["tab_a", "edit"]));
const fromB = docOf(chainRule(["tab_b", "edit"]));
const at = () => new Date("2026-03-04T05:06:07.000Z");

let local: ReturnType<typeof memoryStorage>;
let conflicts: ConflictChoice[];
/** Delivers a notice to the running tab as if another tab posted it. */
let deliver: (data: unknown) => void;
let page: EventTarget;

/** Starts a page load of a tab whose previous page load was `previous`, with `live` page loads open elsewhere. */
async function startTab(previous: string | null = null, live: readonly string[] = []) {
  const loads = fakePageLoads(previous, live);
  const start = await startPersistence({
    storage: local.storage,
    now: at,
    pageLoads: loads.pageLoads,
    channel: {
      post: () => undefined,
      listen: (onMessage) => {
        deliver = onMessage;
      },
      close: () => undefined,
    },
    onConflict: (c) => conflicts.push(c),
  });
  return { start, writer: loads.begun[0] ?? "" };
}

/** A copy a closed tab left: `writer`'s `document`, made on `baseRevision`, hidden at `writtenAt`. */
function leftBy(writer: string, document: StudioDocument, baseRevision: number, writtenAt: number) {
  writeUnsavedCopy(local.storage, { text: serializeDocument(document), baseRevision, writer, writtenAt });
}

const copyWriters = () =>
  readUnsavedCopies(local.storage).map((c) => (c.kind === "copy" ? c.copy.writer : c.key));

async function stored() {
  const [text, revision] = await getMany<unknown>([DOCUMENT_KEY, REVISION_KEY], idb);
  const parsed = parseSavedDocument(typeof text === "string" ? text : "");
  return { doc: parsed.ok ? parsed.doc : null, revision };
}

beforeEach(async () => {
  await clear(idb);
  while (documentStore.getState().canUndo) undo();
  replaceDocument(mine, { history: "skip" });
  await set(DOCUMENT_KEY, serializeDocument(mine), idb);
  await set(REVISION_KEY, 3, idb);
  local = memoryStorage();
  conflicts = [];
  deliver = () => undefined;
  page = new EventTarget();
  vi.stubGlobal("window", page);
  vi.stubGlobal("document", Object.assign(new EventTarget(), { visibilityState: "visible" }));
});

afterEach(() => {
  stopPersistence();
  vi.unstubAllGlobals();
});

describe("unsaved copies of several tabs", () => {
  it("two tabs hidden with unsaved changes keep a copy each", async () => {
    // Tab A: another tab saved, so A saves nothing until the user chooses; then A is left.
    const a = await startTab();
    deliver({ type: "saved", revision: 4 });
    replaceDocument(fromA);
    page.dispatchEvent(new Event("pagehide"));
    stopPersistence();
    // Tab B, opened while A is still open, leaves A's copy alone and is left the same way.
    const b = await startTab(null, [a.writer]);
    expect(documentStore.getState().doc).toEqual(mine);
    deliver({ type: "saved", revision: 4 });
    replaceDocument(fromB);
    page.dispatchEvent(new Event("pagehide"));
    expect(copyWriters().sort()).toEqual([a.writer, b.writer].sort());
    expect(local.items.has(`${UNSAVED_PREFIX}${a.writer}`)).toBe(true);
  });

  it("at the next start the later copy is saved; the other waits and is offered, as a conflict, at the start after", async () => {
    leftBy("a", fromA, 3, 1000);
    leftBy("b", fromB, 3, 2000);
    const first = await startTab();
    expect(documentStore.getState().doc).toEqual(fromB);
    expect(await stored()).toEqual({ doc: fromB, revision: 4 });
    expect(first.start.problem).toContain("Another tab closed with changes that were not saved");
    expect(conflicts).toEqual([]);
    expect(copyWriters()).toEqual(["a"]);
    stopPersistence();

    const second = await startTab();
    expect(second.start.problem).toBeNull();
    expect(documentStore.getState().doc).toEqual(fromA);
    expect(conflicts).toHaveLength(1);
    // Claimed by this page load until the user chooses.
    expect(copyWriters()).toEqual([second.writer]);
    await conflicts[0]?.keepMine();
    expect(await stored()).toEqual({ doc: fromA, revision: 5 });
    expect(local.items.size).toBe(0);
  });

  it("a reload shows the tab's own copy, not a later one of another tab", async () => {
    leftBy("mine-before-reload", fromA, 3, 1000);
    leftBy("other", fromB, 3, 2000);
    await startTab("mine-before-reload");
    expect(documentStore.getState().doc).toEqual(fromA);
    expect(copyWriters()).toEqual(["other"]);
  });

  it("the copy of a tab still open is left to it, and nothing is said about it", async () => {
    leftBy("open", fromA, 3, 1000);
    const { start } = await startTab(null, ["open"]);
    expect(start).toEqual({ restored: true, problem: null });
    expect(documentStore.getState().doc).toEqual(mine);
    expect(copyWriters()).toEqual(["open"]);
  });

  it("copies IndexedDB already holds are cleared, from closed tabs only", async () => {
    leftBy("closed", mine, 2, 1000);
    leftBy("open", mine, 2, 1000);
    await startTab(null, ["open"]);
    expect(copyWriters()).toEqual(["open"]);
    expect(conflicts).toEqual([]);
  });

  it("beyond the copies that wait, the oldest go to recovered keys, never deleted unseen", async () => {
    const count = MAX_WAITING_COPIES + 2;
    for (let i = 0; i < count; i++) leftBy(`t${i}`, docOf(chainRule([`tab_${i}`])), 2, 1000 + i);
    const { start } = await startTab();
    expect(documentStore.getState().doc).toEqual(docOf(chainRule([`tab_${count - 1}`])));
    expect(copyWriters()).toHaveLength(1 + MAX_WAITING_COPIES);
    expect(copyWriters()).not.toContain("t0");
    expect(start.problem).toContain(`${MAX_WAITING_COPIES} other tabs closed with changes`);
    expect(start.problem).toContain(
      'Changes another tab left unsaved (at 00:00 on 1970-01-01, UTC) are kept unchanged in this browser\'s storage under "recovered:2026-03-04T05:06:07.000Z"',
    );
    const recovered = (await keys(idb)).filter((k) => typeof k === "string" && k.startsWith("recovered:"));
    expect(recovered).toHaveLength(1);
    expect(String(await get(recovered[0] ?? "", idb))).toContain("tab_0");
  });

  it("reads the one copy earlier versions kept under a single key, and moves it", async () => {
    const legacy = {
      format: "cep-studio-unsaved",
      baseRevision: 3,
      writer: "old version",
      document: serializeDocument(fromA),
    };
    local.items.set(LEGACY_UNSAVED_KEY, JSON.stringify(legacy));
    await startTab();
    expect(documentStore.getState().doc).toEqual(fromA);
    expect(await stored()).toEqual({ doc: fromA, revision: 4 });
    expect(local.items.size).toBe(0);
  });

  it("a full storage leaves a claimed copy where it was", async () => {
    leftBy("a", fromA, 2, 1000);
    local.state.full = true;
    await startTab();
    expect(documentStore.getState().doc).toEqual(fromA);
    expect(conflicts).toHaveLength(1);
    expect(copyWriters()).toEqual(["a"]);
  });
});
