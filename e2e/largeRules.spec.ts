/**
 * A rule of thousands of stages: importing one once took the app down (dagre's layout recursed
 * once per chain link and overflowed the stack, leaving a blank page). It must import, draw the
 * stages in view in chain order, stay usable, and run.
 */
import { expect, test } from "./pages/fixtures.ts";

const STAGES = 2000;

/** `s0 followedBy s1 followedBy …` as a dynamic-CEP GraphSpec, one condition per stage. */
function longChain(stages: number): string {
  const quantifier = {
    consumingStrategy: "SKIP_TILL_NEXT",
    properties: ["SINGLE"],
    times: null,
    untilCondition: null,
  };
  const names = Array.from({ length: stages }, (_, i) => `s${i}`);
  return JSON.stringify({
    name: names[stages - 1],
    type: "COMPOSITE",
    quantifier,
    condition: null,
    nodes: names.map((name, i) => ({
      name,
      type: "ATOMIC",
      quantifier,
      condition: { type: "AVIATOR", expression: `x == ${i}` },
    })),
    edges: names.slice(1).map((name, i) => ({ source: names[i], target: name, type: "SKIP_TILL_NEXT" })),
    window: null,
    afterMatchStrategy: { type: "NO_SKIP", patternName: null },
  });
}

test("a 2 000-stage rule imports, draws the stages in view in chain order, and runs", async ({
  app,
  io,
  designer,
  sim,
}) => {
  await app.open();
  await io.openImport();
  await io.chooseFileWithText("chain.json", longChain(STAGES));
  await io.confirm("replace");
  await expect(designer.node("s0")).toBeVisible();
  await expect(designer.node("s1")).toBeVisible();
  const first = await designer.node("s0").boundingBox();
  const second = await designer.node("s1").boundingBox();
  expect(first && second && second.x > first.x && Math.abs(second.y - first.y) < 1).toBe(true);
  // Only the stages in view are in the page: thousands of nodes froze the tab for seconds.
  expect(await designer.nodes.count()).toBeLessThan(100);
  await sim.runToEnd();
  expect(app.pageErrors).toEqual([]);
});
