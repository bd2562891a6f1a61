/**
 * The designer at the smallest supported window (1280×720): the rule list, palette and canvas all
 * usable at once; a long chain opening at its start; edges keeping their meaning when selected and
 * listing their own findings; a disabled primary action looking disabled; and Publish refusing a
 * rule Flink would reject, from the command registry as from the button.
 */
import { readFileSync } from "node:fs";
import { expect, test } from "./pages/fixtures.ts";
import type { Locator } from "@playwright/test";

const single = {
  consumingStrategy: "SKIP_TILL_NEXT",
  properties: ["SINGLE"],
  times: null,
  untilCondition: null,
};

/** A dynamic-CEP rule whose stages form one chain, written last stage first as Flink's writer does. */
function chainRule(names: readonly string[], types: readonly string[], window: unknown = null): unknown {
  const nodes = names
    .map((name) => ({ name, quantifier: single, condition: null, type: "ATOMIC" }))
    .reverse();
  const edges = names
    .slice(1)
    .map((target, i) => ({ source: names[i], target, type: types[i] ?? "SKIP_TILL_NEXT" }))
    .reverse();
  return {
    id: "1",
    version: 1,
    function: null,
    pattern: {
      name: names.at(-1),
      quantifier: single,
      condition: null,
      nodes,
      edges,
      window,
      afterMatchStrategy: { type: "NO_SKIP", patternName: null },
      type: "COMPOSITE",
      version: 1,
    },
  };
}

/** A computed style property of the element (e2e code compiles without the DOM library). */
function computed(locator: Locator, property: string): Promise<string> {
  return locator.evaluate((el, prop) => {
    const view = globalThis as unknown as {
      getComputedStyle(e: unknown): Record<string, string | undefined>;
    };
    return view.getComputedStyle(el)[prop] ?? "";
  }, property);
}

test.beforeEach(async ({ app }) => {
  await app.open();
});

test.afterEach(({ app }) => {
  app.expectCleanRun();
});

test("at 1280×720 the rule list, its actions, the palette and a roomy canvas fit together", async ({
  page,
  designer,
}) => {
  for (const key of ["r1", "r2", "r3", "r4"])
    await expect(page.getByTestId(`ruleset.row.${key}`)).toBeInViewport();
  await expect(page.getByTestId("ruleset.publish")).toBeInViewport();
  await expect(designer.paletteItem("absence")).toBeInViewport();
  const canvas = await designer.canvas.boundingBox();
  expect(canvas?.height).toBeGreaterThan(400);
  // Two stages need no minimap; it would only cover the canvas.
  await expect(designer.minimap).toHaveCount(0);
});

test("a disabled primary button does not look like it can be pressed", async ({ page }) => {
  const publish = page.getByTestId("ruleset.publish");
  await expect(publish).toBeEnabled();
  const enabled = await computed(publish, "backgroundColor");
  await page.getByTestId("ruleset.enabled.r1").uncheck();
  await expect(publish).toBeDisabled();
  const disabled = await computed(publish, "backgroundColor");
  expect(disabled).not.toBe(enabled);
});

test("a twelve-stage chain opens at its first stage, readable, with a minimap", async ({ app, designer }) => {
  const names = Array.from({ length: 12 }, (_, i) => `step_${i + 1}`);
  await app.loadRuleSet(chainRule(names, []));
  await expect(designer.nodes).toHaveCount(12);
  await expect(designer.node("step_1")).toBeInViewport();
  await expect(designer.minimap).toBeVisible();
  const box = await designer.node("step_1").boundingBox();
  // 196 px wide at 100 %: never below half size, where stage text stops being readable.
  expect(box?.width).toBeGreaterThanOrEqual(98);
});

test("the edge inspector lists the edge's own findings, with the fix", async ({ page, app, designer }) => {
  // notFollowedBy as the last stage needs a window: Flink rejects it, and the finding is the edge's.
  await app.loadRuleSet(chainRule(["a", "m", "b"], ["STRICT", "NOT_FOLLOW"]));
  await designer.edge("m", "b").click();
  await expect(page.getByTestId("inspector.edge.diagnostics")).toContainText("NotFollowedBy");
  await designer.edge("a", "m").click();
  await expect(page.getByTestId("inspector.edge.type")).toHaveValue("STRICT");
  await expect(page.getByTestId("inspector.edge.diagnostics")).toHaveCount(0);
});

test("an edge label lets go of its highlight when stages are selected, and keeps its colour when selected", async ({
  page,
  app,
  designer,
}) => {
  await app.loadRuleSet(chainRule(["a", "b", "c"], ["STRICT", "SKIP_TILL_NEXT"]));
  const label = designer.edge("a", "b");
  await label.click();
  await expect(label).toHaveClass(/designer-edge-label--selected/);
  const path = page.locator(".react-flow__edge.selected .react-flow__edge-path");
  expect(await computed(path, "stroke")).toBe("rgb(47, 111, 222)");
  await designer.clickNode("b");
  await designer.clickNode("c", { shift: true });
  await expect(page.getByTestId("inspector.selection.names")).toBeVisible();
  await expect(label).not.toHaveClass(/designer-edge-label--selected/);
  // Escape lets go of the selection; the inspector goes back to the pattern.
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("inspector.pattern.ruleId")).toBeVisible();
  await designer.expectSelected("b", false);
});

test("an edge between a group's stages is selected by its label", async ({ page, app }) => {
  const group: unknown = JSON.parse(
    readFileSync(
      new URL(
        "../src/formats/dynamicCep/testdata/samples/constructed/c2-group-pattern.json",
        import.meta.url,
      ),
      "utf8",
    ),
  );
  await app.loadRuleSet(group);
  await page.getByTestId("designer.edge.payFlow/payStart.payDone").click();
  await expect(page.getByTestId("inspector.edge.ends")).toContainText("payStart");
});

test("Publish refuses a rule Flink would reject, from the command registry as from the button", async ({
  page,
  app,
}) => {
  await app.loadRuleSet(chainRule(["a", "b"], ["NOT_FOLLOW"]));
  await expect(page.getByTestId("ruleset.publish")).toBeDisabled();
  await expect(page.getByTestId("ruleset.publishBlocker")).toContainText("Flink would reject");
  expect(await page.evaluate(() => globalThis.__cepTest?.runCommand("publishRule"))).toBe(false);
});

test("a condition that does not compile is an error on its stage and in Validation, and blocks Publish", async ({
  page,
  app,
}) => {
  const rule = chainRule(["a", "b"], ["SKIP_TILL_NEXT"]) as {
    pattern: { nodes: Array<{ name: string; condition: unknown }> };
  };
  for (const node of rule.pattern.nodes)
    node.condition = { type: "AVIATOR", expression: node.name === "a" ? "x == && (" : "y > 1" };
  await app.loadRuleSet(rule);
  await expect(page.getByTestId("designer.node.a.diagnostics")).toBeVisible();
  await expect(page.getByTestId("designer.node.b.diagnostics")).toHaveCount(0);
  await expect(page.getByTestId("inspector.pattern.diagnostics")).toContainText(
    "stage 'a': the condition does not compile: 1:",
  );
  await expect(page.getByTestId("inspector.pattern.valid")).toHaveCount(0);
  await expect(page.getByTestId("ruleset.publish")).toBeDisabled();
  await expect(page.getByTestId("ruleset.publishBlocker")).toContainText("A condition does not compile");
});
