import { expect, test } from "./pages/fixtures.ts";

test.describe("run controls", () => {
  test("plays the demo in the worker: step, watermark, play to the end, reset", async ({
    app,
    demo: sim,
  }) => {
    // One event: the bounded-out-of-orderness watermark is its time minus 1 ms.
    await sim.step();
    await expect(sim.position).toHaveText("event 1 / 4");
    await expect(sim.watermark).toHaveText("2020-01-01 00:00:59.999");
    await expect(sim.state).toHaveText("paused");

    await sim.runToEnd();
    await expect(sim.position).toHaveText("event 4 / 4");
    await expect(sim.watermark).toHaveText("+∞ (end of input)");
    await sim.expectCounts(3, 1, 0);

    await sim.reset();
    await expect(sim.position).toHaveText("event 0 / 4");
    await expect(sim.state).toHaveText("ready");
    expect(app.pageErrors).toEqual([]);
  });

  test("a rule that cannot run is reported with its problems and the controls stay usable", async ({
    page,
    app,
    demo: sim,
  }) => {
    await page.evaluate(() => {
      globalThis.__cepTest?.loadRuleSet({
        id: "9",
        version: 1,
        function: null,
        pattern: {
          name: "a",
          quantifier: {
            consumingStrategy: "SKIP_TILL_NEXT",
            properties: ["SINGLE"],
            times: null,
            untilCondition: null,
          },
          condition: { type: "AVIATOR", expression: "eventType == " },
          nodes: [
            {
              name: "a",
              quantifier: {
                consumingStrategy: "SKIP_TILL_NEXT",
                properties: ["SINGLE"],
                times: null,
                untilCondition: null,
              },
              condition: { type: "AVIATOR", expression: "eventType == " },
              type: "ATOMIC",
            },
          ],
          edges: [],
          window: null,
          afterMatchStrategy: { type: "NO_SKIP", patternName: null },
          type: "COMPOSITE",
          version: 1,
        },
      });
    });
    await expect(sim.control("ruleError")).toContainText("rule '9' (version 1)");
    // Each problem is said once: as a list item, not also as the heading.
    await expect(sim.control("ruleError").locator("li")).toHaveCount(1);
    const text = (await sim.control("ruleError").textContent()) ?? "";
    expect(text.split("rule '9' (version 1)").length - 1).toBe(1);
    await sim.step();
    await expect(sim.position).toHaveText("event 1 / 4");
    expect(app.pageErrors).toEqual([]);
  });
});
