/**
 * Two tabs on one saved document never overwrite each other silently, and a processor run shows
 * its broadcast state per subtask on the Broadcast tab.
 */
import { expect, test } from "./pages/fixtures.ts";
import type { Page } from "@playwright/test";
import { SimulatorPage } from "./pages/simulatorPage.ts";

interface TestApi {
  runCommand(id: string): void;
  getDocument(): { rules: unknown[] };
}

function ruleCount(page: Page): Promise<number> {
  return page.evaluate(
    () => (globalThis as unknown as { __cepTest: TestApi }).__cepTest.getDocument().rules.length,
  );
}

test("a save from another tab asks before either tab's work is overwritten", async ({ browser }) => {
  const context = await browser.newContext();
  const one = await context.newPage();
  const two = await context.newPage();
  await one.goto("/");
  await new SimulatorPage(one).waitReady();
  await two.goto("/");
  await new SimulatorPage(two).waitReady();
  await one.evaluate(() => {
    (globalThis as unknown as { __cepTest: TestApi }).__cepTest.runCommand("addRule");
  });
  await expect(two.getByTestId("app.banner")).toContainText("changed in another tab");
  await two.getByTestId("app.banner.action.Keep mine").click();
  // Keeping tab two's document is a save of its own: now tab one is asked.
  await expect(one.getByTestId("app.banner")).toContainText("changed in another tab");
  await one.getByTestId("app.banner.action.Reload it").click();
  await expect.poll(() => ruleCount(one)).toBe(await ruleCount(two));
  await context.close();
});

test("a processor run shows each subtask's processor broadcast state", async ({
  page,
  app,
  sim,
  processors,
}) => {
  await app.open();
  await sim.waitReady();
  await processors.open();
  await processors.pick("purchase-path");
  await processors.loadData();
  await sim.waitReady();
  await sim.runToEnd();
  await page.getByTestId("sim.tab.broadcast").click();
  await expect(page.getByTestId("sim.broadcast.processorState").first()).toContainText(
    "configBroadcastState",
  );
  app.expectCleanRun();
});
