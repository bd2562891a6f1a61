import { expect, test } from "./pages/fixtures.ts";
import type { AppPage } from "./pages/appPage.ts";

/** The right panel's lazy chunks: the rule source view and the export panel (with the SQL / Java exporters). */
const SOURCE_CHUNK = /\/RuleSourceView-[^/]*\.js$/;
const EXPORT_CHUNK = /\/ExportPanel-[^/]*\.js$/;

/**
 * Remembers, from before the app's first script runs, whether the right panel ever showed its
 * loading status (a string: e2e code compiles without the DOM library).
 */
const WATCH_LOADING = `
  globalThis.__sawRightPanelLoading = false;
  new MutationObserver(() => {
    if (document.querySelector('[data-testid="app.right.panel.loading"]'))
      globalThis.__sawRightPanelLoading = true;
  }).observe(document, { childList: true, subtree: true });
`;

const sawLoading = (app: AppPage) => app.page.evaluate<boolean>("globalThis.__sawRightPanelLoading === true");

test.describe("right panel", () => {
  test("opens on the Inspector with no loading state and fetches Source and Export in the background", async ({
    page,
    app,
  }) => {
    const fetched: string[] = [];
    page.on("request", (request) => {
      if (SOURCE_CHUNK.test(request.url())) fetched.push("source");
      if (EXPORT_CHUNK.test(request.url())) fetched.push("export");
    });
    await page.addInitScript(WATCH_LOADING);
    await app.open();
    await expect(page.getByTestId("app.right.tab.inspector")).toHaveAttribute("aria-selected", "true");
    // Nobody opened Source or Export, yet both arrive once the app has settled...
    await expect.poll(() => [...fetched].sort()).toEqual(["export", "source"]);
    await page.waitForLoadState("networkidle");
    // ...so their first show is at once.
    await app.showRightTab("source");
    await expect(page.getByTestId("source")).toBeVisible();
    await app.showRightTab("export");
    await expect(page.getByTestId("export")).toBeVisible();
    expect(await sawLoading(app)).toBe(false);

    // The default tab is in the entry chunk: a reload paints the Inspector without a loading state.
    await page.reload();
    await expect(page.getByTestId("inspector")).toBeVisible();
    await expect(page.getByTestId("app.right.tab.inspector")).toHaveAttribute("aria-selected", "true");
    expect(await sawLoading(app)).toBe(false);
    app.expectCleanRun();
  });

  test("a tab says it is loading, and offers to try again when its chunk cannot be fetched", async ({
    page,
    app,
  }) => {
    // The Source chunk waits until released; the Export chunk cannot be fetched at first.
    let release: (value?: unknown) => void = () => undefined;
    const held = new Promise((resolve) => {
      release = resolve;
    });
    await page.route(SOURCE_CHUNK, async (route) => {
      await held;
      await route.continue();
    });
    await page.route(EXPORT_CHUNK, (route) => route.abort());
    await page.addInitScript(WATCH_LOADING);
    await app.open();

    await app.showRightTab("source");
    await expect(app.rightPanelStatus("loading")).toHaveText("Loading Source…");
    await expect(app.rightPanelStatus("loading")).toHaveAttribute("role", "status");
    await app.screenshot("E-right-loading");
    release();
    await expect(page.getByTestId("source")).toBeVisible();
    await expect(app.rightPanelStatus("loading")).toHaveCount(0);
    // The watcher the first test relies on does see a loading status.
    expect(await sawLoading(app)).toBe(true);

    await app.showRightTab("export");
    await expect(app.rightPanelStatus("error")).toContainText("The Export view could not be shown");
    await app.screenshot("E-right-error");
    // The failure stays with its tab: the Inspector and Source still show.
    await app.showRightTab("inspector");
    await expect(page.getByTestId("inspector")).toBeVisible();
    await app.showRightTab("export");
    await page.unroute(EXPORT_CHUNK);
    await app.rightPanelStatus("error").getByRole("button", { name: "Try again" }).click();
    await expect(page.getByTestId("export")).toBeVisible();
    app.expectCleanRun();
  });
});
