/**
 * The designer end to end: each seed scenario built by clicking from a new rule and exported
 * exactly as the seed file; undo/redo step by step; the document surviving a reload; a share link
 * opening the same document elsewhere; and nothing ever leaving the page.
 */
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import type { Page } from "@playwright/test";
import { AppPage } from "./pages/appPage.ts";
import { DesignerPage } from "./pages/designerPage.ts";
import { InspectorPage } from "./pages/inspectorPage.ts";

const CONDITION_PACKAGE = "com.alibaba.ververica.cep.demo.condition";
const FIRST_VIEW = `${CONDITION_PACKAGE}.FirstViewCondition`;
const CART_ADD = `${CONDITION_PACKAGE}.CartAddCondition`;
const PURCHASE = `${CONDITION_PACKAGE}.PurchaseCondition`;
const CART = `${CONDITION_PACKAGE}.CartCondition`;
const INITIAL = `${CONDITION_PACKAGE}.InitialCondition`;

function seedRule(n: number): unknown {
  return JSON.parse(
    readFileSync(new URL(`../src/scenarios/seed/scenario${n}.rule.json`, import.meta.url), "utf8"),
  );
}

/** The canvas gestures these flows need, on top of D2's page object. */
class Canvas {
  readonly designer: DesignerPage;

  constructor(readonly page: Page) {
    this.designer = new DesignerPage(page);
  }

  /** Fits the whole rule into the canvas (React Flow's "fit view" control), as a user would before clicking. */
  async fitView(): Promise<void> {
    await this.designer.canvas.getByRole("button", { name: "Fit View", exact: true }).click();
  }

  async selectStage(name: string): Promise<void> {
    await this.fitView();
    await this.designer.clickNode(name);
    await expect(this.page.getByTestId("inspector.stage.name")).toHaveValue(name);
  }

  async selectEdge(source: string, target: string): Promise<void> {
    await this.fitView();
    await this.designer.edge(source, target).click();
    await expect(this.page.getByTestId("inspector.edge.type")).toBeVisible();
  }

  async selectPattern(): Promise<void> {
    await this.designer.pattern.click();
    await expect(this.page.getByTestId("inspector.pattern.ruleId")).toBeVisible();
  }

  /** Adds a plain stage after the selected one; the new stage becomes the selection. */
  async addStage(): Promise<void> {
    await this.designer.paletteItem("stage").click();
  }
}

let app: AppPage;
let inspector: InspectorPage;
let canvas: Canvas;

test.beforeEach(async ({ page }) => {
  app = new AppPage(page);
  inspector = new InspectorPage(page);
  canvas = new Canvas(page);
  await app.open();
});

test.afterEach(() => {
  app.expectCleanRun();
});

/** Starts a new rule (one stage, `start`), as the rule set's "New rule" does. */
async function newRule(): Promise<void> {
  await app.runCommand("addRule");
  await expect(app.page.getByTestId("designer.node.start")).toBeVisible();
}

/** Names the selected stage and gives it a CLASS condition. */
async function defineStage(name: string, className: string): Promise<void> {
  await inspector.renameStage(name);
  await inspector.setClassCondition(className);
}

/** Adds a stage after the selected one, then names it and sets its class. */
async function appendStage(name: string, className: string): Promise<void> {
  await canvas.addStage();
  await defineStage(name, className);
}

async function finishPattern(size: number, unit: "MINUTES" | "DAYS"): Promise<void> {
  await canvas.selectPattern();
  await inspector.setWindow(size, unit);
  await inspector.setRuleId("1");
}

