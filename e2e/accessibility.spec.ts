/**
 * Accessibility guard: axe-core's WCAG 2.0 / 2.1 A and AA rules find nothing in the app's main
 * views — the designer as it opens with the inspector on a stage, an edge and the pattern, the
 * right panel's Source and Export tabs, every simulator tab with the demo's run in it, and the
 * Import (empty, with errors, ready to import), Templates and Share dialogs. Views after the first
 * load are audited in the part of the page that changed. Nothing is excluded: Monaco's and React
 * Flow's DOM pass as the app configures them. A failure lists every violation once (rule, impact,
 * element, the views it was found in, and axe's help). One test checks the keyboard side of two
 * fixes the audit led to: the dock's tabs answer Home / End, and a scrolling panel with nothing
 * focusable in it is a Tab stop.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "./pages/fixtures.ts";
import { dockTabIds } from "./pages/simulatorPanelsPage.ts";

/** The dock (the simulator's audits look at it alone: the rest of the page is the designer's tests'). */
const DOCK = '[data-testid="sim.dock"]';
const INSPECTOR = '[data-testid="inspector"]';
const RIGHT_PANEL = '[data-testid="app.right"]';
const SCENARIO_1 = path.resolve(import.meta.dirname, "../src/scenarios/seed/scenario1.rule.json");

test.describe("accessibility (axe, WCAG 2.1 AA)", () => {
  test("the designer as it opens, and the inspector on a stage, an edge and the pattern", async ({
    app,
    a11y,
    designer,
  }) => {
    await app.open();
    await expect(designer.node("first_view")).toBeVisible();
    await a11y.audit("first load");
    await designer.selectStage("first_view");
    await a11y.audit("inspector: stage", INSPECTOR);
    await designer.selectEdge("first_view", "second_view");
    await a11y.audit("inspector: edge", INSPECTOR);
    await designer.selectPattern();
    await a11y.audit("inspector: pattern", INSPECTOR);
    a11y.expectNoViolations();
    app.expectCleanRun();
  });

  test("the right panel's Source and Export tabs and the side-by-side export", async ({
    app,
    a11y,
    editors,
    page,
  }) => {
    await app.open();
    await app.showRightTab("source");
    await editors.expectSourceReady();
    await a11y.audit("source tab", RIGHT_PANEL);
    await app.showRightTab("export");
    await editors.expectExportReady();
    await a11y.audit("export tab", RIGHT_PANEL);
    await page.getByTestId("export.open").click();
    await expect(page.getByTestId("export.dialog")).toBeVisible();
    await a11y.audit("export dialog", '[data-testid="export.dialog"]');
    a11y.expectNoViolations();
    app.expectCleanRun();
  });

  // The dock's tabs in three groups (the run's outputs; the key and event panels; the rest), each
  // after a run of the demo to its end so tables, timeline and metrics hold output.
  const groups = [dockTabIds.slice(0, 6), dockTabIds.slice(6, 9), dockTabIds.slice(9)];
  for (const tabs of groups) {
    test(`simulator tabs ${tabs.join(", ")} after a run of the demo`, async ({
      app,
      a11y,
      demo: sim,
      panels,
    }) => {
      await sim.runToEnd();
      if (tabs.includes("data")) {
        await sim.openSettings();
        await a11y.audit("run settings", DOCK);
        await sim.page.keyboard.press("Escape");
      }
      for (const id of tabs) {
        await panels.showPanel(id);
        // The key inspector and Explain are audited showing what they are for: a key's state, an
        // event's explanation.
        if (id === "keys") {
          await panels.inspectKey("519698804");
          await expect(panels.byId("sim.keys.owner")).toBeVisible();
        } else if (id === "explain") {
          await panels.explainLine(2);
          await expect(panels.explainSentences.first()).toBeVisible();
        }
        await a11y.audit(`${id} tab`, DOCK);
      }
      a11y.expectNoViolations();
      app.expectCleanRun();
    });
  }

  test("the dock's tabs answer Home and End, and the metric charts take the keyboard to scroll", async ({
    app,
    demo: sim,
    panels,
    page,
  }) => {
    await sim.waitReady(4);
    await page.getByTestId("sim.tab.timeline").focus();
    await page.keyboard.press("End");
    await expect(page.getByTestId("sim.tab.share")).toBeFocused();
    await expect(page.getByTestId("sim.tab.share")).toHaveAttribute("aria-selected", "true");
    await page.keyboard.press("Home");
    await expect(page.getByTestId("sim.tab.data")).toBeFocused();
    await panels.showPanel("metrics");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("region", { name: "Metric charts" })).toBeFocused();
    app.expectCleanRun();
  });

  test("the Import, Templates and Share dialogs", async ({ app, a11y, io, page }) => {
    await app.open();
    await io.openImport();
    await a11y.audit("import");
    await io.paste('{\n  "nodes": [\n    oops\n  ]\n}');
    await expect(io.errors).toBeVisible();
    await a11y.audit("import: errors");
    await io.paste(readFileSync(SCENARIO_1, "utf8"));
    await expect(page.getByTestId("import.review")).toBeVisible();
    await a11y.audit("import: review");
    await page.keyboard.press("Escape");
    await io.openTemplates();
    await a11y.audit("templates");
    await page.keyboard.press("Escape");
    await io.openShare();
    await a11y.audit("share");
    a11y.expectNoViolations();
    app.expectCleanRun();
  });
});
