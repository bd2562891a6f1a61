/**
 * Bad input in the simulator: files that give nothing to load say why (and load nothing), a
 * minified JSON array previews and loads, bad rows are named by file and line, ids beyond 2^53
 * stay exact, and a scenario link whose broadcast schedule the run refuses says so.
 */
import { expect, test } from "@playwright/test";
import { deflateSync, inflateSync, strFromU8, strToU8 } from "fflate";
import { AppPage } from "./pages/appPage.ts";
import { SimulatorPage } from "./pages/simulatorPage.ts";
import { SimulatorPanelsPage } from "./pages/simulatorPanelsPage.ts";

test.describe("simulator: bad input", () => {
  test("a file with nothing to load says why; a minified JSON array previews and loads", async ({ page }) => {
    const app = new AppPage(page);
    const sim = new SimulatorPage(page);
    await app.open();
    await sim.waitReady(4);
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

  test("bad rows are named by file and line, and a 2^63 − 1 id stays exact", async ({ page }) => {
    const app = new AppPage(page);
    const sim = new SimulatorPage(page);
    await app.open();
    await sim.waitReady(4);
    const lines = [
      '{"uid": 9223372036854775807, "kind": "view", "at": "2020-01-01 00:00:01"}',
      "not json",
      '{"uid": 9223372036854775806, "kind": "cart", "at": "2020-01-01 00:00:02"}',
      '{"kind": "cart", "at": "2020-01-01 00:00:03"}',
    ];
    await sim.pickFile("clicks.jsonl", `${lines.join("\n")}\n`);
    await sim.control("mapping.key").selectOption("uid");
    await sim.control("mapping.time").selectOption("at");
    await sim.control("loadFile").click();
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
    page,
  }) => {
    const app = new AppPage(page);
    const sim = new SimulatorPage(page);
    const panels = new SimulatorPanelsPage(page);
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