const builds: Record<number, () => Promise<void>> = {
  1: async () => {
    await canvas.selectStage("start");
    await defineStage("first_view", FIRST_VIEW);
    await appendStage("second_view", FIRST_VIEW);
    await canvas.selectEdge("first_view", "second_view");
    await inspector.setEdgeType("STRICT");
    await finishPattern(5, "MINUTES");
  },
  2: async () => {
    await canvas.selectStage("start");
    await defineStage("cart_add", CART_ADD);
    await appendStage("purchase", PURCHASE);
    await finishPattern(30, "MINUTES");
  },
  3: async () => {
    await canvas.selectStage("start");
    await defineStage("initial_view", FIRST_VIEW);
    await appendStage("repeat_view", FIRST_VIEW);
    await inspector.setQuantifier("times");
    await inspector.setTimes(3);
    await finishPattern(15, "MINUTES");
  },
  4: async () => {
    await canvas.selectStage("start");
    await defineStage("initial_view", FIRST_VIEW);
    await appendStage("view_price_drop", INITIAL);
    await appendStage("cart_after_price_drop", CART);
    await canvas.selectEdge("initial_view", "view_price_drop");
    await inspector.setEdgeType("STRICT");
    await canvas.selectEdge("view_price_drop", "cart_after_price_drop");
    await inspector.setEdgeType("STRICT");
    await finishPattern(10, "MINUTES");
  },
  5: async () => {
    await canvas.selectStage("start");
    await defineStage("first_view", FIRST_VIEW);
    await inspector.setQuantifier("timesOrMore");
    await inspector.setTimes(10);
    await appendStage("purchase", PURCHASE);
    await canvas.selectEdge("first_view", "purchase");
    await inspector.setEdgeType("NOT_NEXT");
    await finishPattern(7, "DAYS");
  },
};

test.describe("seed scenarios built by clicking", () => {
  for (const n of [1, 2, 3, 4, 5]) {
    test(`scenario ${n} exports exactly the seed rule`, async () => {
      await newRule();
      await builds[n]?.();
      expect(await app.exportActiveRule()).toEqual(seedRule(n));
    });
  }
});

test("undo and redo walk through every edit, one step each", async () => {
  await newRule();
  await canvas.selectStage("start");
  const states: unknown[] = [await app.exportActiveRule()];
  // Each entry is one user gesture, so one undo step.
  const edits: (() => Promise<void>)[] = [
    () => inspector.renameStage("first_view"),
    () => inspector.choose("inspector.stage.condition.kind", "class"),
    () => inspector.typeText("inspector.stage.condition.className", FIRST_VIEW),
    () => canvas.addStage(),
    () => inspector.renameStage("second_view"),
    () => inspector.setQuantifier("times"),
    () => inspector.setTimes(3),
    async () => {
      await canvas.selectPattern();
      await inspector.setChecked("inspector.pattern.window", true);
    },
    () => inspector.typeText("inspector.pattern.windowSize", "15"),
  ];
  for (const edit of edits) {
    await edit();
    const state = await app.exportActiveRule();
    expect(state, "every gesture changes the rule").not.toEqual(states.at(-1));
    states.push(state);
  }

  for (let i = states.length - 2; i >= 0; i--) {
    await app.undoButton.click();
    await expect.poll(() => app.exportActiveRule()).toEqual(states[i]);
  }
  // One more undo takes back the new rule itself; the keyboard redoes it (focus outside any field).
  await app.undoButton.click();
  await expect.poll(() => app.exportActiveRule()).not.toEqual(states[0]);
  await app.page.keyboard.press("ControlOrMeta+Shift+Z");
  await expect.poll(() => app.exportActiveRule()).toEqual(states[0]);
  for (let i = 1; i < states.length; i++) {
    await app.redoButton.click();
    await expect.poll(() => app.exportActiveRule()).toEqual(states[i]);
  }
  await expect(app.redoButton).toBeDisabled();
});

test("typing in a field is one undo step, and a times range never goes from > to", async () => {
  await newRule();
  await canvas.selectStage("start");
  await inspector.setExpressionCondition("eventType == 'view'");
  await inspector.setQuantifier("timesRange");
  await inspector.setTimesRange(2, 4);
  const before = await app.exportActiveRule();

  await inspector.field("inspector.stage.timesFrom").fill("5");
  await expect(inspector.field("inspector.stage.times.error")).toHaveText(
    "From (5) must not be greater than to (4).",
  );
  expect(await app.exportActiveRule()).toEqual(before);
  await inspector.field("inspector.stage.timesTo").fill("6");
  await expect(inspector.field("inspector.stage.times.error")).toHaveCount(0);
  await inspector.field("inspector.stage.timesTo").blur();
  const after = (await app.exportActiveRule()) as {
    pattern: { nodes: { quantifier: { times: unknown } }[] };
  };
  expect(after.pattern.nodes[0]?.quantifier.times).toEqual({ from: 5, to: 6, windowTime: null });

  await app.undoButton.click();
  await expect.poll(() => app.exportActiveRule()).toEqual(before);
});

