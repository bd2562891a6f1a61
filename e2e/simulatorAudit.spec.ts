/**
 * Bad input in the simulator: files that give nothing to load say why (and load nothing), a
 * minified JSON array previews and loads, bad rows are named by file and line, ids beyond 2^53
 * stay exact, and a scenario link whose broadcast schedule the run refuses says so. A refused
 * setting keeps its text and says what it takes; max parallelism, key type and the final watermark
 * change the run and travel in a link; the seek slider speaks of events while dragged;
 * the Share tab shows a refused link as an error; the dock fits a 1024 × 700 window.
 */
import { expect, test } from "./pages/fixtures.ts";
import type { Locator } from "@playwright/test";
import { deflateSync, inflateSync, strFromU8, strToU8 } from "fflate";

test.describe("simulator: bad input", () => {
  test("a file with nothing to load says why; a minified JSON array previews and loads", async ({
    app,
    demo: sim,
  }) => {
    const cases: [string, string | Uint8Array, string][] = [
      ["empty.csv", "", "nothing to load: it is empty"],
      ["header.csv", "userId,eventType,eventTime\n", "nothing to load: it holds only a header line"],
      ["photo.csv", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x2c, 0x0a]), "not a text file"],
    ];
    for (const [name, content, verdict] of cases) {
      await sim.pickFile(name, content);
      await expect(sim.previewVerdict).toContainText(verdict);
      await expect(sim.control("mapping")).toHaveCount(0);
    }
    // Nothing was loaded: the run still reads the demo.
    await expect(sim.position).toHaveText("event 0 / 4");

    // One line of 300 KB: the preview reads the events before its cut.
    const events = Array.from({ length: 6000 }, (_, i) => ({ account: `a${i % 40}`, ts: 1700000000000 + i }));
    await sim.pickFile("export.json", JSON.stringify(events));
    await expect(sim.previewVerdict).toContainText("schema not recognised");
    await sim.control("mapping.key").selectOption("account");
    await sim.control("loadFile").click();
    await expect(sim.position).toHaveText("event 0 / 6 000");
    app.expectCleanRun();
  });

  test("bad rows are named by file and line, and a 2^63 − 1 id stays exact", async ({ app, demo: sim }) => {
    const lines = [
      '{"uid": 9223372036854775807, "kind": "view", "at": "2020-01-01 00:00:01"}',
      "not json",
      '{"uid": 9223372036854775806, "kind": "cart", "at": "2020-01-01 00:00:02"}',
      '{"kind": "cart", "at": "2020-01-01 00:00:03"}',
    ];
    await sim.loadFile("clicks.jsonl", `${lines.join("\n")}\n`, { key: "uid", time: "at" });
    await expect(sim.position).toHaveText("event 0 / 3");
    await sim.runToEnd();
    await sim.openTab("data");
    await expect(sim.control("problems")).toContainText("clicks.jsonl:2: invalid JSON");
    await expect(sim.control("problems")).toContainText("clicks.jsonl:4: no value for key field 'uid'");
    await sim.openTab("stream");
    await expect(sim.rows("stream").first()).toContainText("9223372036854775807");
    await expect(sim.rows("stream").nth(1)).toContainText("9223372036854775806");
    // Line 4 has no key: the source skipped it, and the Stream tab says so.
    await expect(sim.rows("stream").nth(2)).toContainText("skipped");
    await expect(sim.rows("stream").nth(1)).toContainText("processed");
    app.expectCleanRun();
  });

  test("a scenario link whose broadcast schedule the run refuses opens with that remark", async ({
    app,
    sim,
    panels,
  }) => {
    await app.open();
    await sim.waitReady(4);
    const link = await panels.makeLink();
    const [base, payload] = link.split("#scenario=");
    const view = JSON.parse(strFromU8(inflateSync(Buffer.from(payload ?? "", "base64url")))) as object;
    const damaged = { ...view, broadcast: '[{"at": -1, "remove": "1"}]' };
    const packed = Buffer.from(deflateSync(strToU8(JSON.stringify(damaged)))).toString("base64url");
    await panels.byId("sim.share.paste").fill(`${base ?? ""}#scenario=${packed}`);
    await panels.byId("sim.share.open").click();
    await expect(panels.byId("sim.share.status")).toContainText(
      "Opened, with remarks: the link's broadcast schedule was not applied",
    );
    await expect(panels.byId("sim.share.status")).toContainText("[0].at");
    app.expectCleanRun();
  });
});

