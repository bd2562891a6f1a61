/**
 * What the app shows when it starts: a share link's rule set (`#doc=…`) or a scenario link
 * (`#scenario=…`: rules, data and position), else the document saved
 * in this browser, else the default document (the five seed scenarios, which the document store
 * starts with). Every problem becomes a banner message; none of them loses the saved document.
 */
import { replaceDocument } from "../document/documentStore.ts";
import { startPersistence } from "../document/persistence.ts";
import { decodeShareFragment, SHARE_PREFIX } from "../document/shareLink.ts";
import { openScenarioLinkAtStart } from "../simulator/scenarioLink/openScenarioLink.ts";
import { showBanner } from "./bannerStore.ts";
import { showTabConflict } from "./tabConflict.ts";

/** The part of `window.location` / `window.history` bootstrapping reads and tidies. */
export interface BootLocation {
  readonly hash: string;
  /** Removes the share fragment from the address bar, keeping path and query. */
  readonly clearHash: () => void;
}

/**
 * Loads the starting document into the document store and starts saving every change.
 * Persistence starts first even when a share link is opened, so the saved document is restored
 * into the undo history: the shared one is applied on top of it as one undoable change.
 */
export async function bootstrapDocument(location: BootLocation): Promise<void> {
  let restored = false;
  try {
    const persisted = await startPersistence({
      onSaveError: (message) => {
        showBanner("error", message);
      },
      onConflict: showTabConflict,
    });
    restored = persisted.restored;
    // Restored with remarks is a warning; a save that could not be read at all is an error.
    if (persisted.problem !== null) showBanner(restored ? "warning" : "error", persisted.problem);
  } catch (error) {
    showBanner(
      "error",
      `This browser does not let CEP Studio save your work (${describe(error)}). Changes are lost when the tab closes; export your rules to keep them.`,
    );
  }
  if (location.hash.startsWith(SHARE_PREFIX)) openShareFragment(location, restored);
  // A scenario link (`#scenario=…`) also restores data and position, once the simulator runs.
  else openScenarioLinkAtStart(location, showBanner);
}

/**
 * Opens a share or scenario link pasted into the address bar of the running app. The browser
 * only changes the fragment then, without a reload: unheard, the link would do nothing now and
 * apply itself over the edits made meanwhile at the next reload.
 */
export function openLinkInRunningApp(location: BootLocation): void {
  if (location.hash.startsWith(SHARE_PREFIX)) openShareFragment(location, true);
  else openScenarioLinkAtStart(location, showBanner);
}

function openShareFragment(location: BootLocation, restored: boolean): void {
  const shared = decodeShareFragment(location.hash);
  // The link has done its job; left in the address bar a reload would apply it over later edits.
  location.clearHash();
  if (!shared.ok) {
    showBanner(
      "error",
      `The share link could not be opened: ${shared.error}.${restored ? " Your document is unchanged." : ""}`,
    );
    return;
  }
  replaceDocument(shared.doc, { history: "record" });
  const opened = restored
    ? "Opened the rule set from the link. Undo brings back the document you had before."
    : "Opened the rule set from the link.";
  if (shared.warnings.length === 0) showBanner("info", opened);
  else showBanner("warning", `${opened}\n${shared.warnings.join("\n")}`);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
