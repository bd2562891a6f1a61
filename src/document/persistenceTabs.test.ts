import "fake-indexeddb/auto";
import { clear, createStore, get, getMany, set } from "idb-keyval";
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
import type { ConflictChoice } from "./persistence.ts";
import { parseSavedDocument, serializeDocument } from "./saveFormat.ts";
import { REVISION_KEY, writeAtRevision } from "./saveRevision.ts";
import type { DocumentChannel, SavedNotice } from "./saveRevision.ts";
import { chainRule, docOf } from "./testing/ruleFixtures.ts";

const idb = createStore(DATABASE.name, DATABASE.store);
const mine = docOf(chainRule(["mine"]));
const theirs = docOf(chainRule(["theirs", "other"]));

/** An in-memory channel: `posted` holds this tab's notices, `deliver` plays another tab's. */
function fakeChannel() {
  const posted: SavedNotice[] = [];
  let listener: ((data: unknown) => void) | null = null;
  let closed = false;
  const channel: DocumentChannel = {
    post(notice) {
      posted.push(notice);
    },
    listen(onMessage) {
      listener = onMessage;
    },
    close() {
      closed = true;
    },
  };
  return {
    channel,
    posted,
    deliver: (data: unknown) => listener?.(data),
    isClosed: () => closed,
  };
}

/** What another tab does when it saves: bump the revision and announce it. */
async function otherTabSaves(revision: number, fake: ReturnType<typeof fakeChannel>) {
  await set(DOCUMENT_KEY, serializeDocument(theirs), idb);
  await set(REVISION_KEY, revision, idb);
  fake.deliver({ type: "saved", revision });
}

async function stored() {
  const [text, revision] = await getMany<unknown>([DOCUMENT_KEY, REVISION_KEY], idb);
  const parsed = parseSavedDocument(typeof text === "string" ? text : "");
  return { doc: parsed.ok ? parsed.doc : null, revision };
}

beforeEach(async () => {
  await clear(idb);
  while (documentStore.getState().canUndo) undo();
  replaceDocument(mine, { history: "skip" });
});

afterEach(() => {
  stopPersistence();
});

describe("persistence across tabs", () => {
  it("numbers saves and announces each one", async () => {
    const fake = fakeChannel();
    await startPersistence({ channel: fake.channel });
    changeDocument(addRule);
    await flushPersistence();
    changeDocument(addRule);
    await flushPersistence();
    expect(fake.posted).toEqual([
      { type: "saved", revision: 1 },
      { type: "saved", revision: 2 },
    ]);
    expect((await stored()).revision).toBe(2);
    stopPersistence();
    expect(fake.isClosed()).toBe(true);
  });

  it("stops saving when another tab announces a newer save, until the user chooses", async () => {
    const fake = fakeChannel();
    const conflicts: ConflictChoice[] = [];
    await startPersistence({ channel: fake.channel, onConflict: (c) => conflicts.push(c) });
    await otherTabSaves(1, fake);
    expect(conflicts).toHaveLength(1);
    changeDocument(addRule);
    await flushPersistence();
    // The other tab's save is untouched and no notice went out.
    expect(await stored()).toEqual({ doc: theirs, revision: 1 });
    expect(fake.posted).toEqual([]);
    // A second notice does not ask again.
    fake.deliver({ type: "saved", revision: 2 });
    expect(conflicts).toHaveLength(1);
  });

  it("ignores notices of revisions it already has and messages that are not notices", async () => {
    const fake = fakeChannel();
    const conflicts: ConflictChoice[] = [];
    await set(REVISION_KEY, 3, idb);
    await set(DOCUMENT_KEY, serializeDocument(mine), idb);
    await startPersistence({ channel: fake.channel, onConflict: (c) => conflicts.push(c) });
    fake.deliver({ type: "saved", revision: 3 });
    fake.deliver({ type: "other", revision: 9 });
    fake.deliver("saved");
    expect(conflicts).toEqual([]);
  });

  it("finds a newer save on its own save even without a channel", async () => {
    const conflicts: ConflictChoice[] = [];
    await startPersistence({ channel: null, onConflict: (c) => conflicts.push(c) });
    await set(DOCUMENT_KEY, serializeDocument(theirs), idb);
    await set(REVISION_KEY, 1, idb);
    changeDocument(addRule);
    await flushPersistence();
    expect(conflicts).toHaveLength(1);
    expect(await stored()).toEqual({ doc: theirs, revision: 1 });
  });

  it("Reload it: shows the other tab's document as one undoable change, then saves on from there", async () => {
    const fake = fakeChannel();
    const conflicts: ConflictChoice[] = [];
    await startPersistence({ channel: fake.channel, onConflict: (c) => conflicts.push(c) });
    changeDocument(addRule);
    await otherTabSaves(1, fake);
    expect(await conflicts[0]?.reload()).toBeNull();
    expect(documentStore.getState().doc).toEqual(theirs);
    await flushPersistence();
    expect(fake.posted).toEqual([]); // loading it is not a change to write back
    changeDocument(addRule);
    await flushPersistence();
    expect(fake.posted).toEqual([{ type: "saved", revision: 2 }]);
    undo();
    undo();
    expect(documentStore.getState().doc.rules).toHaveLength(mine.rules.length + 1);
  });

  it("Keep mine: writes this tab's document over the other one and announces it", async () => {
    const fake = fakeChannel();
    const conflicts: ConflictChoice[] = [];
    await startPersistence({ channel: fake.channel, onConflict: (c) => conflicts.push(c) });
    changeDocument(addRule);
    const withMyRule = documentStore.getState().doc;
    await otherTabSaves(4, fake);
    await conflicts[0]?.keepMine();
    expect(await stored()).toEqual({ doc: withMyRule, revision: 5 });
    expect(fake.posted).toEqual([{ type: "saved", revision: 5 }]);
    // Saving goes on normally afterwards.
    changeDocument(addRule);
    await flushPersistence();
    expect((await stored()).revision).toBe(6);
  });

  it("Reload it keeps this tab's document when the other save cannot be read", async () => {
    const fake = fakeChannel();
    const conflicts: ConflictChoice[] = [];
    await startPersistence({ channel: fake.channel, onConflict: (c) => conflicts.push(c) });
    await set(DOCUMENT_KEY, "not json", idb);
    fake.deliver({ type: "saved", revision: 1 });
    expect(await conflicts[0]?.reload()).toContain("could not be read");
    expect(documentStore.getState().doc).toEqual(mine);
    expect(await get(DOCUMENT_KEY, idb)).toBe("not json");
  });
});

describe("writeAtRevision", () => {
  it("lets only one of two writers at the same revision win", async () => {
    const [a, b] = await Promise.all([
      writeAtRevision(idb, DOCUMENT_KEY, "a", 0),
      writeAtRevision(idb, DOCUMENT_KEY, "b", 0),
    ]);
    expect([a, b]).toEqual([
      { written: true, revision: 1 },
      { written: false, stored: 1 },
    ]);
    expect(await get(DOCUMENT_KEY, idb)).toBe("a");
  });
});
