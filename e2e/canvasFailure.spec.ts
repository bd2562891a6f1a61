/**
 * A canvas that fails to render stays a message in the canvas: the rest of the app goes on, and
 * the canvas is tried again when asked or when the active rule changes. The failure is made by a
 * ResizeObserver that refuses to watch anything inside the canvas (React Flow measures with it).
 */
import { failingResizeObserver, RESIZE_OBSERVER_WORKS } from "./pages/failingResizeObserver.ts";
import { expect, test } from "./pages/fixtures.ts";

test.beforeEach(async ({ page }) => {
  await page.addInitScript(
    failingResizeObserver('[data-testid="designer.canvas"]', "the canvas cannot be measured"),
  );
});

test("a failing canvas shows why in its place; the app goes on, and another rule draws again", async ({
  app,
  page,
  designer,
}) => {
  await app.open();
  const failure = page.getByTestId("designer.frame.error");
  await expect(failure).toContainText("The canvas view could not be shown (the canvas cannot be measured)");
  // The rest of the app is there and works.
  await expect(page.getByTestId("inspector")).toBeVisible();
  await page.getByRole("tab", { name: "Source" }).click();
  await expect(page.getByTestId("source")).toBeVisible();

  // Try again while it still fails: the message stays.
  await failure.getByRole("button", { name: "Try again" }).click();
  await expect(failure).toBeVisible();

  // Once drawing works, choosing another rule draws it without asking.
  await page.evaluate(RESIZE_OBSERVER_WORKS);
  await page.getByText("Rule 2", { exact: true }).click();
  await expect(failure).toHaveCount(0);
  await expect(designer.node("cart_add")).toBeVisible();
  expect(app.pageErrors).toEqual([]);
});

test("Try again draws the canvas once it can", async ({ app, page, designer }) => {
  await app.open();
  const failure = page.getByTestId("designer.frame.error");
  await expect(failure).toBeVisible();
  await page.evaluate(RESIZE_OBSERVER_WORKS);
  await failure.getByRole("button", { name: "Try again" }).click();
  await expect(designer.node("first_view")).toBeVisible();
});
