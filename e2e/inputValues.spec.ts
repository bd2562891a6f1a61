/**
 * Input values in the simulator, as the CLI reads them: a JSON row with a duplicate key is read
 * with the last value and listed as a warning (`file:line: …`, the first 100, the rest counted)
 * beside the skipped rows, and the run's messages say so; a number beyond a double's range
 * skips its row; no value (null) and the empty string look different from text and from a
 * missing field, in the preview and the Stream tab, and Explain and the Key inspector read such
 * rows. The
 * broadcast schedule warns about duplicate keys and names the JSON path of a 1e400.
 */
import { expect, test } from "./pages/fixtures.ts";

const JACKSON = "the last value is used, as Flink's Jackson reads it";

test.describe("simulator: input values", () => {
  test("rows with a duplicate key are read with a warning, listed beside the skipped rows", async ({
    app,
    demo: sim,
  }) => {
    const row = (uid: string, second: number, extra = "") =>
      `{"uid": "${uid}", "kind": "view",${extra} "at": "2020-01-01 00:00:${String(second).padStart(2, "0")}"}`;
    const lines = [
      row("a", 1, ' "kind": "cart",'),
      row("b", 2, ' "price": 1e400,'),
      row("c", 3),
      // 101 more rows with a duplicate key: 102 warnings, of which the first 100 are listed.
      ...Array.from({ length: 101 }, (_, i) => row(`d${i}`, 4, ' "uid": "d",')),
    ];
    await sim.pickFile("rows.jsonl", `${lines.join("\n")}\n`);
    const preview = sim.control("preview.warnings");
    await expect(preview).toContainText(
      `line 1: kind at column 30: duplicate key "kind" (first at column 14); ${JACKSON}`,
    );
    await expect(sim.control("preview")).toContainText("line 2: price at column 39: the number 1e400");
    await sim.control("mapping.key").selectOption("uid");
    await sim.control("mapping.time").selectOption("at");
    await sim.control("loadFile").click();
    await expect(sim.position).toHaveText("event 0 / 103");

    // Known as soon as the rows are read, before the run takes a step.
    await expect(sim.control("inputRows")).toHaveText(
      "102 rows were read with a warning — see the Data tab for their lines.",
    );
    await expect(sim.rowWarnings.locator("li")).toHaveCount(100);
    await expect(sim.rowWarnings.locator("li").first()).toHaveText(
      `rows.jsonl:1: kind at column 30: duplicate key "kind" (first at column 14); ${JACKSON}`,
    );
    await expect(sim.control("currentData")).toContainText("102 rows read with a warning:");
    await expect(sim.control("currentData")).toContainText("(the first 100 are listed)");

    await sim.runToEnd();
    await sim.openTab("data");
    await expect(sim.skippedRows).toHaveText(
      "rows.jsonl:2: price at column 39: the number 1e400 is beyond a double's range (±1.8e308); Flink's Jackson would read it as Infinity",
    );
    await expect(sim.control("inputRows")).toHaveText(
      "1 row was skipped and 102 were read with a warning — see the Data tab for their lines.",
    );
    // The last value is the one the run read: row 1 is a cart.
    await sim.openTab("stream");
    await sim.control("stream.key").fill("a");
    await expect(sim.rows("stream").first()).toContainText('"kind":"cart"');
    await app.screenshot("input-values-warnings-1280");
    await app.page.setViewportSize({ width: 1024, height: 700 });
    await sim.openTab("data");
    await app.screenshot("input-values-data-1024");
    app.expectCleanRun();
  });

  test("no value (null), the empty string and a missing field look different; Explain reads them", async ({
    app,
    demo: sim,
    panels,
  }) => {
    const rows = [
      {
        userId: 1,
        eventType: "view",
        eventTime: "2020-01-01 00:00:01",
        price: null,
        brand: "apple",
        note: "",
      },
      { userId: 1, eventType: null, eventTime: "2020-01-01 00:00:02", price: 5, brand: "", note: "x" },
      { userId: 1, eventType: "view", eventTime: "2020-01-01 00:00:03", price: 11 },
    ];
    await sim.pickFile("cells.jsonl", `${rows.map((r) => JSON.stringify(r)).join("\n")}\n`);
    const cells = sim.previewTable.locator("tbody tr");
    await expect(cells.nth(0).locator("td .sim-no-value")).toHaveText(["null", '""']);
    await expect(cells.nth(1).locator("td .sim-no-value")).toHaveText(["null", '""']);
    // Row 3 has no brand and no note: blank cells.
    await expect(cells.nth(2).locator("td").nth(4)).toHaveText("");
    await expect(cells.nth(2).locator("td .sim-no-value")).toHaveCount(0);
    await sim.control("mapping.key").selectOption("userId");
    await sim.control("mapping.time").selectOption("eventTime");
    await sim.control("mapping.type").selectOption("eventType");
    await sim.control("loadFile").click();
    await expect(sim.position).toHaveText("event 0 / 3");
    await sim.runToEnd();

    await sim.openTab("stream");
    const second = sim.rows("stream").nth(1);
    await expect(second).toContainText('"eventType":null');
    await expect(second).toContainText('"brand":""');
    await expect(second.locator(".sim-no-value")).toHaveText("null");
    await expect(sim.rows("stream").first()).toContainText('"price":null');
    await expect(sim.rows("stream").nth(2)).not.toContainText("brand");
    await app.screenshot("input-values-stream-1280");

    // Explain and the Key inspector read rows with no value in their fields.
    await panels.explainLine(3);
    await expect(panels.byId("sim.explain.heading")).toContainText("Line 3 · key 1");
    await expect(panels.byId("sim.explain.error")).toHaveCount(0);
    await panels.inspectKey("1");
    await expect(panels.byId("sim.keys.state")).toBeVisible();
    app.expectCleanRun();
  });

  test("the broadcast schedule warns about duplicate keys and names the path of a 1e400", async ({
    app,
    demo: sim,
    panels,
  }) => {
    await expect(sim.position).toHaveText("event 0 / 4");
    await panels.writeBroadcast('[{"at": 0, "at": 1, "config": {"minPrice": 100}}]');
    await expect(panels.broadcastWarnings).toHaveText(
      `1:12: [0].at: duplicate key "at" (first at 1:3); ${JACKSON}`,
    );
    await panels.applyBroadcast();
    await expect(panels.broadcastProblems).toHaveCount(0);

    await panels.writeBroadcast('[{"at": 1e400, "remove": "1"}]');
    await expect(panels.broadcastWarnings).toHaveCount(0);
    await panels.byId("sim.broadcast.apply").click();
    await expect(panels.broadcastProblems).toHaveText(
      "the schedule cannot be read: 1:9: [0].at: the number 1e400 is beyond a double's range (±1.8e308); Flink's Jackson would read it as Infinity",
    );
    await app.screenshot("input-values-broadcast-1280");
    app.expectCleanRun();
  });
});