test("validation shows Flink's verdict with its JSON path and a one-click fix", async ({ page }) => {
  await newRule();
  await canvas.selectStage("start");
  await canvas.designer.paletteItem("absence").click();
  await canvas.selectPattern();
  const problem = inspector.root
    .getByRole("listitem")
    .filter({ hasText: "NotFollowedBy is not supported without windowTime" });
  await expect(problem).toBeVisible();
  await app.screenshot("validation");
  await problem.getByRole("button", { name: "Add a 10-minute window" }).click();
  await expect(problem).toHaveCount(0);
  await expect(inspector.field("inspector.pattern.window")).toBeChecked();
  await expect(inspector.field("inspector.pattern.windowSize")).toHaveValue("10");
  // The fix is one undo step like any other edit, and the keyboard undoes it too.
  await page.keyboard.press("ControlOrMeta+Z");
  await expect(problem).toBeVisible();
});

test("a broken share link says so and keeps the document", async ({ page }) => {
  const before = await app.document();
  // A real page load (a hash change alone would not start the app again).
  await page.goto("about:blank");
  await app.open("/#doc=not-a-share-link");
  await expect(app.banner).toContainText("The share link could not be opened");
  expect(await app.document()).toEqual(before);
  expect(page.url()).not.toContain("#doc=");
  await page.getByTestId("app.banner.dismiss").click();
  await expect(app.banner).toHaveCount(0);
});

test("a reload restores the document exactly", async ({ page }) => {
  await newRule();
  await canvas.selectStage("start");
  await defineStage("kept_first", FIRST_VIEW);
  await appendStage("kept_middle", CART);
  await canvas.addStage();
  await inspector.renameStage("kept_last");
  const saved = await app.document();
  // Persistence writes a quarter of a second after the last change; wait until it has.
  await expect.poll(() => app.savedDocumentText()).toContain('"kept_last"');
  await page.reload();
  await expect(inspector.root).toBeVisible();
  expect(await app.document()).toEqual(saved);
});

test("a share link opens the same document in a new page", async ({ page, context }) => {
  await newRule();
  await canvas.selectStage("start");
  await defineStage("cart_add", CART_ADD);
  await appendStage("purchase", PURCHASE);
  const shared = await app.document();

  await page.getByTestId("share.button").click();
  const url = await page.getByTestId("share.url").inputValue();
  expect(url).toMatch(/#doc=/);

  const other = await context.newPage();
  const otherApp = new AppPage(other);
  await otherApp.open(url.replace(/^https?:\/\/[^/]+/, ""));
  expect(await otherApp.document()).toEqual(shared);
  expect(other.url()).not.toContain("#doc=");
  otherApp.expectCleanRun();
});

test.describe("screens", () => {
  for (const [width, height] of [
    [1280, 720],
    [1920, 1080],
  ] as const) {
    test(`every screen at ${width}×${height}`, async ({ page }) => {
      await page.setViewportSize({ width, height });
      await app.screenshot(`${width}-pattern`);
      await canvas.selectStage("first_view");
      await app.screenshot(`${width}-stage`);
      await canvas.selectEdge("first_view", "second_view");
      await app.screenshot(`${width}-edge`);
      await canvas.designer.clickNode("second_view", { shift: true });
      await canvas.designer.clickNode("first_view", { shift: true });
      await app.screenshot(`${width}-selection`);
      const tabs = page.getByTestId("app.right").getByRole("tab");
      for (const tab of await tabs.all()) {
        await tab.click();
        await app.screenshot(`${width}-tab-${(await tab.textContent()) ?? ""}`);
      }
      await page.getByTestId("app.toggleDock").click();
      await app.screenshot(`${width}-dock-hidden`);
    });
  }
});
