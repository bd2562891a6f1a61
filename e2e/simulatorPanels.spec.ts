import { expect, test } from "./pages/fixtures.ts";

test.describe("simulator panels", () => {
  test("the key inspector shows a key's partial match stage by stage and lights it up", async ({
    app,
    demo: sim,
    panels,
  }) => {
    await sim.step();
    await sim.step();
    await expect(sim.position).toHaveText("event 2 / 4");
    await panels.inspectKey("519698804");
    await expect(panels.byId("sim.keys.owner")).toContainText("subtask 0 of 1");
    // The first view reached the NFA when the second moved the watermark past it.
    await expect(panels.partialMatches).toHaveCount(1);
    await expect(panels.partialMatches.first()).toContainText("first_view");
    await expect(panels.partialMatches.first()).toContainText("waiting in second_view");
    await expect(panels.byId("sim.keys.buffered")).toContainText("line 3");
    await panels.partialMatches.first().click();
    await expect(panels.partialMatches.first()).toHaveAttribute("aria-pressed", "true");
    await panels.screenshot("S2-keys");
    app.expectCleanRun();
  });

  test("explain says in plain words why an event starts no match", async ({ app, demo: sim, panels }) => {
    await panels.loadCard("timeouts");
    await sim.waitReady(4);
    await sim.runToEnd();
    // Line 5 is u3's view: the rule's first stage wants a cart.
    await panels.explainLine(5);
    await expect(panels.byId("sim.explain.heading")).toContainText("Line 5 · key u3");
    await expect(panels.explainSentences.first()).toHaveText(
      "No new partial match: 'cart' does not take the event — condition `eventType == 'cart'` of 'cart' is false.",
    );
    await expect(panels.byId("sim.explain.condition").first()).toContainText("false");
    await panels.screenshot("S2-explain");
    app.expectCleanRun();
  });

  test("explaining an event that waits for the watermark follows the run to the end of input", async ({
    app,
    demo: sim,
    panels,
  }) => {
    await sim.setOutOfOrderness(5000);
    for (let i = 1; i <= 4; i++) await sim.step();
    // Line 3 is the view at 00:01:03: 5 s of out-of-orderness hold it back.
    await panels.explainLine(3);
    await expect(panels.explainSentences.first()).toContainText("waiting for the watermark");
    // The end of input is no item: its +∞ watermark releases the event, and the story changes.
    await sim.step();
    await expect(sim.state).toHaveText("finished");
    await expect(panels.explainSentences.first()).not.toContainText("waiting for the watermark");
    await expect(panels.byId("sim.explain.heading")).toContainText("Line 3");
    app.expectCleanRun();
  });

  test("a Learn card loads its rules and data, and its counts follow the run", async ({
    app,
    demo: sim,
    panels,
  }) => {
    await panels.loadCard("contiguity");
    await sim.waitReady(4);
    await sim.runToEnd();
    await expect(panels.learnCounts("1")).toHaveText("1 match · 0 timeouts");
    await expect(panels.learnCounts("2")).toHaveText("2 matches · 0 timeouts");
    await expect(panels.learnCounts("3")).toHaveText("4 matches · 0 timeouts");
    await panels.screenshot("S2-learn");
    // Loading is one undoable change: Undo brings the seed rules back.
    await app.undoButton.click();
    await expect.poll(async () => ((await app.document()) as { rules: unknown[] }).rules.length).toBe(5);
    // The card follows the undo: its rules are gone, so it offers Load and shows no counts.
    await expect(panels.byId("sim.learn.load")).toHaveText("Load");
    await expect(panels.byId("sim.learn.live")).toHaveCount(0);
    await app.redoButton.click();
    await expect.poll(async () => ((await app.document()) as { rules: unknown[] }).rules.length).toBe(3);
    await expect(panels.byId("sim.learn.load")).toHaveText("Load again");
    await expect(panels.learnCounts("3")).toBeVisible();
    app.expectCleanRun();
  });

  test("a rule version scheduled mid-stream on the broadcast panel takes over in the outputs", async ({
    app,
    demo: sim,
    panels,
  }) => {
    await sim.step();
    await sim.step();
    // Publish rule 1 as version 2 and broadcast it before the event at 00:01:07 (the third).
    await panels.scheduleActiveRule("2020-01-01 00:01:05");
    await expect(panels.byId("sim.broadcast.note")).toContainText("Published rule 1 v2");
    await panels.applyBroadcast();
    await expect(panels.byId("sim.broadcast.marker")).toHaveCount(1);
    await expect(panels.byId("sim.broadcast.status")).toHaveText("pending");
    await sim.runToEnd();
    await expect(panels.byId("sim.broadcast.status")).toContainText("took over before input item 2");
    await expect(panels.byId("sim.broadcast.dropped")).toContainText("rule 1 v1 dropped");
    await expect(panels.byId("sim.broadcast.identical")).toHaveText("identical in all 1");
    await expect(panels.byId("sim.broadcast.rules")).toHaveText("rule 1 v2");
    await panels.screenshot("S2-broadcast");
    await sim.openTab("matches");
    await expect(sim.rows("matches").last()).toContainText("1 v2");
    app.expectCleanRun();
  });

  test("metrics plot the run live", async ({ app, sim, panels }) => {
    await app.open();
    await sim.runScenario(5);
    await sim.waitReady(11);
    await panels.openTab("metrics");
    for (let i = 0; i < 6; i++) await sim.step();
    await expect(panels.byId("sim.metrics.partialMatches.value")).toHaveText("5");
    await expect(panels.byId("sim.metrics.partialMatches").locator("canvas")).toHaveCount(1);
    await panels.screenshot("S2-metrics");
    app.expectCleanRun();
  });

  test("a panel loads on first show, says so meanwhile, and offers to try again when it cannot load", async ({
    page,
    app,
    panels,
  }) => {
    // The Learn chunk waits until released; the Metrics chunk cannot be fetched at first.
    let release: (value?: unknown) => void = () => undefined;
    const held = new Promise((resolve) => {
      release = resolve;
    });
    await page.route(/\/LearnTab-[^/]*\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.route(/\/MetricsTab-[^/]*\.js$/, (route) => route.abort());
    await app.open();

    await panels.openTab("learn");
    await expect(panels.byId("sim.panel.loading")).toHaveText("Loading Learn…");
    await expect(panels.byId("sim.panel.loading")).toHaveAttribute("role", "status");
    release();
    await expect(panels.byId("sim.learn")).toBeVisible();

    await panels.openTab("metrics");
    await expect(panels.byId("sim.panel.error")).toContainText("The Metrics view could not be shown");
    await panels.screenshot("B-panel-error");
    await page.unroute(/\/MetricsTab-[^/]*\.js$/);
    await panels.byId("sim.panel.error").getByRole("button", { name: "Try again" }).click();
    await expect(panels.byId("sim.metrics")).toBeVisible();
    expect(app.externalRequests).toEqual([]);
  });

  test("a scenario link reopens the same rules, data and position", async ({ page, app, sim, panels }) => {
    await app.open();
    await panels.loadCard("skip");
    await sim.waitReady(4);
    await sim.step();
    await sim.step();
    await sim.step();
    const link = await panels.makeLink();
    await panels.screenshot("S2-share");
    await page.reload();
    await sim.waitReady(4);
    await panels.openLink(link);
    await expect(sim.position).toHaveText("event 3 / 4");
    await expect
      .poll(async () =>
        ((await app.document()) as { rules: { rule: { id: string } }[] }).rules.map((r) => r.rule.id),
      )
      .toEqual(["1", "2", "3"]);
    app.expectCleanRun();
  });
});
