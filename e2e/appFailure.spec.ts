/**
 * A failure no panel contains (here: the run bar's Settings popover, whose ResizeObserver is made
 * to refuse) leaves a message and a Reload button instead of a blank page, and the rules edited
 * before it are still there after the reload.
 */
import { failingResizeObserver } from "./pages/failingResizeObserver.ts";
import { expect, test } from "./pages/fixtures.ts";

test("an uncontained failure says so and offers a reload; the edited rules survive it", async ({
  app,
  page,
  io,
}) => {
  await page.addInitScript(failingResizeObserver(".sim-popover-panel", "the settings cannot be placed"));
  await app.open();
  const ruleId = page.getByTestId("inspector.pattern.ruleId");
  await ruleId.fill("renamed-before-the-failure");
  await ruleId.press("Enter");
  await expect(io.ruleRows.first()).toContainText("renamed-before-the-failure");

  await page.getByTestId("sim.settings").click();
  const failure = page.getByTestId("app.failure");
  await expect(failure).toContainText("CEP Studio stopped");
  await expect(failure).toContainText("the settings cannot be placed");

  await failure.getByRole("button", { name: "Reload" }).click();
  await expect(page.getByTestId("inspector")).toBeVisible();
  await expect(io.ruleRows.first()).toContainText("renamed-before-the-failure");
});
