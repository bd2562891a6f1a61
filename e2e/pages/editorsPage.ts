/**
 * Page object for the code editors (src/editors, src/exports): the rule's JSON source view, the
 * export preview and a condition editor, with the gestures a user makes in Monaco — find and
 * replace, deleting a character, picking export options, downloading.
 */
import { expect } from "@playwright/test";
import type { Download, Locator, Page } from "@playwright/test";

export class EditorsPage {
  constructor(readonly page: Page) {}

  // Source view

  get sourceEditor(): Locator {
    return this.page.getByTestId("source.editor");
  }

  get sourceStatus(): Locator {
    return this.page.getByTestId("source.status");
  }

  get sourceBanner(): Locator {
    return this.page.getByTestId("source.banner");
  }

  get sourceProblems(): Locator {
    return this.page.getByTestId("source.problems");
  }

  get sourceDiscard(): Locator {
    return this.page.getByTestId("source.discard");
  }

  /** Waits until Monaco holds the source text. */
  async expectSourceReady(): Promise<void> {
    await expect(this.sourceEditor).toHaveAttribute("data-ready", "true");
  }

  /** Replaces every `find` with `replace` in the source (Monaco's Ctrl+H, then Replace All). */
  async replaceAllInSource(find: string, replace: string): Promise<void> {
    await this.focusEditor(this.sourceEditor);
    await this.page.keyboard.press("Control+h");
    await this.page.keyboard.type(find);
    await this.page.keyboard.press("Tab");
    await this.page.keyboard.type(replace);
    await this.page.keyboard.press("Control+Alt+Enter");
    await this.page.keyboard.press("Escape");
  }

  /**
   * Selects all of a Monaco editor's text and types `text` over it: key by key, or in one go as a
   * paste does (`insertText`). Monaco closes brackets and quotes as they are typed, and wraps the
   * selection in the first one; what it added after the text is dropped.
   */
  async typeOver(editor: Locator, text: string, how: "type" | "insertText"): Promise<void> {
    await this.focusEditor(editor);
    await this.page.keyboard.press("ControlOrMeta+a");
    if (how === "type") await this.page.keyboard.type(text);
    else await this.page.keyboard.insertText(text);
    await this.page.keyboard.press("ControlOrMeta+Shift+End");
    await this.page.keyboard.press("Delete");
  }

  /** Clicks into a Monaco editor's text, so the keyboard types there (key by key, as a user). */
  async clickInto(editor: Locator): Promise<void> {
    await this.focusEditor(editor);
  }

  /** Deletes the last character of source line `line` (1-based). */
  async deleteLastCharacterOfLine(line: number): Promise<void> {
    await this.focusEditor(this.sourceEditor);
    await this.page.keyboard.press("Control+Home");
    for (let i = 1; i < line; i++) await this.page.keyboard.press("ArrowDown");
    await this.page.keyboard.press("End");
    await this.page.keyboard.press("Backspace");
  }

  /**
   * The text of the lines Monaco currently draws (it draws only what is in view), with its
   * non-breaking spaces read as spaces.
   */
  async visibleText(editor: Locator): Promise<string> {
    const text = await editor.locator(".view-lines").innerText();
    return text.replaceAll("\u00a0", " ");
  }

  /**
   * The text of an editor that holds one line, read back whole: Monaco wraps long JSON lines in
   * narrow panels onto further rows, each starting with the wrapping indent.
   */
  async visibleLine(editor: Locator): Promise<string> {
    return (await this.visibleText(editor)).replace(/\n */g, "");
  }

  /** Error squiggles Monaco draws in `editor`. */
  errorMarks(editor: Locator): Locator {
    return editor.locator(".squiggly-error");
  }

  // Export

  get exportJson(): Locator {
    return this.page.getByTestId("export.json");
  }

  get exportCode(): Locator {
    return this.page.getByTestId("export.code");
  }

  get exportCodeEditor(): Locator {
    return this.page.getByTestId("export.code.code");
  }

  get exportRefusal(): Locator {
    return this.page.getByTestId("export.code.refusal");
  }

  get exportCodeNotes(): Locator {
    return this.page.getByTestId("export.code.notes");
  }

  /** Waits until the Export tab's JSON pane shows the rule in Monaco. */
  async expectExportReady(): Promise<void> {
    await expect(this.exportJson.getByTestId("export.json.code")).toHaveAttribute("data-ready", "true");
  }

  /** In a narrow panel: show the SQL / Java side. */
  async showExportCode(): Promise<void> {
    await this.page.getByTestId("export.side.code").click();
    await expect(this.exportCode).toBeVisible();
  }

  async showExportJson(): Promise<void> {
    await this.page.getByTestId("export.side.json").click();
    await expect(this.exportJson).toBeVisible();
  }

  async chooseExportTarget(target: "sql" | "java"): Promise<void> {
    await this.page.getByTestId(`export.target.${target}`).click();
  }

  /** The SQL export's AFTER MATCH choice: "rule", "SKIP_PAST_LAST_EVENT", "SKIP_TO_FIRST:<stage>", … */
  async chooseAfterMatch(choice: string): Promise<void> {
    await this.page.getByTestId("export.sql.afterMatch").selectOption(choice);
  }

  /** Clicks a pane's Download button (`export.json` or `export.code`) and returns the download. */
  async download(pane: "export.json" | "export.code"): Promise<Download> {
    const download = this.page.waitForEvent("download");
    await this.page.getByTestId(`${pane}.download`).click();
    return download;
  }

  private async focusEditor(editor: Locator): Promise<void> {
    await expect(editor).toHaveAttribute("data-ready", "true");
    await editor.locator(".view-lines").click();
  }
}
