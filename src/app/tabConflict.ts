/**
 * The banner shown when another tab saved a newer version of the document: the user picks which
 * version wins; until then persistence saves nothing from this tab.
 */
import type { ConflictChoice } from "../document/persistence.ts";
import { showBanner } from "./bannerStore.ts";

/** The text of the banner shown when another tab saved a newer document. */
export const TAB_CONFLICT_TEXT =
  "This document was changed in another tab. Nothing from this tab is saved until you choose: reload the other tab's version, or keep yours (it replaces the other tab's save).";

/** Shows the choice as a banner with "Reload it" and "Keep mine". */
export function showTabConflict(choice: ConflictChoice): void {
  showBanner("warning", TAB_CONFLICT_TEXT, [
    {
      label: "Reload it",
      run: () => {
        void choice.reload().then((problem) => {
          if (problem === null) return;
          showBanner("error", problem);
          // Still unresolved: offer the choice again.
          showTabConflict(choice);
        });
      },
    },
    {
      label: "Keep mine",
      run: () => {
        void choice.keepMine();
      },
    },
  ]);
}
