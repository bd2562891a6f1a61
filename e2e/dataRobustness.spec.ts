/**
 * Files from outside in the Data tab, read as the CLI reads them: UTF-16 is refused with the
 * reason before anything is loaded, Latin-1 bytes are read with a warning naming the row and
 * column, lone CR line ends end rows, a first line longer than the preview's first bytes still
 * previews, a JSON array written on one line streams element by element, and a large file loads
 * while the page stays responsive.
 */
import { DataRobustnessPage, latin1, utf16le } from "./pages/dataRobustnessPage.ts";
import { expect, test } from "./pages/fixtures.ts";
import { expectResponsive, startStallProbe } from "./pages/stallProbe.ts";

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

test.describe("simulator: data files from outside", () => {
  test("a UTF-16 file is refused with the reason; the data loaded before stays", async ({
    app,
    demo: sim,
  }) => {
    const data = new DataRobustnessPage(app.page);
    await sim.pickFile("excel-unicode.csv", utf16le("user,t\r\n1,1000\r\n2,2000\r\n"));
    await expect(data.verdict).toHaveText(
      "nothing to load: the file is UTF-16 text, not UTF-8 (a NUL byte between its characters): save it as UTF-8",
    );
    await expect(sim.control("mapping.key")).toHaveCount(0);
    await expect(sim.position).toHaveText("event 0 / 4");
    app.expectCleanRun();
  });

  test("Latin-1 bytes are read with a warning naming the row and the column", async ({ app, demo: sim }) => {
    const data = new DataRobustnessPage(app.page);
    const warning =
      "column 'city': bytes that are not UTF-8, read as '\uFFFD' (is the file Latin-1 or Windows-1252? save it as UTF-8)";
    await sim.pickFile("cities.csv", latin1("user,t,city\n1,1000,M\u00fcnchen\n2,2000,Paris\n"));
    await expect(data.previewWarnings).toHaveText(`line 2: ${warning}`);
    await sim.loadPicked("user", "t");
    await expect(sim.position).toHaveText("event 0 / 2");
    await expect(sim.rowWarnings).toHaveText(`cities.csv:2: ${warning}`);
    await app.screenshot("data-latin1-warning");
    app.expectCleanRun();
  });

  test("lone CR line ends (classic Mac) end rows, in CSV and JSON Lines", async ({ app, demo: sim }) => {
    const data = new DataRobustnessPage(app.page);
    await sim.pickFile("mac.csv", utf8("user,t,v\r1,1000,a\r2,2000,b\r3,3000,c\r"));
    await expect(data.verdict).toHaveText("schema not recognised — choose the fields below");
    await expect(sim.previewTable.locator("tbody tr")).toHaveCount(3);
    await sim.loadPicked("user", "t");
    await expect(sim.position).toHaveText("event 0 / 3");

    await sim.pickFile("mac.jsonl", utf8('{"user":1,"t":1000}\r{"user":2,"t":2000}\r'));
    await sim.loadPicked("user", "t");
    await expect(sim.position).toHaveText("event 0 / 2");
    app.expectCleanRun();
  });

  test("a first line longer than the preview's first bytes still previews and loads", async ({
    app,
    demo: sim,
  }) => {
    const data = new DataRobustnessPage(app.page);
    const long = JSON.stringify({ user: "a", t: 1000, note: "x".repeat(400_000) });
    await sim.pickFile("notes.jsonl", utf8(`${long}\n{"user":"b","t":2000,"note":""}\n`));
    await expect(data.verdict).toHaveText("schema not recognised — choose the fields below");
    await sim.loadPicked("user", "t");
    await expect(sim.position).toHaveText("event 0 / 2");

    // Over the bound of one event: said in the preview, not a dead end without a word.
    const huge = JSON.stringify({ user: "a", t: 1000, note: "x".repeat(11 * 1024 * 1024) });
    await sim.pickFile("huge.jsonl", utf8(`${huge}\n{"user":"b","t":2000}\n`));
    await expect(data.verdict).toContainText("nothing to load: its first record is longer than 10.1 MB");
    await expect(sim.position).toHaveText("event 0 / 2");
    app.expectCleanRun();
  });

  test("a JSON array on one line, as JSON.stringify writes it, previews and loads in chunks", async ({
    app,
    demo: sim,
  }) => {
    const data = new DataRobustnessPage(app.page);
    // 3 MB without a line break: longer than the preview's first bytes, streamed to the worker
    // in several chunks that cut elements, strings and multi-byte characters.
    const events = Array.from({ length: 20_000 }, (_, i) => ({
      user: `u${i % 97}`,
      t: 1_700_000_000_000 + i * 1000,
      note: `caf\u00e9 \ud83d\ude00 "${"n".repeat(i % 90)}" [${i}]`,
    }));
    const text = JSON.stringify(events);
    await sim.pickFile("one-line.json", utf8(text));
    await expect(data.verdict).toHaveText("schema not recognised — choose the fields below");
    await expect(sim.previewTable.locator("tbody tr").first()).toContainText("u0");
    await sim.loadPicked("user", "t");
    await expect(sim.position).toHaveText("event 0 / 20 000", { timeout: 10_000 });
    app.expectCleanRun();
  });

  test("a 12 MB CSV loads in the worker while the page stays responsive", async ({ app, demo: sim }) => {
    const data = new DataRobustnessPage(app.page);
    const rows = 200_000;
    const lines = ["user,t,kind,price,note"];
    for (let i = 0; i < rows; i++) {
      lines.push(
        `u${i % 997},${1_700_000_000_000 + i * 1000},${i % 30 === 0 ? "cart" : "view"},${i % 500}.25,${"n".repeat(i % 40)}`,
      );
    }
    const bytes = utf8(`${lines.join("\n")}\n`);
    await sim.pickFile("clicks.csv", bytes);
    await expect(data.verdict).toHaveText("schema not recognised — choose the fields below");
    await startStallProbe(app.page);
    await sim.loadPicked("user", "t");
    await expect(sim.position).toHaveText("event 0 / 200 000", { timeout: 15_000 });
    await expectResponsive(app.page);
    app.expectCleanRun();
  });

  test("a 9 MB cell does not freeze the Stream tab: the cell shows its start and how much more there is", async ({
    app,
    demo: sim,
  }) => {
    await sim.pickFile("blob.csv", utf8(`user,t,blob\n1,1000,${"y".repeat(9 << 20)}\n2,2000,z\n`));
    await sim.loadPicked("user", "t");
    await sim.runToEnd();
    await startStallProbe(app.page);
    await sim.openTab("stream");
    await expect(sim.rows("stream")).toHaveCount(2);
    await expect(sim.rows("stream").first()).toContainText("more characters)");
    await app.page.waitForTimeout(500);
    await expectResponsive(app.page);
    app.expectCleanRun();
  });
});
