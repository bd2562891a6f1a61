import { readFile } from "node:fs/promises";
import { expect, test } from "./pages/fixtures.ts";

test.describe("simulator outputs", () => {
  test("the Matches table filters by rule and key in the worker, with totals, and exports what it lists", async ({
    page,
    app,
    demo: sim,
    panels,
  }) => {
    // Three rules on one key: 1 + 2 + 4 matches (next, followedBy, followedByAny).
    await panels.loadCard("contiguity");
    await sim.waitReady(4);
    await sim.runToEnd();
    await sim.openTab("matches");
    await expect(sim.outputCount("matches")).toHaveText("7 matches");
    await sim.filterOutputs("matches", { rule: "3" });
    await expect(sim.outputCount("matches")).toHaveText("4 of 7 matches");
    await expect(sim.rows("matches")).toHaveCount(4);
    for (const row of await sim.rows("matches").all()) await expect(row).toContainText("3 v1u1");
    await sim.filterOutputs("matches", { rule: "2", key: "u1" });
    await expect(sim.outputCount("matches")).toHaveText("2 of 7 matches");
    await expect(sim.rows("matches")).toHaveCount(2);
    const download = page.waitForEvent("download");
    await sim.control("matches.exportJsonl").click();
    const lines = (await readFile(await (await download).path(), "utf8")).trim().split("\n");
    expect(lines.map((l) => (JSON.parse(l) as { rule: string }).rule)).toEqual(["2", "2"]);
    await sim.filterOutputs("matches", { key: "nobody" });
    await expect(sim.outputCount("matches")).toHaveText("0 of 7 matches");
    await expect(sim.dock).toContainText("Nothing here matches the filters");
    await sim.control("matches.clearFilters").click();
    await expect(sim.rows("matches")).toHaveCount(7);
    app.expectCleanRun();
  });

  test("the Timeouts and Late tables filter by key", async ({ app, demo: sim, panels }) => {
    await panels.loadCard("watermarks");
    await sim.waitReady(3);
    await sim.runToEnd();
    await sim.openTab("late");
    await expect(sim.control("late.rule")).toHaveCount(0);
    await sim.filterOutputs("late", { key: "u1" });
    await expect(sim.outputCount("late")).toHaveText("1 of 1 late event");
    await expect(sim.rows("late")).toHaveCount(1);
    await sim.filterOutputs("late", { key: "u2" });
    await expect(sim.outputCount("late")).toHaveText("0 of 1 late event");
    await expect(sim.rows("late")).toHaveCount(0);
    await sim.openTab("timeouts");
    await sim.filterOutputs("timeouts", { rule: "1", key: "u1" });
    await expect(sim.outputCount("timeouts")).toHaveText("1 of 1 timeout");
    await expect(sim.rows("timeouts").first()).toContainText("1 v1u1");
    app.expectCleanRun();
  });

  test("a crashed worker is restarted with the same document, data and broadcast stream", async ({
    app,
    demo: sim,
    panels,
  }) => {
    await panels.loadCard("broadcast");
    await sim.waitReady(8);
    await sim.runToEnd();
    await sim.openTab("matches");
    await expect(sim.rows("matches")).toHaveText([/1 v1u1/, /1 v2u1/]);
    const before = await app.document();

    await sim.crashWorker();
    await expect(sim.control("failure")).toContainText("The CEP worker stopped");
    await expect(sim.control("failure")).toContainText("e2e: the worker crashed");
    await sim.control("restartWorker").click();
    await sim.waitReady(8);
    await expect(sim.control("failure")).toBeHidden();
    expect(await app.document()).toEqual(before);

    await sim.runToEnd();
    await sim.expectCounts(2, 0, 0);
    await expect(sim.rows("matches")).toHaveText([/1 v1u1/, /1 v2u1/]);
    await panels.openTab("broadcast");
    await expect(panels.byId("sim.broadcast.dropped")).toContainText(
      "rule 1 v1 dropped with 1 partial match",
    );
    app.expectCleanRun();
  });

  test("the broadcast Learn card switches the rule version mid-stream and reports the dropped partial match", async ({
    app,
    demo: sim,
    panels,
  }) => {
    await panels.loadCard("broadcast");
    await sim.waitReady(8);
    await expect(panels.byId("sim.learn.view")).toContainText(
      "Version 2 takes over before the 10:04:00 cart",
    );
    await expect(panels.byId("sim.learn.rule.1")).toContainText("v1 running");
    for (let i = 0; i < 5; i++) await sim.step();
    await expect(sim.position).toHaveText("event 5 / 8");
    await expect(panels.byId("sim.learn.rule.1")).toContainText("v2 running");
    await expect(panels.byId("sim.learn.dropped")).toContainText("rule 1 v1 dropped");
    await expect(panels.byId("sim.learn.dropped")).toContainText("1 partial match");
    await expect(panels.learnCounts("1")).toHaveText("1 match · 0 timeouts");
    await sim.runToEnd();
    await expect(panels.learnCounts("1")).toHaveText("2 matches · 0 timeouts");
    await panels.openTab("broadcast");
    await expect(panels.byId("sim.broadcast.status")).toHaveText(
      "took over before input item 4 (at 2020-01-01 10:04:00.000)",
    );
    // Loading another card takes the broadcast stream away again: its claims hold without one.
    await panels.loadCard("timeouts");
    await sim.waitReady(4);
    await panels.openTab("broadcast");
    await expect(panels.byId("sim.broadcast.marker")).toHaveCount(0);
    app.expectCleanRun();
  });

  test("Undo after loading the broadcast Learn card brings back the rules and the broadcast stream; Redo loads both again", async ({
    app,
    demo: sim,
    panels,
  }) => {
    const mine = JSON.stringify(await app.exportActiveRule());
    const cardRecord = "2020-01-01 10:03:00";
    await panels.loadCard("broadcast");
    await sim.waitReady(8);
    await panels.openTab("broadcast");
    await expect(panels.byId("sim.broadcast.marker")).toHaveCount(1);
    await expect(panels.byId("sim.broadcast.editor")).toContainText(cardRecord);

    // One undo: the rules, the schedule being edited and the run's broadcast stream.
    await app.undoButton.click();
    await expect(panels.byId("sim.broadcast.marker")).toHaveCount(0);
    await expect(panels.byId("sim.broadcast.editor")).not.toContainText(cardRecord);
    expect(JSON.stringify(await app.exportActiveRule())).toBe(mine);

    await app.redoButton.click();
    await expect(panels.byId("sim.broadcast.marker")).toHaveCount(1);
    await expect(panels.byId("sim.broadcast.editor")).toContainText(cardRecord);
    expect(JSON.stringify(await app.exportActiveRule())).not.toBe(mine);
    await panels.screenshot("B-learn-redo-broadcast");
    app.expectCleanRun();
  });
});
