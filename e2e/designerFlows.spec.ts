/**
 * The designer end to end: each seed scenario built by clicking from a new rule and exported
 * exactly as the seed file; undo/redo step by step; the document surviving a reload; a share link
 * opening the same document elsewhere; and nothing ever leaving the page.
 */
import { readFileSync } from "node:fs";
import { expect, test } from "./pages/fixtures.ts";
import { AppPage } from "./pages/appPage.ts";
import type { DesignerPage } from "./pages/designerPage.ts";
import type { InspectorPage } from "./pages/inspectorPage.ts";

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

/** The page objects a flow edits with. */
interface Editing {
  readonly designer: DesignerPage;
  readonly inspector: InspectorPage;
}

test.beforeEach(async ({ app }) => {
  await app.open();
});

test.afterEach(({ app }) => {
  app.expectCleanRun();
});

/** Starts a new rule (one stage, `start`), as the rule set's "New rule" does. */
async function newRule(app: AppPage, designer: DesignerPage): Promise<void> {
  await app.runCommand("addRule");
  await expect(designer.node("start")).toBeVisible();
}

/** Names the selected stage and gives it a CLASS condition. */
async function defineStage({ inspector }: Editing, name: string, className: string): Promise<void> {
  await inspector.renameStage(name);
  await inspector.setClassCondition(className);
}

/** Adds a stage after the selected one, then names it and sets its class. */
async function appendStage(editing: Editing, name: string, className: string): Promise<void> {
  await editing.designer.addStage();
  await defineStage(editing, name, className);
}

async function finishPattern(
  { designer, inspector }: Editing,
  size: number,
  unit: "MINUTES" | "DAYS",
): Promise<void> {
  await designer.selectPattern();
  await inspector.setWindow(size, unit);
  await inspector.setRuleId("1");
}

const builds: Record<number, (editing: Editing) => Promise<void>> = {
  1: async (e) => {
    await e.designer.selectStage("start");
    await defineStage(e, "first_view", FIRST_VIEW);
    await appendStage(e, "second_view", FIRST_VIEW);
    await e.designer.selectEdge("first_view", "second_view");
    await e.inspector.setEdgeType("STRICT");
    await finishPattern(e, 5, "MINUTES");
  },
  2: async (e) => {
    await e.designer.selectStage("start");
    await defineStage(e, "cart_add", CART_ADD);
    await appendStage(e, "purchase", PURCHASE);
    await finishPattern(e, 30, "MINUTES");
  },
  3: async (e) => {
    await e.designer.selectStage("start");
    await defineStage(e, "initial_view", FIRST_VIEW);
    await appendStage(e, "repeat_view", FIRST_VIEW);
    await e.inspector.setQuantifier("times");
    await e.inspector.setTimes(3);
    await finishPattern(e, 15, "MINUTES");
  },
  4: async (e) => {
    await e.designer.selectStage("start");
    await defineStage(e, "initial_view", FIRST_VIEW);
    await appendStage(e, "view_price_drop", INITIAL);
    await appendStage(e, "cart_after_price_drop", CART);
    await e.designer.selectEdge("initial_view", "view_price_drop");
    await e.inspector.setEdgeType("STRICT");
    await e.designer.selectEdge("view_price_drop", "cart_after_price_drop");
    await e.inspector.setEdgeType("STRICT");
    await finishPattern(e, 10, "MINUTES");
  },
  5: async (e) => {
    await e.designer.selectStage("start");
    await defineStage(e, "first_view", FIRST_VIEW);
    await e.inspector.setQuantifier("timesOrMore");
    await e.inspector.setTimes(10);
    await appendStage(e, "purchase", PURCHASE);
    await e.designer.selectEdge("first_view", "purchase");
    await e.inspector.setEdgeType("NOT_NEXT");
    await finishPattern(e, 7, "DAYS");
  },
};

test.describe("seed scenarios built by clicking", () => {
  for (const n of [1, 2, 3, 4, 5]) {
    test(`scenario ${n} exports exactly the seed rule`, async ({ app, designer, inspector }) => {
      await newRule(app, designer);
      await builds[n]?.({ designer, inspector });
      expect(await app.exportActiveRule()).toEqual(seedRule(n));
    });
  }
});

test("undo and redo walk through every edit, one step each", async ({ app, designer, inspector }) => {
  await newRule(app, designer);
  await designer.selectStage("start");
  const states: unknown[] = [await app.exportActiveRule()];
  // Each entry is one user gesture, so one undo step.
  const edits: (() => Promise<void>)[] = [
    () => inspector.renameStage("first_view"),
    () => inspector.choose("inspector.stage.condition.kind", "class"),
    () => inspector.typeText("inspector.stage.condition.className", FIRST_VIEW),
    () => designer.addStage(),
    () => inspector.renameStage("second_view"),
    () => inspector.setQuantifier("times"),
    () => inspector.setTimes(3),
    async () => {
      await designer.selectPattern();
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

test("typing in a field is one undo step, and a times range never goes from > to", async ({
  app,
  designer,
  inspector,
}) => {
  await newRule(app, designer);
  await designer.selectStage("start");
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

test("validation shows Flink's verdict with its JSON path and a one-click fix", async ({
  page,
  app,
  designer,
  inspector,
}) => {
  await newRule(app, designer);
  await designer.selectStage("start");
  await designer.paletteItem("absence").click();
  await designer.selectPattern();
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

test("a broken share link says so and keeps the document", async ({ page, app }) => {
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

test("a reload restores the document exactly", async ({ page, app, designer, inspector }) => {
  await newRule(app, designer);
  await designer.selectStage("start");
  await defineStage({ designer, inspector }, "kept_first", FIRST_VIEW);
  await appendStage({ designer, inspector }, "kept_middle", CART);
  await designer.addStage();
  await inspector.renameStage("kept_last");
  const saved = await app.document();
  // Persistence writes a quarter of a second after the last change; wait until it has.
  await expect.poll(() => app.savedDocumentText()).toContain('"kept_last"');
  await page.reload();
  await expect(inspector.root).toBeVisible();
  expect(await app.document()).toEqual(saved);
});

test("a share link opens the same document in a new page", async ({
  page,
  context,
  app,
  designer,
  inspector,
}) => {
  await newRule(app, designer);
  await designer.selectStage("start");
  await defineStage({ designer, inspector }, "cart_add", CART_ADD);
  await appendStage({ designer, inspector }, "purchase", PURCHASE);
  const shared = await app.document();

  await page.getByTestId("share.button").click();
  const url = await page.getByTestId("share.url").inputValue();
  expect(url).toMatch(/#doc=/);

  const otherApp = new AppPage(await context.newPage());
  await otherApp.open(url.replace(/^https?:\/\/[^/]+/, ""));
  expect(await otherApp.document()).toEqual(shared);
  expect(otherApp.page.url()).not.toContain("#doc=");
  otherApp.expectCleanRun();
});

test.describe("screens", () => {
  for (const [width, height] of [
    [1280, 720],
    [1920, 1080],
  ] as const) {
    test(`every screen at ${width}×${height}`, async ({ page, app, designer }) => {
      await page.setViewportSize({ width, height });
      await app.screenshot(`${width}-pattern`);
      await designer.selectStage("first_view");
      await app.screenshot(`${width}-stage`);
      await designer.selectEdge("first_view", "second_view");
      await app.screenshot(`${width}-edge`);
      await designer.clickNode("second_view", { shift: true });
      await designer.clickNode("first_view", { shift: true });
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
