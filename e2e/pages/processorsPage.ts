/**
 * Page object for the simulator's Processors tab (src/simulator/processors) and the Key
 * inspector's view of a processor's keyed state. Test ids are `sim.proc.*` and
 * `sim.keys.processor.*`.
 */
import { expect } from "@playwright/test";
import type { Locator, Page } from "@playwright/test";

export type ProcessorChoice = "none" | "purchase-path" | "two-action";

/** One row of the results table, as its cells read. */
export interface ResultRow {
  readonly userId: string;
  readonly cells: readonly string[];
}

export class ProcessorsPage {
  constructor(readonly page: Page) {}

  byId(id: string): Locator {
    return this.page.getByTestId(id);
  }

  async open(): Promise<void> {
    await this.byId("sim.tab.processors").click();
  }

  /** Runs processor `name` instead of the rules (or the rules again for `none`). */
  async pick(name: ProcessorChoice): Promise<void> {
    const option = this.byId(`sim.proc.pick.${name}`);
    await option.click();
    await expect(option).toBeChecked();
    await expect(this.byId("sim.proc.choice")).toBeEnabled();
  }

  /** The description of the processor running. */
  get about(): Locator {
    return this.byId("sim.proc.about");
  }

  /** Loads the generated data that fits the processor running. */
  async loadData(): Promise<void> {
    await this.byId("sim.proc.loadData").click();
  }

  /** `12 results`, or `3 results of 12` with a filter. */
  get count(): Locator {
    return this.byId("sim.proc.count");
  }

  get rows(): Locator {
    return this.byId("sim.proc.results.row");
  }

  get table(): Locator {
    return this.byId("sim.proc.results");
  }

  /** The cells of result row `index` (0-based among those rendered). */
  async row(index: number): Promise<ResultRow> {
    const cells = await this.rows.nth(index).getByRole("cell").allTextContents();
    return { userId: cells[1] ?? "", cells };
  }

  /** Shows only the results of `userId`. */
  async filter(userId: string): Promise<void> {
    await this.byId("sim.proc.filter").fill(userId);
    await this.byId("sim.proc.filter.apply").click();
  }

  /** Key inspector: inspects `key` (the tab opened). */
  async inspectKey(key: string): Promise<void> {
    await this.byId("sim.tab.keys").click();
    await this.byId("sim.keys.input").fill(key);
    await this.byId("sim.keys.inspect").click();
  }

  /** The key's open purchase paths, one per channel. */
  get paths(): Locator {
    return this.byId("sim.keys.processor.path");
  }
}
