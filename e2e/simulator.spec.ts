import { expect, test } from "./pages/fixtures.ts";

/** What Flink gives on each seed scenario's rows (../shared/scenarios/README.md, src/cli/scenarios.test.ts). */
const SCENARIOS = [
  { n: 1, events: 4, matches: ["519698804", "519698804", "519698804"], timeouts: ["519698804"] },
  { n: 2, events: 3, matches: ["590404850"], timeouts: ["517014550"] },
  { n: 3, events: 4, matches: ["578858757"], timeouts: ["578858757", "578858757", "578858757"] },
  { n: 4, events: 3, matches: ["516616354"], timeouts: [] },
  { n: 5, events: 11, matches: ["563209914"], timeouts: Array<string>(10).fill("563209914") },
];

test.describe("simulator", () => {
  for (const scenario of SCENARIOS) {
    test(`seed scenario ${scenario.n}: its rule over its clickstream gives exactly Flink's outputs`, async ({
      app,
      sim,
    }) => {
      await app.open();
      await sim.runScenario(scenario.n);
      await sim.waitReady(scenario.events);
      await sim.runToEnd();
      await sim.openTab("matches");
      await expect(sim.rows("matches")).toHaveCount(scenario.matches.length);
      for (const [i, key] of scenario.matches.entries()) {
        await expect(sim.rows("matches").nth(i)).toContainText(`${scenario.n} v1${key}`);
      }
      await sim.openTab("timeouts");
      await expect(sim.rows("timeouts")).toHaveCount(scenario.timeouts.length);
      for (const [i, key] of scenario.timeouts.entries()) {
        await expect(sim.rows("timeouts").nth(i)).toContainText(`${scenario.n} v1${key}`);
      }
      expect(app.externalRequests).toEqual([]);
      expect(app.pageErrors).toEqual([]);
    });
  }

  test("stepping past the last event: the final watermark times the run out and the canvas shows none waiting", async ({
    app,
    sim,
    page,
  }) => {
    await app.open();
    await sim.runScenario(1);
    await sim.waitReady(4);
    for (let i = 0; i < 4; i++) await sim.step();
    await expect(sim.position).toHaveText("event 4 / 4");
    const waiting = page.getByTestId(/^designer\.node\..+\.count$/);
    await expect(waiting).toHaveText(["1"]);
    // The end of input is one more step: the +∞ watermark, which is no input item.
    await sim.step();
    await expect(sim.state).toHaveText("finished");
    await expect(waiting).toHaveCount(0);
    await expect(page.getByTestId("sim.tab.timeouts").locator(".sim-tab-badge")).toHaveText("1");
  });

  test("scenario 2's match names its captured events, and selecting it lights them up", async ({
    app,
    sim,
  }) => {
    await app.open();
    await sim.runScenario(2);
    await sim.waitReady(3);
    await sim.runToEnd();
    await sim.openTab("matches");
    const row = sim.rows("matches").first();
    await expect(row).toContainText(
      "cart_add: cart @ 2020-01-01 01:11:02.0 (line 3); purchase: purchase @ 2020-01-01 01:11:03.0 (line 4)",
    );
    await row.click();
    await expect(row).toHaveAttribute("aria-selected", "true");
    await sim.openTab("timeouts");
    await expect(sim.rows("timeouts").first()).toContainText("2020-01-01 01:31:01.000");
  });

  test("step to the watermark releases the events the out-of-orderness held back", async ({ demo: sim }) => {
    await sim.setOutOfOrderness(5000);
    await expect(sim.control("settings")).toContainText("5 s behind");
    await expect(sim.control("watermarks")).toContainText("5 s behind · every event");
    for (let i = 1; i <= 4; i++) await sim.step();
    await expect(sim.position).toHaveText("event 4 / 4");
    // The newest event is 00:01:08; 5 s of out-of-orderness keeps the watermark at 00:01:02.999,
    // so the views at 00:01:03 and later wait in the operator: no match yet.
    await expect(sim.watermark).toHaveText("2020-01-01 00:01:02.999");
    await sim.expectCounts(0, 0, 0);
    await expect(sim.control("eventTime")).toHaveText("2020-01-01 00:01:08.000");
    await sim.openTab("timeline");
    await expect(sim.control("timeline.waiting")).toContainText("No output yet — waiting for the watermark");
    await sim.stepToWatermark();
    await expect(sim.watermark).toHaveText("+∞ (end of input)");
    await sim.expectCounts(3, 1, 0);
    await expect(sim.control("timeline.waiting")).toBeHidden();
  });

  test("the run controls fit one row at 1280×720 and the settings open in a popover", async ({
    page,
    app,
    demo: sim,
  }) => {
    await sim.step();
    for (const id of [
      "play",
      "step",
      "stepWatermark",
      "reset",
      "speed",
      "seek",
      "position",
      "state",
      "watermark",
    ]) {
      await expect(sim.control(id)).toBeVisible();
    }
    const bar = await sim.controls.boundingBox();
    expect(bar?.height).toBeLessThan(45);
    await sim.openSettings();
    await expect(sim.control("timeMode")).toHaveValue("event");
    await sim.control("parallelism").selectOption("2");
    await expect(sim.control("settings")).toContainText("2 subtasks");
    await expect(sim.position).toHaveText("event 1 / 4");
    await page.keyboard.press("Escape");
    await expect(sim.control("parallelism")).toBeHidden();
    expect(app.pageErrors).toEqual([]);
  });

  test("seeking backward and forward gives the results of a straight run", async ({ demo: sim }) => {
    await sim.runToEnd();
    await sim.openTab("matches");
    await expect(sim.rows("matches")).toHaveCount(3);
    await expect(sim.rows("matches").last()).not.toHaveText("…");
    const straight = await sim.rows("matches").allTextContents();

    await sim.seek(3);
    await expect(sim.position).toHaveText("event 3 / 4");
    await expect(sim.watermark).toHaveText("2020-01-01 00:01:06.999");
    await sim.expectCounts(1, 0, 0);
    await expect(sim.rows("matches")).toHaveText(straight.slice(0, 1));

    await sim.seek(1);
    await expect(sim.position).toHaveText("event 1 / 4");
    await expect(sim.rows("matches")).toHaveCount(0);

    await sim.runToEnd();
    await expect(sim.rows("matches")).toHaveText(straight);
  });

  test("a rule changed mid-stream is applied from the current position and its new version shows", async ({
    page,
    app,
    sim,
  }) => {
    await app.open();
    await sim.runScenario(2);
    await sim.waitReady(3);
    await sim.step();
    await sim.step();
    const rule = (await app.exportActiveRule()) as { version: number };
    await page.evaluate(
      (next) => {
        globalThis.__cepTest?.loadRuleSet(next);
      },
      { ...rule, version: 2 },
    );
    await expect(sim.control("rulesChanged")).toBeVisible();
    await sim.control("applyFromHere").click();
    await expect(sim.control("rulesChanged")).toBeHidden();
    await expect(sim.position).toHaveText("event 2 / 3");
    await sim.runToEnd();
    await sim.openTab("matches");
    await expect(sim.rows("matches")).toHaveCount(1);
    await expect(sim.rows("matches").first()).toContainText("2 v2590404850");
    expect(app.pageErrors).toEqual([]);
  });
});

