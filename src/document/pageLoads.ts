/**
 * Which page loads of CEP Studio are open, so a starting tab leaves another open tab's unsaved
 * copy to that tab (`unsavedReconcile.ts`). Each page load holds a Web Lock named after its
 * writer id for as long as it lives (the browser releases it when the page goes), and leaves its
 * id in sessionStorage, which outlives a reload of the same tab: after a reload the tab knows
 * which copy was its own.
 */
import { tabSessionStorage } from "./tabStorage.ts";

/** The lock each page load holds while it lives: this prefix and its writer id. */
const LOCK_PREFIX = "cep-studio:page-load:";
/** The sessionStorage key of the tab's current page load. */
const TAB_KEY = "cep-studio:page-load";

/** See the module comment; tests pass a fake. */
export interface PageLoads {
  /** The page load this tab had before a reload; null in a new tab. */
  previous(): string | null;
  /** Makes `writer` this tab's page load (for the next reload) and holds its lock while the page lives. */
  begin(writer: string): void;
  /** The page loads open now (none known where the browser has no Web Locks). */
  live(): Promise<ReadonlySet<string>>;
}

/** The Web Locks API, or null where the browser (or Node, in tests) has none. */
function lockManager(): LockManager | null {
  return typeof navigator !== "undefined" && "locks" in navigator ? navigator.locks : null;
}

/** The browser's page loads: sessionStorage and Web Locks. */
export function browserPageLoads(): PageLoads {
  return {
    previous() {
      try {
        return tabSessionStorage()?.getItem(TAB_KEY) ?? null;
      } catch {
        return null;
      }
    },
    begin(writer) {
      try {
        tabSessionStorage()?.setItem(TAB_KEY, writer);
      } catch {
        // Without it a reload finds its copy as any closed tab's: still shown, just not first.
      }
      // Never released by this page: the browser drops the lock when the page is gone.
      void lockManager()?.request(LOCK_PREFIX + writer, () => new Promise<void>(() => undefined));
    },
    async live() {
      const locks = lockManager();
      if (locks === null) return new Set();
      try {
        const { held = [] } = await locks.query();
        const names = held.map((lock) => lock.name ?? "").filter((name) => name.startsWith(LOCK_PREFIX));
        return new Set(names.map((name) => name.slice(LOCK_PREFIX.length)));
      } catch {
        return new Set();
      }
    },
  };
}
