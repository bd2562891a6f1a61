/**
 * Page object for user text that does not read as it is (src/ui/text/VisibleText.tsx): the
 * markers displays show in place of bidi controls, invisible characters and space or dash
 * look-alikes (`⟨U+202E⟩`, `⟨U+00A0⟩`, each with `data-hidden-char` and a tooltip naming the
 * character), on stage cards, in the inspector's Validation and its one-click fixes, and in the
 * simulator's tables.
 */
import type { Locator, Page } from "@playwright/test";

export class HiddenTextPage {
  constructor(readonly page: Page) {}

  /** The markers inside `scope`, or only those of the character `code` (`U+202E`). */
  markers(scope: Locator, code?: string): Locator {
    return scope.locator(code === undefined ? "[data-hidden-char]" : `[data-hidden-char="${code}"]`);
  }

  /** The name shown on the card of the stage keyed `stageKey` (its raw name at top level). */
  stageName(stageKey: string): Locator {
    return this.page.getByTestId(`designer.node.${stageKey}`).locator(".designer-stage__name");
  }

  /** The validation badge of that stage's card. */
  stageBadge(stageKey: string): Locator {
    return this.page.getByTestId(`designer.node.${stageKey}.diagnostics`);
  }

  /** The inspector's Validation entries of the selected stage. */
  get stageDiagnostics(): Locator {
    return this.page.getByTestId("inspector.stage.diagnostics");
  }

  /** The one-click fix of the selected stage's first finding. */
  get stageFirstFix(): Locator {
    return this.page.getByTestId("inspector.stage.fix.0.0");
  }

  /** The inspector's Validation entries of the whole pattern (the pattern selected). */
  get patternDiagnostics(): Locator {
    return this.page.getByTestId("inspector.pattern.diagnostics");
  }

  /** The one-click fix of the pattern's first finding (a rule id's comes first). */
  get patternFirstFix(): Locator {
    return this.page.getByTestId("inspector.pattern.fix.0.0");
  }

  /** The Key cell of a Stream table row (the columns are #, Line, Key, …). */
  streamKeyCell(row: Locator): Locator {
    return row.getByRole("cell").nth(2);
  }

  /** Every text node under `scope` joined: what the DOM holds, markers included, nothing else. */
  async textOf(scope: Locator): Promise<string> {
    return (await scope.textContent()) ?? "";
  }
}
