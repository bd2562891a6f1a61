/**
 * Defects a demanding user found in the designer, each pinned by the gesture that showed it:
 * stage names that are also Object.prototype's members, an empty rule array, an unapplied source
 * edit after an undo, a share link pasted into the running app, a 1024 × 700 window, the
 * keyboard losing its place when the focused stage is deleted and a change lost by reloading
 * before the debounced save ran.
 */
import { expect, test } from "./pages/fixtures.ts";
import { AppPage } from "./pages/appPage.ts";
import { InspectorPage } from "./pages/inspectorPage.ts";

/** The browser's DataTransfer, declared here because e2e code compiles without the DOM library. */
declare const DataTransfer: new () => { readonly items: { add(file: File): unknown } };

const FIRST_VIEW = "com.alibaba.ververica.cep.demo.condition.FirstViewCondition";

/** A rule chaining stages `names` with next(), as the reference writer lays it out. */
function chainRuleJson(names: readonly string[]): unknown {
  const quantifier = {
    consumingStrategy: "SKIP_TILL_NEXT",
    properties: ["SINGLE"],
    times: null,
    untilCondition: null,
  };
  const nodes = names.map((name) => ({
    name,
    quantifier,
    condition: { className: FIRST_VIEW, type: "CLASS" },
    type: "ATOMIC",
  }));
  const edges = names.slice(1).map((target, i) => ({ source: names[i], target, type: "STRICT" }));
  return {
    id: "1",
    version: 1,
    pattern: {
      name: names.at(-1),
      quantifier,
      condition: null,
      nodes: nodes.reverse(),
      edges: edges.reverse(),
      window: null,
      afterMatchStrategy: { type: "NO_SKIP", patternName: null },
      type: "COMPOSITE",
      version: 1,
    },
    function: null,
  };
}

test.beforeEach(async ({ app }) => {
  await app.open();
});

test("stages named __proto__, constructor and toString are drawn apart and kept across a reload", async ({
  page,
  app,
}) => {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  const names = ["__proto__", "constructor", "toString"];
  await app.loadRuleSet(chainRuleJson(names));
  // Left edges on screen, in chain order: laid out left to right, none on top of another.
  const lefts = async () => {
    const out: number[] = [];
    for (const name of names)
      out.push((await page.getByTestId(`designer.node.${name}`).boundingBox())?.x ?? NaN);
    return out;
  };
  await expect
    .poll(async () => {
      const [a = NaN, b = NaN, c = NaN] = await lefts();
      return a < b && b < c;
    })
    .toBe(true);
  expect(errors, "no NaN coordinates reach the SVG").toEqual([]);
  await expect.poll(() => app.savedDocumentText()).toContain('"__proto__"');
  await page.reload();
  await expect(page.getByTestId("designer.node.__proto__")).toBeVisible();
  expect(await app.exportActiveRule()).toEqual(chainRuleJson(names));
  app.expectCleanRun();
});

test("an empty rule array is refused where it starts, and the rule set stays", async ({ page, app, io }) => {
  const before = await app.document();
  await io.openImport();
  await io.paste("\n  []");
  await expect(io.errors).toHaveText(/pasted text:2:3: the array holds no rules: nothing to import/);
  await expect(page.getByTestId("import.review")).toHaveCount(0);
  expect(await app.document()).toEqual(before);
});

test("an unapplied source edit stops warning of other changes once undo brings its rule back", async ({
  page,
  app,
  editors,
}) => {
  await app.showRightTab("source");
  await editors.expectSourceReady();
  await editors.deleteLastCharacterOfLine(1);
  await expect(editors.sourceBanner).toContainText("The canvas shows the last valid version");
  await page.getByTestId("designer.node.first_view").click({ position: { x: 60, y: 12 } });
  await page.keyboard.press("Delete");
  await expect(editors.sourceBanner).toContainText("also changed elsewhere");
  await app.undoButton.click();
  await expect(page.getByTestId("designer.node.first_view")).toBeVisible();
  await expect(editors.sourceBanner).toContainText("The canvas shows the last valid version");
  await expect(editors.sourceBanner).not.toContainText("also changed elsewhere");
});

