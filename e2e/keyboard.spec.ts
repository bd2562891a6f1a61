/**
 * The keyboard as a user presses it (`keyboard.press` / `type`, never `insertText` or `fill`),
 * with a stage selected on the canvas: keys typed into the app's fields stay there, the canvas's
 * own keys still work on the canvas, and no key drops the keyboard's place to the top of the page.
 * Each test pins a defect a real-keyboard audit found.
 */
import { expect, test } from "./pages/fixtures.ts";
import type { AppPage } from "./pages/appPage.ts";

/** The active rule's stage names, sorted. */
async function stageNames(app: AppPage): Promise<string[]> {
  const rule = (await app.exportActiveRule()) as { pattern: { nodes: { name: string }[] } };
  return rule.pattern.nodes.map((n) => n.name).sort();
}

/** Stage `name`'s condition expression in the active rule. */
async function expression(app: AppPage, name: string): Promise<string | undefined> {
  const rule = (await app.exportActiveRule()) as {
    pattern: { nodes: { name: string; condition: { expression?: string } }[] };
  };
  return rule.pattern.nodes.find((n) => n.name === name)?.condition.expression;
}

test("Space, Backspace, Delete and Ctrl+A typed into fields change the text, never the canvas", async ({
  app,
  designer,
  inspector,
  editors,
  page,
}) => {
  await app.open();
  await designer.selectStage("first_view");
  const fields = [
    inspector.field("inspector.stage.condition.className"),
    inspector.field("inspector.stage.name"),
  ];
  for (const field of fields) {
    await field.click();
    await page.keyboard.press("End");
    await page.keyboard.type("a b");
    for (const key of ["Space", "Backspace", "ArrowLeft", "Delete", "Control+a", "ArrowRight"]) {
      await page.keyboard.press(key);
    }
    await expect(field).toHaveValue(/a $/);
  }
  await page.keyboard.press("Escape");
  // The Source view (Monaco JSON), with the stage still selected.
  await app.showRightTab("source");
  await editors.expectSourceReady();
  await editors.clickInto(editors.sourceEditor);
  await page.keyboard.press("Control+Home");
  await page.keyboard.press("End");
  for (const key of ["Space", "Backspace", "Delete", "Control+a", "Escape", "Control+g", "Escape"]) {
    await page.keyboard.press(key);
  }
  expect(await stageNames(app)).toEqual(["first_view", "second_view"]);
  await designer.expectSelected("first_view");
  app.expectCleanRun();
});

test("Space opens a folded inspector section from the keyboard (React Flow's pan key stays on the canvas)", async ({
  app,
  designer,
  inspector,
  page,
}) => {
  await app.open();
  await designer.selectStage("first_view");
  const summary = inspector.sectionSummary("Constructor arguments");
  const details = summary.locator("xpath=..");
  await expect(details).not.toHaveAttribute("open");
  await summary.focus();
  await page.keyboard.press("Space");
  await expect(details).toHaveAttribute("open");
});

test("renaming a stage with Enter or Tab keeps the keyboard where it was", async ({
  app,
  designer,
  inspector,
  page,
}) => {
  await app.open();
  await designer.selectStage("first_view");
  const name = inspector.field("inspector.stage.name");
  await name.click();
  await page.keyboard.press("End");
  await page.keyboard.type("_x");
  await page.keyboard.press("Enter");
  await expect(designer.node("first_view_x")).toBeVisible();
  await expect(name).toBeFocused();
  await page.keyboard.type("y");
  await page.keyboard.press("Tab");
  await expect(designer.node("first_view_xy")).toBeVisible();
  await expect(inspector.field("inspector.stage.condition.kind")).toBeFocused();
});