test.describe("simulator data and stream", () => {
  test("the Stream tab lists the input by range, filtered by key and type, with the position marked", async ({
    page,
    app,
    demo: sim,
  }) => {
    await sim.step();
    await sim.step();
    await sim.openTab("stream");
    await expect(sim.rows("stream")).toHaveCount(4);
    await expect(sim.rows("stream").nth(1)).toHaveClass(/sim-row-current/);
    await expect(sim.rows("stream").nth(3)).toHaveClass(/sim-row-pending/);
    await sim.control("stream.type").fill("cart");
    await expect(sim.rows("stream")).toHaveCount(0);
    await expect(sim.control("stream.count")).toHaveText("0 matching events");
    await sim.control("stream.type").fill("view");
    await sim.control("stream.key").fill("519698804");
    await expect(sim.rows("stream")).toHaveCount(4);
    await expect(sim.control("stream.count")).toHaveText("4 matching events");
    await sim.openTab("timeline");
    await expect(sim.control("timeline.canvas")).toBeVisible();
    await expect(page.getByText("No events with an event time to show yet.")).toBeHidden();
    expect(app.pageErrors).toEqual([]);
  });

  test("generated data with late events: the Late tab and the Stream tab mark them", async ({
    page,
    app,
    demo: sim,
  }) => {
    await sim.openTab("data");
    await sim.control("generator.events").fill("300");
    await sim.control("generator.users").fill("20");
    await sim.control("generator.lateFraction").fill("0.1");
    await sim.control("generate").click();
    await expect(sim.control("dataName")).toHaveText("generated scenarios · 300 events · seed 46");
    await sim.waitReady(300);
    await sim.runToEnd();
    // The generator writes the seed scenarios' columns by default, so the open rule matches.
    const matches = Number(await page.getByTestId("sim.tab.matches").locator(".sim-tab-badge").innerText());
    expect(matches).toBeGreaterThan(0);
    await sim.openTab("late");
    await expect(sim.rows("late").first()).toBeVisible();
    const late = Number(await page.getByTestId("sim.tab.late").locator(".sim-tab-badge").innerText());
    expect(late).toBeGreaterThan(0);
    const key = await sim.rows("late").first().getByRole("cell").nth(1).innerText();
    await sim.openTab("stream");
    await sim.control("stream.key").fill(key);
    await expect(page.locator(".sim-row-late").first()).toBeVisible();
    expect(app.externalRequests).toEqual([]);
  });
});
