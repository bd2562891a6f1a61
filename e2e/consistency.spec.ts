/**
 * One run, many views: after a sequence of controls every view the simulator shows at once tells
 * the same story as the run bar. Here the end of input — no input item, yet its final +∞
 * watermark times the last partial match out — as seen by the views that ask the worker.
 */
import { expect, test } from "./pages/fixtures.ts";
import { ConsistencyPage } from "./pages/consistencyPage.ts";

const USER = "519698804";

test.describe("the views agree at the end of input", () => {
  test("Metrics, the timeline's windows and the Key inspector follow the final watermark with the canvas", async ({
    app,
    demo: sim,
    panels,
    page,
  }) => {
    const views = new ConsistencyPage(page);
    for (let i = 0; i < 4; i++) await sim.step();
    await expect(sim.position).toHaveText("event 4 / 4");
    await expect(views.stageBadges).toHaveText(["1"]);

    await panels.showPanel("metrics");
    await expect(views.metric("partialMatches")).toHaveText("1");
    await sim.step();
    await expect(sim.state).toHaveText("finished");
    await expect(views.stageBadges).toHaveCount(0);
    await expect(views.metric("partialMatches")).toHaveText("0");

    await sim.reset();
    await sim.openTab("timeline");
    for (let i = 0; i < 4; i++) await sim.step();
    await expect(sim.position).toHaveText("event 4 / 4");
    await expect.poll(() => views.windowPixels()).toBeGreaterThan(500);
    await sim.step();
    await expect(sim.state).toHaveText("finished");
    await expect.poll(() => views.windowPixels()).toBe(0);

    await panels.inspectKey(USER);
    await expect(views.keyOwner).toContainText("watermark +∞ (end of input)");
    await expect(panels.partialMatches).toHaveCount(0);
    app.expectCleanRun();
  });

  test("a link shared after the end of input reopens the finished run, timeouts and all", async ({
    app,
    demo: sim,
    panels,
  }) => {
    for (let i = 0; i < 5; i++) await sim.step();
    await expect(sim.state).toHaveText("finished");
    await sim.expectCounts(3, 1, 0);
    const link = await panels.makeLink();
    await sim.reset();
    await sim.waitReady(4);
    await panels.openLink(link);
    await expect(sim.state).toHaveText("finished");
    await expect(sim.watermark).toHaveText("+∞ (end of input)");
    await sim.expectCounts(3, 1, 0);
    app.expectCleanRun();
  });
});
