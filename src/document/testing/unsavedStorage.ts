/** Fakes of the browser storage persistence uses, for the persistence tests. */
import type { PageLoads } from "../pageLoads.ts";
import type { UnsavedStorage } from "../unsavedCopy.ts";

/** localStorage in memory; `state.full` makes every write fail as a full storage does. */
export function memoryStorage() {
  const items = new Map<string, string>();
  const state = { full: false };
  const storage: UnsavedStorage = {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => {
      if (state.full) throw new Error("QuotaExceededError: the quota has been exceeded");
      items.set(key, value);
    },
    removeItem: (key) => {
      items.delete(key);
    },
    key: (index) => [...items.keys()][index] ?? null,
    get length() {
      return items.size;
    },
  };
  return { storage, items, state };
}

/**
 * Page loads as a test sets them: `previous` is the tab's page load before a reload, `live` the
 * page loads open elsewhere; `begun` records the writer each start began.
 */
export function fakePageLoads(previous: string | null = null, live: readonly string[] = []) {
  const begun: string[] = [];
  const pageLoads: PageLoads = {
    previous: () => previous,
    begin: (writer) => {
      begun.push(writer);
    },
    live: () => Promise.resolve(new Set(live)),
  };
  return { pageLoads, begun };
}
