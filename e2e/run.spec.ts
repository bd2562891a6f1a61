import { expect, test } from "@playwright/test";

test.describe("run panel", () => {
  test("runs scenarios in the CEP worker: matches, timeouts, watermark", async ({ page }) => {
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto("/");
    const scenarios = page.getByRole("navigation", { name: "Scenarios" }).getByRole("button");
    const panel = page.getByRole("region", { name: "Run" });

    await scenarios.filter({ hasText: "High-value cart recovery" }).click();
    await expect(panel.getByTestId("run-progress")).toContainText("events 0 / 3");
    await panel.getByRole("button", { name: "Run", exact: true }).click();
    await expect(panel.getByTestId("run-progress")).toContainText("finished");
    await expect(panel.getByTestId("run-progress")).toContainText("events 3 / 3");
    await expect(panel.getByTestId("run-progress")).toContainText("+∞ (end of input)");
    const matches = panel.getByTestId("run-matches").locator("tbody tr");
    const timeouts = panel.getByTestId("run-timeouts").locator("tbody tr");
    await expect(matches).toHaveCount(1);
    await expect(matches).toContainText("590404850");
    await expect(matches).toContainText("cart_add: cart @ 2020-01-01 01:11:02.0 (line 3)");
    await expect(timeouts).toHaveCount(1);
    await expect(timeouts).toContainText("517014550");
    await expect(timeouts).toContainText("2020-01-01T01:31:01.000Z");

    // Reset, then step: one event, watermark at its time minus 1 ms.
    await panel.getByRole("button", { name: "Reset" }).click();
    await expect(panel.getByTestId("run-progress")).toContainText("events 0 / 3");
    await panel.getByRole("button", { name: "Step" }).click();
    await expect(panel.getByTestId("run-progress")).toContainText("events 1 / 3");
    await expect(panel.getByTestId("run-progress")).toContainText("2020-01-01T01:01:00.999Z");

    await scenarios.filter({ hasText: "Cross-selling" }).click();
    await panel.getByRole("button", { name: "Run", exact: true }).click();
    await expect(panel.getByTestId("run-progress")).toContainText("finished");
    await expect(panel.getByTestId("run-matches").locator("tbody tr")).toHaveCount(3);
    await panel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: "/tmp/run-panel.png", fullPage: true });
    expect(errors).toEqual([]);
  });
});
