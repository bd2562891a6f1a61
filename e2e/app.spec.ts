import { expect, test } from "@playwright/test";

test.describe("app shell", () => {
  test("opens with the seed scenarios and shows each rule's chain and exports", async ({ page }) => {
    const external: string[] = [];
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (url.hostname !== "127.0.0.1") external.push(request.url());
    });
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "CEP Studio" })).toBeVisible();
    const scenarios = page.getByRole("navigation", { name: "Scenarios" }).getByRole("button");
    await expect(scenarios).toHaveCount(5);

    await expect(page.locator(".stage-name")).toHaveText(["first_view", "second_view"]);
    await expect(page.locator(".edge")).toHaveText(["next"]);
    await expect(page.getByTestId("export-output")).toContainText('"className": "com.alibaba.ververica');

    await scenarios.filter({ hasText: "High-value cart recovery" }).click();
    await expect(page.locator(".stage-name")).toHaveText(["cart_add", "purchase"]);
    await expect(page.locator(".edge")).toHaveText(["followedBy"]);
    await page.getByRole("tab", { name: "Java Pattern API" }).click();
    await expect(page.getByTestId("export-output")).toContainText('Pattern.<Event>begin("cart_add"');
    await page.getByRole("tab", { name: "Flink SQL" }).click();
    await expect(page.getByLabel("Export notes")).toContainText("NO SKIP");

    // The clickstream keeps 19-digit category ids exactly.
    await expect(page.locator("table.events")).toContainText("2232732093077520756");
    expect(external).toEqual([]);
  });
});
