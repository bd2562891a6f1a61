/**
 * Unsaved changes of several tabs: each page load keeps its own localStorage copy, so two tabs
 * closed with changes that never reached IndexedDB lose neither; the next starts offer them one
 * at a time by the tabs' revision rules (here, both made before a third tab's save: a choice each).
 */
import { expect, test } from "./pages/fixtures.ts";
import { AppPage } from "./pages/appPage.ts";
import { InspectorPage } from "./pages/inspectorPage.ts";

test("two tabs closed with unsaved changes keep both; each is offered in turn", async ({
  page,
  context,
  app,
  inspector,
}) => {
  await app.open();
  const tabB = new AppPage(await context.newPage());
  await tabB.open();
  const tabC = new AppPage(await context.newPage());
  await tabC.open();
  const inC = new InspectorPage(tabC.page);
  // C saves: A and B save nothing from now on until their users choose.
  await inC.setRuleId("from-c");
  await expect(app.banner).toContainText("changed in another tab");
  await expect(tabB.banner).toContainText("changed in another tab");
  await inspector.setRuleId("from-a");
  await new InspectorPage(tabB.page).setRuleId("from-b");
  // Both leave, A first: each page load wrote its own copy, neither overwrote the other.
  await page.goto("about:blank");
  await tabB.page.goto("about:blank");
  const copies = await tabC.unsavedCopies();
  expect(copies).toHaveLength(2);
  expect(copies.join()).toContain("from-a");
  expect(copies.join()).toContain("from-b");

  // C's next start offers the later copy (B's), and says another one waits.
  await tabC.page.reload();
  const fieldInC = inC.field("inspector.pattern.ruleId");
  await expect(fieldInC).toHaveValue("from-b");
  await expect(tabC.banner).toContainText("Another tab closed with changes that were not saved");
  await expect(tabC.banner).toContainText("changed in another tab");
  await tabC.page.setViewportSize({ width: 1024, height: 700 });
  await tabC.screenshot("unsaved-tabs-offered");
  await tabC.page.getByTestId("app.banner.action.Keep mine").click();
  await expect.poll(() => tabC.savedDocumentText()).toContain('"from-b"');

  // The start after offers A's, made before B's was kept: the user picks the saved one.
  await tabC.page.reload();
  await expect(fieldInC).toHaveValue("from-a");
  await tabC.page.getByTestId("app.banner.action.Reload it").click();
  await expect(fieldInC).toHaveValue("from-b");
  expect(await tabC.unsavedCopies()).toEqual([]);
  app.expectCleanRun();
  tabB.expectCleanRun();
  tabC.expectCleanRun();
});
