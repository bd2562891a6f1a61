import "fake-indexeddb/auto";
import { clear, createStore, get, getMany, keys, set } from "idb-keyval";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { changeDocument, documentStore, replaceDocument, undo } from "./documentStore.ts";
import { addRule } from "./edits/ruleEdits.ts";
import {
  DATABASE,
  DOCUMENT_KEY,
  flushPersistence,
  startPersistence,
  stopPersistence,
} from "./persistence.ts";
import type { ConflictChoice, PersistenceOptions } from "./persistence.ts";
import { parseSavedDocument, serializeDocument } from "./saveFormat.ts";
import { REVISION_KEY } from "./saveRevision.ts";
import type { SavedNotice } from "./saveRevision.ts";
import type { StudioDocument } from "./studioDocument.ts";
import { chainRule, docOf } from "./testing/ruleFixtures.ts";
import { fakePageLoads, memoryStorage } from "./testing/unsavedStorage.ts";
import { readUnsavedCopies, UNSAVED_PREFIX, writeUnsavedCopy } from "./unsavedCopy.ts";
import type { StoredCopy, UnsavedCopy, UnsavedStorage } from "./unsavedCopy.ts";

const idb = createStore(DATABASE.name, DATABASE.store);
const mine = docOf(chainRule(["mine"]));
const theirs = docOf(chainRule(["theirs", "other"]));
const unsaved = docOf(chainRule(["unsaved", "edit"]));
const at = () => new Date("2026-03-04T05:06:07.000Z");

let local: ReturnType<typeof memoryStorage>;
let posted: SavedNotice[];
let conflicts: ConflictChoice[];
/** The page's window and document, as far as persistence listens to them. */
let page: EventTarget;
let doc: EventTarget & { visibilityState: string };

function start(options: PersistenceOptions = {}) {
  return startPersistence({
    storage: local.storage,
    now: at,
    channel: { post: (n) => posted.push(n), listen: () => undefined, close: () => undefined },
    onConflict: (c) => conflicts.push(c),
    pageLoads: fakePageLoads().pageLoads,
    ...options,
  });
}

function copyIn(copy: Partial<UnsavedCopy> & { doc: StudioDocument }) {
  const { doc: document, ...rest } = copy;
  writeUnsavedCopy(local.storage, {
    text: serializeDocument(document),
    baseRevision: 0,
    writer: "gone",
    writtenAt: 1,
    ...rest,
  });
}

/** The one stored copy (undefined when there is none). */
function onlyCopy(): StoredCopy | undefined {
  const copies = readUnsavedCopies(local.storage);
  expect(copies.length).toBeLessThanOrEqual(1);
  return copies[0];
}

async function stored() {
  const [text, revision] = await getMany<unknown>([DOCUMENT_KEY, REVISION_KEY], idb);
  const parsed = parseSavedDocument(typeof text === "string" ? text : "");
  return { doc: parsed.ok ? parsed.doc : null, revision };
}

async function idbHolds(document: StudioDocument, revision: number) {
  await set(DOCUMENT_KEY, serializeDocument(document), idb);
  await set(REVISION_KEY, revision, idb);
}

beforeEach(async () => {
  await clear(idb);
  while (documentStore.getState().canUndo) undo();
  replaceDocument(mine, { history: "skip" });
  local = memoryStorage();
  posted = [];
  conflicts = [];
  page = new EventTarget();
  doc = Object.assign(new EventTarget(), { visibilityState: "visible" });
  vi.stubGlobal("window", page);
  vi.stubGlobal("document", doc);
});

afterEach(() => {
  stopPersistence();
  vi.unstubAllGlobals();
});

describe("the unsaved copy written when the page is hidden", () => {
  it("holds a change made just before pagehide, based on the saved revision", async () => {
    await idbHolds(mine, 2);
    await start();
    changeDocument(addRule);
    page.dispatchEvent(new Event("pagehide"));
    const read = onlyCopy();
    expect(read?.kind === "copy" && read.copy.baseRevision).toBe(2);
    expect(read?.kind === "copy" && read.copy.writtenAt).toBe(at().getTime());
    const text = read?.kind === "copy" ? read.copy.text : "";
    expect(text).toBe(serializeDocument(documentStore.getState().doc));
    // When the tab lives on, the flush that pagehide also started lands and the copy goes away.
    await flushPersistence();
    await vi.waitFor(() => {
      expect(local.items.size).toBe(0);
    });
    expect((await stored()).revision).toBe(3);
  });

  it("is written when the tab becomes hidden, and also for a save still on its way", async () => {
    await start();
    changeDocument(addRule);
    const saving = flushPersistence();
    doc.visibilityState = "hidden";
    doc.dispatchEvent(new Event("visibilitychange"));
    expect(onlyCopy()?.kind).toBe("copy");
    await saving;
    expect(local.items.size).toBe(0);
  });

  it("is not written when everything is saved", async () => {
    await start();
    changeDocument(addRule);
    await flushPersistence();
    page.dispatchEvent(new Event("pagehide"));
    expect(local.items.size).toBe(0);
  });

  it("stays when the tab saves after another tab wrote it", async () => {
    await start();
    copyIn({ doc: unsaved, writer: "another tab" });
    changeDocument(addRule);
    await flushPersistence();
    expect(readUnsavedCopies(local.storage).map((c) => c.key)).toEqual([`${UNSAVED_PREFIX}another tab`]);
  });

  it("full or missing storage changes nothing else: no throw, IndexedDB still saves", async () => {
    local.state.full = true;
    await start();
    changeDocument(addRule);
    expect(() => page.dispatchEvent(new Event("pagehide"))).not.toThrow();
    await flushPersistence();
    expect((await stored()).doc).toEqual(documentStore.getState().doc);
    stopPersistence();
    const refusing: UnsavedStorage = {
      getItem: () => {
        throw new Error("SecurityError: access is denied");
      },
      setItem: () => {
        throw new Error("SecurityError: access is denied");
      },
      removeItem: () => {
        throw new Error("SecurityError: access is denied");
      },
      key: () => {
        throw new Error("SecurityError: access is denied");
      },
      get length(): number {
        throw new Error("SecurityError: access is denied");
      },
    };
    expect(await start({ storage: refusing })).toEqual({ restored: true, problem: null });
    changeDocument(addRule);
    expect(() => page.dispatchEvent(new Event("pagehide"))).not.toThrow();
    await flushPersistence();
    expect((await stored()).revision).toBe(2);
  });
});