test.describe("simulator: run bar and Share tab", () => {
  test("a millisecond setting keeps refused text, says what it takes, and Escape brings the value back", async ({
    app,
    demo: sim,
  }) => {
    await sim.openSettings();
    const field = sim.control("outOfOrderness");
    await expect(sim.settingError("outOfOrderness")).toHaveCount(0);
    await field.fill("-5");
    await field.press("Enter");
    await expect(field).toHaveValue("-5");
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(sim.settingError("outOfOrderness")).toHaveText("A whole number of ms, 0 or more.");
    await expect(field).toHaveAccessibleDescription("A whole number of ms, 0 or more.");
    // Leaving the field keeps the text too; the run kept its setting.
    await field.fill("abc");
    await field.press("Tab");
    await expect(field).toHaveValue("abc");
    await expect(sim.control("settings")).toContainText("0 ms behind");
    const interval = sim.control("watermarkInterval");
    await interval.fill("0");
    await interval.press("Enter");
    await expect(sim.settingError("watermarkInterval")).toHaveText(
      "A whole number of ms, 1 or more — or blank: every event.",
    );
    await interval.fill("");
    await interval.press("Enter");
    await expect(sim.settingError("watermarkInterval")).toHaveCount(0);
    // Escape drops what was typed, and leaves the popover open; a second Escape closes it.
    await field.press("Escape");
    await expect(field).toHaveValue("0");
    await expect(sim.settingError("outOfOrderness")).toHaveCount(0);
    await expect(sim.settingsPanel).toBeVisible();
    await field.fill("250");
    await field.press("Enter");
    await expect(sim.control("settings")).toContainText("250 ms behind");
    await field.press("Escape");
    await expect(sim.settingsPanel).toBeHidden();
    app.expectCleanRun();
  });

  test("max parallelism and key type move a key; without the final watermark its match stays open; a link keeps them", async ({
    app,
    demo: sim,
    panels,
  }) => {
    await sim.runToEnd();
    const owner = panels.byId("sim.keys.owner");
    await panels.inspectKey("519698804");
    await expect(owner).toContainText("subtask 0 of 1 · key group 102");
    await expect(panels.partialMatches).toHaveCount(0);

    await sim.openSettings();
    await sim.setKeyAssignment({ parallelism: 4 });
    await expect(owner).toContainText("subtask 3 of 4 · key group 102");
    // Fewer key groups than subtasks is refused, and the text stays with what the field takes.
    await sim.setKeyAssignment({ maxParallelism: 2 });
    await expect(sim.control("maxParallelism")).toHaveValue("2");
    await expect(sim.settingError("maxParallelism")).toHaveText(
      "A whole number of key groups, from 4 to 32 768.",
    );
    await sim.setKeyAssignment({ maxParallelism: 256 });
    await expect(sim.settingError("maxParallelism")).toHaveCount(0);
    await expect(owner).toContainText("subtask 1 of 4 · key group 102");
    await sim.setKeyAssignment({ keyType: "Long" });
    await expect(owner).toContainText("subtask 2 of 4 · key group 163");
    // The end of input no longer fires the window: the last view's partial match stays open.
    await sim.setFinalWatermark(false);
    await expect(panels.partialMatches).not.toHaveCount(0);
    await expect(sim.control("settings")).toContainText(
      "0 ms behind · no final watermark · 4 subtasks · 256 key groups · Long keys",
    );

    const link = await panels.makeLink();
    const payload = link.split("#scenario=")[1] ?? "";
    const view = JSON.parse(strFromU8(inflateSync(Buffer.from(payload, "base64url")))) as {
      settings: object;
    };
    expect(view.settings).toMatchObject({ maxParallelism: 256, keyType: "Long", finalWatermark: false });
    // Back to the defaults, the summary names none of them.
    await sim.openSettings();
    await sim.setFinalWatermark(true);
    await sim.setKeyAssignment({ maxParallelism: 128, keyType: "String" });
    await expect(sim.control("settings")).toHaveText(/Settings: 0 ms behind · 4 subtasks ▾/);
    await panels.inspectKey("519698804");
    await expect(panels.partialMatches).toHaveCount(0);
    app.expectCleanRun();
  });

  test("the seek slider counts events while dragged, past watermark records and bad rows", async ({
    app,
    demo: sim,
  }) => {
    const lines = [
      '{"uid": 1, "kind": "view", "at": "2020-01-01 00:00:01"}',
      "not json",
      '{"$watermark": 1577836801000}',
      '{"uid": 2, "kind": "cart", "at": "2020-01-01 00:00:02"}',
      '{"uid": 3, "kind": "buy", "at": "2020-01-01 00:00:03"}',
    ];
    await sim.loadFile("clicks.jsonl", `${lines.join("\n")}\n`, { key: "uid", time: "at" });
    await expect(sim.position).toHaveText("event 0 / 3");
    // Items: event, bad row, watermark record, event, event.
    for (const [item, events] of [
      [3, 1],
      [4, 2],
      [5, 3],
      [1, 1],
    ] as const) {
      await sim.dragSeek(item);
      await expect(sim.position).toHaveText(`event ${events} / 3`);
      await expect(sim.control("seek")).toHaveAttribute("aria-valuetext", `event ${events} of 3`);
    }
    await sim.seek(4);
    await expect(sim.position).toHaveText("event 2 / 3");
    app.expectCleanRun();
  });

  test("a link the Share tab cannot open is shown as an error", async ({ app, sim, panels }) => {
    await app.open();
    await sim.waitReady(4);
    await panels.openTab("share");
    await panels.byId("sim.share.paste").fill("#scenario=not-a-scenario");
    await panels.byId("sim.share.open").click();
    const status = panels.byId("sim.share.status");
    await expect(status).toContainText("Not opened:");
    await expect(status).toHaveAttribute("role", "alert");
    await expect(status).toHaveClass(/sim-error-text/);
    await expect(status).toHaveCSS("color", "rgb(198, 40, 40)");
    // Below the field in a short dock: it is scrolled into sight.
    await expect(status).toBeInViewport();
    app.expectCleanRun();
  });

  test("at 1024 × 700 the run bar, every dock tab and the settings popover are on screen", async ({
    page,
    app,
    sim,
  }) => {
    await page.setViewportSize({ width: 1024, height: 700 });
    await app.open();
    await sim.waitReady(4);
    const onScreen = async (locator: Locator) => {
      await expect(locator).toBeVisible();
      const box = await locator.boundingBox();
      expect(box).not.toBeNull();
      if (box === null) return;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(1024);
      expect(box.y + box.height).toBeLessThanOrEqual(700);
    };
    for (const id of [
      "play",
      "step",
      "stepWatermark",
      "reset",
      "speed",
      "seek",
      "position",
      "state",
      "settings",
    ])
      await onScreen(sim.control(id));
    // Every tab is in view without scrolling the tab strip, the last one (Share) included.
    const tabs = sim.dock.getByRole("tab");
    expect(await tabs.count()).toBeGreaterThanOrEqual(13);
    for (const tab of await tabs.all()) await onScreen(tab);
    await sim.openSettings();
    await sim.control("outOfOrderness").fill("-5");
    await expect(sim.settingError("outOfOrderness")).toBeVisible();
    await onScreen(sim.settingsPanel);
    app.expectCleanRun();
  });
});
