/**
 * The pattern canvas against the built app: drawing a seed rule, adding from the palette,
 * connecting by dragging a handle, deleting, multi-select with copy/paste, one undo step per
 * drag, automatic layout and the minimap — with nothing leaving the page.
 */
import { readFileSync } from "node:fs";
import { expect, test } from "./pages/fixtures.ts";
import type { AppPage } from "./pages/appPage.ts";

interface Position {
  readonly x: number;
  readonly y: number;
}

interface DocumentView {
  readonly activeRuleKey: string | null;
  readonly rules: readonly {
    readonly key: string;
    readonly positions: Readonly<Record<string, Position>>;
    readonly rule: { readonly pattern: { readonly nodes: readonly { readonly name: string }[] } };
  }[];
}

interface ExportedRule {
  readonly pattern: { readonly edges: readonly { source: string; target: string; type: string }[] };
}

function seedRule(n: number): unknown {
  return JSON.parse(
    readFileSync(new URL(`../src/scenarios/seed/scenario${n}.rule.json`, import.meta.url), "utf8"),
  );
}

async function activeRule(app: AppPage) {
  const doc = (await app.document()) as DocumentView;
  const rule = doc.rules.find((r) => r.key === doc.activeRuleKey);
  if (!rule) throw new Error("no active rule");
  return rule;
}

async function stageNames(app: AppPage): Promise<string[]> {
  return (await activeRule(app)).rule.pattern.nodes.map((n) => n.name).sort();
}

async function exportedEdges(app: AppPage) {
  return ((await app.exportActiveRule()) as ExportedRule).pattern.edges;
}

test.beforeEach(async ({ app, designer }) => {
  await app.open();
  await expect(designer.node("first_view")).toBeVisible();
});

test.afterEach(({ app }) => {
  app.expectCleanRun();
});

test("seed scenario 4 draws three stages joined by two labelled next edges, with its window", async ({
  app,
  designer,
}) => {
  await app.loadRuleSet(seedRule(4));
  await expect(designer.nodes).toHaveCount(3);
  for (const name of ["initial_view", "view_price_drop", "cart_after_price_drop"]) {
    await expect(designer.node(name)).toBeVisible();
  }
  await expect(designer.edgeLabels).toHaveCount(2);
  await expect(designer.edge("initial_view", "view_price_drop")).toHaveText("next");
  await expect(designer.edge("view_price_drop", "cart_after_price_drop")).toHaveText("next");
  await expect(designer.node("view_price_drop")).toContainText("InitialCondition");
  await expect(designer.pattern).toContainText("within 10 min");
  await expect(designer.pattern).toContainText("noSkip()");
  // Three stages need no minimap: it would only cover the canvas at 1280×720.
  await expect(designer.minimap).toHaveCount(0);
  await app.screenshot("designer-scenario4");
});

test("adds a stage from the palette and connects two stages by dragging a handle", async ({
  app,
  designer,
}) => {
  await designer.paletteItem("stage").click();
  await expect(designer.node("stage_1")).toBeVisible();
  await expect(designer.edge("second_view", "stage_1")).toHaveText("followedBy");

  await designer.connect("first_view", "stage_1");
  await expect(designer.edge("first_view", "stage_1")).toHaveText("followedBy");
  // A chain: the new edge replaced first_view's outgoing and stage_1's incoming edge.
  expect(await exportedEdges(app)).toEqual([
    { source: "first_view", target: "stage_1", type: "SKIP_TILL_NEXT" },
  ]);
});

test("drags a shape from the palette onto the canvas", async ({ app, designer }) => {
  const box = await designer.canvas.boundingBox();
  if (!box) throw new Error("the canvas is on screen");
  await designer.paletteItem("absence").dragTo(designer.canvas, {
    targetPosition: { x: box.width / 2, y: box.height - 60 },
  });
  await expect(designer.node("absent")).toBeVisible();
  await expect(designer.edge("second_view", "absent")).toContainText("notFollowedBy");
  expect(await exportedEdges(app)).toContainEqual({
    source: "second_view",
    target: "absent",
    type: "NOT_FOLLOW",
  });
});

test("selects a stage from the keyboard and deletes it; Tab skips the React Flow credit", async ({
  page,
  designer,
}) => {
  await designer.paletteItem("stage").click();
  await expect(designer.nodes).toHaveCount(3);
  await designer.focusNode("second_view");
  await page.keyboard.press("Enter");
  await designer.expectSelected("second_view");
  await page.keyboard.press("Delete");
  await expect(designer.nodes).toHaveCount(2);

  // Tab goes from a stage through the canvas's own stops and out, never onto React Flow's credit
  // link, which stays on screen.
  await designer.focusNode("first_view");
  const stops = await designer.tabThroughCanvas();
  expect(stops).toContain("Auto layout");
  expect(stops).not.toContain("React Flow attribution");
  await expect(designer.attributionLink).toBeVisible();
  await expect(designer.attributionLink).toHaveAttribute("tabindex", "-1");
});

test("deletes the selected stage with the Delete key, and a pattern click selects the pattern", async ({
  page,
  designer,
}) => {
  await designer.paletteItem("stage").click();
  await expect(designer.nodes).toHaveCount(3);
  await designer.clickNode("second_view");
  await designer.expectSelected("second_view");
  await page.keyboard.press("Delete");
  await expect(designer.nodes).toHaveCount(2);
  await expect(designer.node("second_view")).toHaveCount(0);
  // The chain is bridged around the deleted stage.
  await expect(designer.edge("first_view", "stage_1")).toBeVisible();

  await designer.pattern.click();
  await expect(designer.pattern).toHaveAttribute("aria-pressed", "true");
});

test("selects several stages with Shift and copies and pastes them", async ({ page, app, designer }) => {
  await designer.clickNode("first_view");
  await designer.clickNode("second_view", { shift: true });
  await designer.expectSelected("first_view");
  await designer.expectSelected("second_view");

  await page.keyboard.press("ControlOrMeta+c");
  await page.keyboard.press("ControlOrMeta+v");
  await expect(designer.nodes).toHaveCount(4);
  expect(await stageNames(app)).toEqual(["first_view", "first_view_2", "second_view", "second_view_2"]);
  // The copies keep the edge between them and are the new selection.
  await expect(designer.edge("first_view_2", "second_view_2")).toHaveText("next");
  await designer.expectSelected("first_view_2");
  await designer.expectSelected("first_view", false);
});

test("a drag moves a stage live and one Mod+Z takes the whole drag back", async ({ page, app, designer }) => {
  const before = (await activeRule(app)).positions.second_view;
  expect(before).toBeDefined();
  await designer.dragNode("second_view", 80, 120);
  const after = (await activeRule(app)).positions.second_view;
  expect(after?.y).toBeGreaterThan((before?.y ?? 0) + 50);

  await page.keyboard.press("ControlOrMeta+z");
  await expect.poll(async () => (await activeRule(app)).positions.second_view).toEqual(before);
});

test("auto layout puts a dragged-away stage back in line", async ({ app, designer }) => {
  await designer.dragNode("second_view", 40, 160);
  const moved = await activeRule(app);
  expect(moved.positions.second_view?.y).not.toBe(moved.positions.first_view?.y);

  await designer.autoLayoutButton.click();
  await expect
    .poll(async () => {
      const { positions } = await activeRule(app);
      return positions.second_view?.y === positions.first_view?.y;
    })
    .toBe(true);
  await expect(designer.node("second_view")).toBeInViewport();
});