describe("reconciling the unsaved copy at start", () => {
  it("newer (made on the stored revision): shows it, saves it, announces it, removes it", async () => {
    await idbHolds(mine, 3);
    copyIn({ doc: unsaved, baseRevision: 3 });
    expect(await start()).toEqual({ restored: true, problem: null });
    expect(documentStore.getState().doc).toEqual(unsaved);
    expect(documentStore.getState().canUndo).toBe(false);
    expect(await stored()).toEqual({ doc: unsaved, revision: 4 });
    expect(posted).toEqual([{ type: "saved", revision: 4 }]);
    expect(local.items.size).toBe(0);
    expect(conflicts).toEqual([]);
  });

  it("newer when IndexedDB holds nothing at all", async () => {
    copyIn({ doc: unsaved, baseRevision: 5 });
    await start();
    expect(await stored()).toEqual({ doc: unsaved, revision: 1 });
  });

  it("older (another tab saved since): shows it and asks, never overwriting the other save", async () => {
    await idbHolds(theirs, 4);
    copyIn({ doc: unsaved, baseRevision: 3 });
    const start0 = await start();
    expect(start0.restored).toBe(true);
    expect(documentStore.getState().doc).toEqual(unsaved);
    expect(conflicts).toHaveLength(1);
    changeDocument(addRule);
    await flushPersistence();
    expect(await stored()).toEqual({ doc: theirs, revision: 4 });
    // Until the user chooses, the copy stays for the next start.
    expect(onlyCopy()?.kind).toBe("copy");
    expect(await conflicts[0]?.reload()).toBeNull();
    expect(documentStore.getState().doc).toEqual(theirs);
    expect(local.items.size).toBe(0);
    undo();
    expect(documentStore.getState().doc.rules).toHaveLength(unsaved.rules.length + 1);
  });

  it("older, Keep mine: the copy replaces the other save and is removed", async () => {
    await idbHolds(theirs, 4);
    copyIn({ doc: unsaved, baseRevision: 3 });
    await start();
    await conflicts[0]?.keepMine();
    expect(await stored()).toEqual({ doc: unsaved, revision: 5 });
    expect(local.items.size).toBe(0);
  });

  it("equal (IndexedDB holds the same text): removed, nothing saved or asked", async () => {
    await idbHolds(unsaved, 3);
    copyIn({ doc: unsaved, baseRevision: 2 });
    expect(await start()).toEqual({ restored: true, problem: null });
    expect(documentStore.getState().doc).toEqual(unsaved);
    expect((await stored()).revision).toBe(3);
    expect(posted).toEqual([]);
    expect(conflicts).toEqual([]);
    expect(local.items.size).toBe(0);
  });

  it("unreadable: kept under recovered:<time>, reported, and the saved document shown", async () => {
    await idbHolds(mine, 1);
    local.items.set(`${UNSAVED_PREFIX}gone`, "{not json");
    const result = await start();
    expect(result.restored).toBe(true);
    expect(result.problem).toContain('"recovered:2026-03-04T05:06:07.000Z"');
    expect(result.problem).toContain("it is not JSON");
    expect(await get("recovered:2026-03-04T05:06:07.000Z", idb)).toBe("{not json");
    expect(local.items.size).toBe(0);
    expect(documentStore.getState().doc).toEqual(mine);
  });

  it("a copy whose document cannot be read and a broken save are both kept, apart", async () => {
    await set(DOCUMENT_KEY, "broken save", idb);
    writeUnsavedCopy(local.storage, {
      text: '{"format": "x"}',
      baseRevision: 0,
      writer: "gone",
      writtenAt: 1,
    });
    const raw = local.items.get(`${UNSAVED_PREFIX}gone`);
    const result = await start();
    expect(result.restored).toBe(false);
    expect(result.problem).toContain("the example rules are shown instead");
    expect(result.problem).toContain("Changes not yet saved");
    expect((await keys(idb)).sort()).toEqual([
      DOCUMENT_KEY,
      "recovered:2026-03-04T05:06:07.000Z",
      "recovered:2026-03-04T05:06:07.000Z (2)",
    ]);
    expect(await get("recovered:2026-03-04T05:06:07.000Z", idb)).toBe("broken save");
    expect(await get("recovered:2026-03-04T05:06:07.000Z (2)", idb)).toBe(raw);
  });

  it("a readable copy replaces a save that cannot be read, which is kept", async () => {
    await set(DOCUMENT_KEY, "broken save", idb);
    await set(REVISION_KEY, 2, idb);
    copyIn({ doc: unsaved, baseRevision: 7 });
    const result = await start();
    expect(result.problem).toContain("your unsaved changes are shown instead");
    expect(await get("recovered:2026-03-04T05:06:07.000Z", idb)).toBe("broken save");
    expect(await stored()).toEqual({ doc: unsaved, revision: 3 });
    expect(conflicts).toEqual([]);
  });
});
