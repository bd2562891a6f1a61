/**
 * The specs' `test`: Playwright's, extended with one page object per part of the app (each made
 * for the test's page on first use), and `demo` — the simulator once the app has opened on its
 * demo (scenario 1's rule over its 4 events) and the worker is ready to play it.
 */
import { test as base } from "@playwright/test";
import type { Page } from "@playwright/test";
import { AccessibilityPage } from "./accessibilityPage.ts";
import { AppPage } from "./appPage.ts";
import { DesignerPage } from "./designerPage.ts";
import { EditorsPage } from "./editorsPage.ts";
import { HiddenTextPage } from "./hiddenTextPage.ts";
import { ImportPage } from "./importPage.ts";
import { InspectorPage } from "./inspectorPage.ts";
import { ProcessorsPage } from "./processorsPage.ts";
import { SimulatorPage } from "./simulatorPage.ts";
import { SimulatorPanelsPage } from "./simulatorPanelsPage.ts";

/** The page objects a test may ask for by name. */
interface PageFixtures {
  /** Made first in a test that asks for it, so it records page errors and requests from the start. */
  readonly app: AppPage;
  /** axe-core audits of the page, collected across the views a test visits. */
  readonly a11y: AccessibilityPage;
  readonly designer: DesignerPage;
  readonly editors: EditorsPage;
  /** Markers of bidi controls and invisible characters in user text. */
  readonly hidden: HiddenTextPage;
  readonly io: ImportPage;
  readonly inspector: InspectorPage;
  readonly processors: ProcessorsPage;
  readonly sim: SimulatorPage;
  readonly panels: SimulatorPanelsPage;
  /**
   * Opt-in start: the app opened and the worker ready on the demo's 4 events; the same
   * `SimulatorPage` as `sim`. A test that opens the app another way asks for `app` and `sim`.
   */
  readonly demo: SimulatorPage;
}

/** A fixture that makes page object `PageObject` for the test's page. */
function pageObject<T>(PageObject: new (page: Page) => T) {
  return async ({ page }: { page: Page }, use: (object: T) => Promise<void>): Promise<void> => {
    await use(new PageObject(page));
  };
}

export const test = base.extend<PageFixtures>({
  app: pageObject(AppPage),
  a11y: pageObject(AccessibilityPage),
  designer: pageObject(DesignerPage),
  editors: pageObject(EditorsPage),
  hidden: pageObject(HiddenTextPage),
  io: pageObject(ImportPage),
  inspector: pageObject(InspectorPage),
  processors: pageObject(ProcessorsPage),
  sim: pageObject(SimulatorPage),
  panels: pageObject(SimulatorPanelsPage),
  demo: async ({ app, sim }, use) => {
    await app.open();
    await sim.waitReady(4);
    await use(sim);
  },
});

export { expect } from "@playwright/test";
