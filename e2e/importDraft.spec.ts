/**
 * Text in the import dialog is the user's work: closed without importing (Escape, ×), the dialog
 * keeps it as a draft the Import button reopens with, saying so; Clear empties it, a successful
 * import drops it, and a dropped file opens with that file while the draft waits. A file that
 * replaces typed text — chosen in the dialog or dropped on it — keeps that text as the draft.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "./pages/fixtures.ts";
import type { AppPage } from "./pages/appPage.ts";

const RULE = readFileSync(
  path.resolve(import.meta.dirname, "../src/scenarios/seed/scenario1.rule.json"),
  "utf8",
);
const BROKEN = '{"nodes": [';

async function ruleCount(app: AppPage): Promise<number> {
  return ((await app.document()) as { readonly rules: readonly unknown[] }).rules.length;
}

test.beforeEach(async ({ app }) => {
  await app.open();
});

test.afterEach(({ app }) => {
  app.expectCleanRun();
});

test("typed text survives Escape and ×, Clear empties it, an import drops it", async ({ app, io }) => {
  await io.openImport();
  await expect(io.draftNote).toHaveCount(0);
  await io.typeInPasteBox(BROKEN);
  await io.closeWithEscape();

  // Reopened with the draft, its errors where they are, and a line saying where it came from.
  await io.openImport();
  await expect(io.pasteBox).toHaveValue(BROKEN);
  await expect(io.draftNote).toHaveText(/Draft kept from last time/);
  await expect(io.errors).toContainText("pasted text:1:");
  await app.screenshot("import-draft-1280x720");
  await io.page.setViewportSize({ width: 1024, height: 700 });
  await app.screenshot("import-draft-1024x700");

  // The close button keeps it too, edits included.
  await io.typeInPasteBox("]}");
  await io.dialog.getByTestId("import.dialog.close").click();
  await expect(io.dialog).toBeHidden();
  await io.openImport();
  await expect(io.pasteBox).toHaveValue(`${BROKEN}]}`);

  await io.clearDraft();
  await expect(io.pasteBox).toHaveValue("");
  await expect(io.pasteBox).toBeFocused();
  await expect(io.draftNote).toHaveCount(0);
  await expect(io.errors).toHaveCount(0);
  await io.closeWithEscape();
  await io.openImport();
  await expect(io.pasteBox).toHaveValue("");
  await expect(io.draftNote).toHaveCount(0);

  // A pasted rule kept, then read and imported: the next dialog opens empty.
  const before = await ruleCount(app);
  await io.pasteIntoPasteBox(RULE);
  await io.closeWithEscape();
  await io.openImport();
  await expect(io.pasteBox).toHaveValue(RULE);
  await io.page.getByTestId("import.readPasted").click();
  await io.confirm("append");
  expect(await ruleCount(app)).toBe(before + 1);
  await io.openImport();
  await expect(io.pasteBox).toHaveValue("");
  await expect(io.draftNote).toHaveCount(0);
});

test("a dropped file opens with that file; the draft waits for the next plain open", async ({ io }) => {
  await io.openImport();
  await io.typeInPasteBox(BROKEN);
  await io.closeWithEscape();

  await io.dropFile("rules.json", RULE);
  await expect(io.page.getByTestId("import.review")).toBeVisible();
  await io.closeWithEscape();

  await io.openImport();
  await expect(io.pasteBox).toHaveValue(BROKEN);
  await expect(io.draftNote).toBeVisible();
});

test("a file chosen in the dialog keeps the typed text it replaces as the draft", async ({ app, io }) => {
  const before = await ruleCount(app);
  await io.openImport();
  await io.typeInPasteBox(BROKEN);
  await io.chooseFileWithText("rules.json", RULE);
  await io.confirm("append");
  expect(await ruleCount(app)).toBe(before + 1);

  // The file was imported; the text it replaced comes back with the next Import.
  await io.openImport();
  await expect(io.pasteBox).toHaveValue(BROKEN);
  await expect(io.draftNote).toBeVisible();

  // Edited, then replaced by a file whose errors show in the box, then closed: the edit is kept.
  await io.typeInPasteBox("]");
  await io.chooseFileWithText("broken.json", "[1,");
  await expect(io.pasteBox).toHaveValue("[1,");
  await expect(io.draftNote).toHaveCount(0);
  await expect(io.errors).toContainText("broken.json:1:");
  await io.closeWithEscape();
  await io.openImport();
  await expect(io.pasteBox).toHaveValue(`${BROKEN}]`);
  await expect(io.draftNote).toBeVisible();
});

test("a file dropped on the open dialog keeps the typed text it replaces as the draft", async ({ io }) => {
  await io.openImport();
  await io.typeInPasteBox(BROKEN);
  await io.dropFile("rules.json", RULE);
  await expect(io.page.getByTestId("import.review")).toBeVisible();
  await io.closeWithEscape();

  await io.openImport();
  await expect(io.pasteBox).toHaveValue(BROKEN);
  await expect(io.draftNote).toBeVisible();
});
