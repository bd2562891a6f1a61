import { expect, test } from "./pages/fixtures.ts";

test.describe("app shell", () => {
  test("opens with the demo ready: scenario 1's rule and clickstream, nothing leaving the page", async ({
    app,
    sim,
  }) => {
    await app.open();
    await expect(sim.dock).toBeVisible();
    await sim.waitReady(4);
    await sim.openTab("data");
    await expect(sim.control("dataName")).toHaveText("Cross-selling: two views in a row");
    await expect(sim.control("currentData")).toContainText(
      "key userId · event time eventTime · type eventType",
    );
    await expect(sim.control("play")).toBeEnabled();
    expect(app.externalRequests).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  });
});
