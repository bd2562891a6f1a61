/**
 * The Processors tab: seed 000's purchase-path processor runs instead of the rules over generated
 * seed 000 data, its results show the article's fields, a user's filter counts in the worker,
 * and the Key inspector shows the user's purchase path just before the purchase that reported it.
 */
import { expect, test } from "./pages/fixtures.ts";

const SHOTS = "/tmp/team/shots";

test("purchase-path over generated seed 000 data: results and a user's keyed state", async ({
  page,
  sim,
  processors: proc,
}) => {
  const outside: string[] = [];
  page.on("request", (request) => {
    const url = request.url();
    if (!/^(http:\/\/127\.0\.0\.1:4173|blob:|data:)/.test(url)) outside.push(url);
  });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/");
  await sim.waitReady();

  await proc.open();
  await proc.pick("purchase-path");
  await expect(proc.about).toContainText("seed 000");
  await proc.loadData();
  await sim.waitReady();
  await expect(sim.position).toHaveText("event 0 / 5 000");
  await sim.runToEnd();

  await expect(proc.count).toHaveText(/^[1-9][\d\u202f\u00a0 ]* results$/);
  await expect(proc.table).toContainText("purchasePathLength");
  const first = await proc.row(0);
  // #, userId, channel, purchasePathLength, eventTypeCounts, subtask, line
  const [, userId, channel, length, counts, , line] = first.cells;
  expect(userId).toMatch(/^[0-9a-f]{32}$/);
  expect(["APP", "WEB", "WAP"]).toContain(channel);
  expect(counts).toContain("PURCHASE 1");
  await page.screenshot({ path: `${SHOTS}/R3-processors.png` });

  await proc.filter(userId ?? "");
  await expect(proc.count).toHaveText(/ of /);
  await expect(proc.rows.first()).toContainText(userId ?? "");

  // Just before the purchase (CSV line L is input item L − 2), the user's path on that channel
  // holds every event of the result but the purchase.
  await sim.seek(Number(line) - 2);
  await proc.inspectKey(userId ?? "");
  const path = proc.paths.filter({ hasText: `${channel ?? ""}:` });
  await expect(path).toContainText(`${Number(length) - 1} events collected`);
  await expect(path).toContainText(`a purchase now makes a path of ${length ?? ""}, which is reported`);
  await page.screenshot({ path: `${SHOTS}/R3-processor-key.png` });

  await proc.open();
  await proc.pick("none");
  await expect(proc.table).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/R3-processors-idle.png` });
  expect(outside).toEqual([]);
});