test("Ctrl+Z in a condition editor after the app's Undo does not bring the undone text back", async ({
  app,
  designer,
  inspector,
  editors,
  page,
}) => {
  await app.open();
  await designer.selectStage("first_view");
  await inspector.choose("inspector.stage.condition.kind", "aviator");
  const editor = inspector.field("inspector.stage.condition.expression");
  await editors.clickInto(editor);
  await page.keyboard.type("price > 1");
  await page.keyboard.press("Tab");
  await expect.poll(() => expression(app, "first_view")).toBe("price > 1");

  // The app's Undo, from the canvas, takes the typing back …
  await designer.focusNode("first_view");
  await page.keyboard.press("Control+z");
  await expect.poll(() => expression(app, "first_view")).toBe("");
  // … and Ctrl+Z in the editor has no typing of its own to undo: the text stays, Redo stays.
  await editors.clickInto(editor);
  await page.keyboard.press("Control+z");
  await page.keyboard.press("Control+z");
  await expect(app.redoButton).toBeEnabled();
  expect(await expression(app, "first_view")).toBe("");
  await app.redoButton.click();
  await expect.poll(() => expression(app, "first_view")).toBe("price > 1");
  await expect.poll(() => editors.visibleLine(editor)).toBe("price > 1");
});

test("the canvas's own keys: Escape keeps focus on the canvas, Delete and Ctrl+Z, Space-drag pans", async ({
  app,
  designer,
  page,
}) => {
  await app.open();
  await designer.focusNode("first_view");
  await page.keyboard.press("Enter");
  await designer.expectSelected("first_view");
  // React Flow blurs the stage on Escape; the keyboard stays on the canvas, not the page.
  await page.keyboard.press("Escape");
  await designer.expectSelected("first_view", false);
  await expect(designer.canvas).toBeFocused();

  await designer.clickNode("first_view");
  await page.keyboard.press("Delete");
  await expect(designer.node("first_view")).toHaveCount(0);
  await page.keyboard.press("Control+z");
  await expect(designer.node("first_view")).toBeVisible();

  const before = await designer.viewport();
  await designer.dragPane(80, -40, { space: true });
  expect(await designer.viewport()).not.toBe(before);
});

test("keys in the simulator dock leave the canvas selection alone; Escape closes Settings back to its button", async ({
  app,
  designer,
  demo,
  page,
}) => {
  await designer.selectStage("first_view");
  await demo.openTab("stream");
  await demo.tableBody("stream").focus();
  for (const key of ["Delete", "Backspace", "Control+a", "Escape", "Control+d"]) {
    await page.keyboard.press(key);
  }
  expect(await stageNames(app)).toEqual(["first_view", "second_view"]);
  await designer.expectSelected("first_view");
  await designer.expectSelected("second_view", false);

  await demo.openSettings();
  await demo.control("finalWatermark").focus();
  await page.keyboard.press("Escape");
  await expect(demo.control("parallelism")).toBeHidden();
  await expect(demo.control("settings")).toBeFocused();
  await designer.expectSelected("first_view");

  // The document's history still answers the keyboard there.
  await designer.clickNode("first_view");
  await page.keyboard.press("Delete");
  await demo.tableBody("stream").focus();
  await page.keyboard.press("Control+z");
  await expect(designer.node("first_view")).toBeVisible();
});

test("Ctrl+C copies text selected outside the canvas; on the canvas it copies stages", async ({
  app,
  designer,
  inspector,
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await app.open();
  await designer.selectStage("first_view");
  await inspector.sectionSummary("Constructor arguments").selectText();
  await page.keyboard.press("Control+c");
  // A string expression: e2e code compiles without the DOM library's Clipboard.
  expect(await page.evaluate<string>("navigator.clipboard.readText()")).toBe("Constructor arguments");
  expect(await stageNames(app)).toEqual(["first_view", "second_view"]);

  // The old text selection stays in place when a stage is clicked; there the keys copy stages.
  await designer.clickNode("first_view");
  await page.keyboard.press("Control+c");
  await page.keyboard.press("Control+v");
  await expect.poll(() => stageNames(app)).toEqual(["first_view", "first_view_2", "second_view"]);
});