test("a share link pasted into the address bar of the running app opens at once", async ({
  page,
  app,
  io,
}) => {
  await io.openTemplates();
  await io.useTemplate("shape-abandoned-cart", "replace");
  await page.getByTestId("share.button").click();
  const url = await page.getByTestId("share.url").inputValue();
  await page.keyboard.press("Escape");
  await app.undoButton.click();
  await expect(io.ruleRows).toHaveCount(5);
  // Only the fragment changes: the browser does not load the page again. (A string expression:
  // e2e code compiles without the DOM library's Location.)
  await page.evaluate(`location.hash = ${JSON.stringify(url.slice(url.indexOf("#")))}`);
  await expect(io.ruleRows).toHaveCount(1);
  await expect(app.banner).toContainText("Opened the rule set from the link");
  expect(page.url()).not.toContain("#doc=");
  await app.undoButton.click();
  await expect(io.ruleRows).toHaveCount(5);
});

test("a 1024 × 700 window shows every header button and right-panel tab", async ({ page, app }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  for (const id of ["app.toggleDock", "share.button", "app.right.tab.source", "app.right.tab.export"]) {
    const box = await page.getByTestId(id).boundingBox();
    expect(box && box.x + box.width, id).toBeLessThanOrEqual(1024);
  }
  await app.showRightTab("export");
  await expect(page.getByTestId("export.json")).toBeInViewport();
  await app.screenshot("audit-1024x700");
});

test("deleting the focused stage with the keyboard keeps focus on the canvas", async ({ page, designer }) => {
  await designer.focusNode("first_view");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Delete");
  await expect(designer.node("first_view")).toHaveCount(0);
  await expect(designer.canvas).toBeFocused();
  // The next Tab stays in the canvas, on the remaining stage, instead of restarting at the header.
  await page.keyboard.press("Tab");
  await expect(designer.canvas.locator(":focus")).toHaveCount(1);
  await page.keyboard.press("Control+z");
  await expect(designer.node("first_view")).toBeVisible();
});

test("a data file dropped on the simulator's drop area loads there and opens no rule import", async ({
  page,
  io,
}) => {
  await page.getByTestId("sim.tab.data").click();
  const area = '[data-testid="sim.drop"]';
  const transfer = await page.evaluateHandle(() => {
    const data = new DataTransfer();
    data.items.add(
      new File(["userId,eventType,eventTime\n1,view,1000\n"], "clicks.csv", { type: "text/csv" }),
    );
    return data;
  });
  await page.dispatchEvent(area, "dragenter", { dataTransfer: transfer });
  await page.dispatchEvent(area, "dragover", { dataTransfer: transfer });
  await page.dispatchEvent(area, "drop", { dataTransfer: transfer });
  await expect(page.getByTestId("import.dropOverlay")).toHaveCount(0);
  await expect(page.getByTestId("sim.drop").locator("xpath=..")).toContainText("clicks.csv");
  await expect(io.dialog).toBeHidden();
});

test("a change survives a reload made at once or 100 ms later, before the debounced save", async ({
  page,
  app,
  inspector,
}) => {
  for (const delay of [0, 100]) {
    const id = `kept-after-${delay}-ms`;
    await inspector.setRuleId(id);
    // Shorter than the save's quiet time: only the copy written while the page unloads has it.
    if (delay > 0) await page.waitForTimeout(delay);
    await page.reload();
    await expect(inspector.field("inspector.pattern.ruleId")).toHaveValue(id);
    // Start-up wrote the copy to IndexedDB and dropped it.
    await expect.poll(() => app.savedDocumentText()).toContain(`"${id}"`);
    expect(await app.unsavedCopyText()).toBeNull();
  }
  app.expectCleanRun();
});

test("a change reloaded at once after another tab saved still asks which version wins", async ({
  page,
  app,
  inspector,
}) => {
  const other = new AppPage(await page.context().newPage());
  await other.open();
  await new InspectorPage(other.page).setRuleId("from-the-other-tab");
  await expect(app.banner).toContainText("changed in another tab");
  // This tab's change is never saved while it is in conflict: only the unload copy holds it.
  await inspector.setRuleId("from-this-tab");
  await page.reload();
  await expect(inspector.field("inspector.pattern.ruleId")).toHaveValue("from-this-tab");
  await expect(app.banner).toContainText("changed in another tab");
  expect(await app.savedDocumentText()).toContain('"from-the-other-tab"');
  await page.getByTestId("app.banner.action.Reload it").click();
  await expect(inspector.field("inspector.pattern.ruleId")).toHaveValue("from-the-other-tab");
  expect(await app.unsavedCopyText()).toBeNull();
  await other.page.close();
});
