/**
 * Page object for the simulator dock (src/simulator): the run controls, the dock's tabs, the
 * output tables and the Data tab's scenario buttons. Test ids are `sim.*`.
 */
import { expect } from "@playwright/test";
import type { Locator, Page } from "@playwright/test";

/** The dock's tabs (ids from src/simulator/dockTabs.ts). */
export type DockTabId = "data" | "stream" | "timeline" | "matches" | "timeouts" | "late";

export class SimulatorPage {
  readonly dock: Locator;

  constructor(readonly page: Page) {
    this.dock = page.getByTestId("sim.dock");
  }

  control(id: string): Locator {
    return this.page.getByTestId(`sim.${id}`);
  }

  /** The run state label (`ready`, `playing`, `paused`, `finished`, …). */
  get state(): Locator {
    return this.control("state");
  }

  get position(): Locator {
    return this.control("position");
  }

  get watermark(): Locator {
    return this.control("watermark");
  }

  /** Waits until the worker holds the data (ready to play, nothing loading). */
  async waitReady(events?: number): Promise<void> {
    await expect(this.state).toHaveText("ready");
    if (events !== undefined) await expect(this.position).toHaveText(`event 0 / ${events}`);
  }

  async play(): Promise<void> {
    await this.control("play").click();
  }

  async step(): Promise<void> {
    await this.control("step").click();
  }

  async stepToWatermark(): Promise<void> {
    await this.control("stepWatermark").click();
  }

  async reset(): Promise<void> {
    await this.control("reset").click();
  }

  /** Sets the speed slider to as fast as possible (its last step). */
  async fastest(): Promise<void> {
    const slider = this.control("speed");
    await slider.focus();
    await slider.press("End");
  }

  /** Plays to the end of the data as fast as possible. */
  async runToEnd(): Promise<void> {
    await this.fastest();
    await this.play();
    await expect(this.state).toHaveText("finished");
  }

  /** Seeks to input item `position`: sets the slider, and releasing it (leaving it) seeks. */
  async seek(position: number): Promise<void> {
    const slider = this.control("seek");
    await slider.fill(String(position));
    await slider.blur();
  }

  /** The run-controls bar at the top of the dock. */
  get controls(): Locator {
    return this.dock.getByRole("toolbar", { name: "Run controls" });
  }

  /** Opens the run settings popover (time mode, watermark strategy, parallelism). */
  async openSettings(): Promise<void> {
    await this.control("settings").click();
    await expect(this.control("parallelism")).toBeVisible();
  }

  /** The open run settings popover (its panel). */
  get settingsPanel(): Locator {
    return this.dock.getByRole("group", { name: "Settings" });
  }

  /** The message under a millisecond setting (`outOfOrderness`, `watermarkInterval`, …) that refuses its text. */
  settingError(id: string): Locator {
    return this.control(`${id}.error`);
  }

  /** Drags the seek slider to input item `position` without releasing it (nothing is seeked yet). */
  async dragSeek(position: number): Promise<void> {
    await this.control("seek").fill(String(position));
  }

  /** Sets the bounded out-of-orderness of the watermark strategy (in the settings popover). */
  async setOutOfOrderness(ms: number): Promise<void> {
    await this.openSettings();
    const field = this.control("outOfOrderness");
    await field.fill(String(ms));
    await field.press("Enter");
    await this.page.keyboard.press("Escape");
  }

  /** Sets how keys go to subtasks (in the open settings popover); a field left out stays as it is. */
  async setKeyAssignment(change: {
    readonly parallelism?: number;
    readonly maxParallelism?: number;
    readonly keyType?: string;
  }): Promise<void> {
    if (change.parallelism !== undefined)
      await this.control("parallelism").selectOption(String(change.parallelism));
    if (change.maxParallelism !== undefined) {
      const field = this.control("maxParallelism");
      await field.fill(String(change.maxParallelism));
      await field.press("Enter");
    }
    if (change.keyType !== undefined) await this.control("keyType").selectOption(change.keyType);
  }

  /**
   * Types `cap` into the partial-match cap (in the open settings popover) and commits it with
   * Enter; text the field refuses stays there, with its message ({@link settingError}).
   */
  async setPartialMatchCap(cap: number | string): Promise<void> {
    const field = this.control("maxPartialMatches");
    await field.fill(String(cap));
    await field.press("Enter");
  }

  /** The run's warnings above the tabs (the partial-match cap hit, a broadcast record refused, …). */
  get warnings(): Locator {
    return this.control("warning");
  }

  /** Turns the final +∞ watermark at the end of input on or off (in the open settings popover). */
  async setFinalWatermark(on: boolean): Promise<void> {
    await this.control("finalWatermark").setChecked(on);
  }

  /** Waits until the tab badges count `matches`, `timeouts` and `late` outputs. */
  async expectCounts(matches: number, timeouts: number, late: number): Promise<void> {
    await expect(this.page.getByTestId("sim.tab.matches")).toContainText(`Matches${matches}`);
    await expect(this.page.getByTestId("sim.tab.timeouts")).toContainText(`Timeouts${timeouts}`);
    await expect(this.page.getByTestId("sim.tab.late")).toContainText(`Late${late}`);
  }

  async openTab(id: DockTabId): Promise<void> {
    await this.page.getByTestId(`sim.tab.${id}`).click();
  }

  /** The rows of an output table (open its tab first). */
  rows(kind: "matches" | "timeouts" | "late" | "stream"): Locator {
    return this.page.getByTestId(`sim.${kind}.row`);
  }

  /** The scrolling body of a table (open its tab first): the table's own keyboard stop. */
  tableBody(kind: "matches" | "timeouts" | "late" | "stream"): Locator {
    return this.page.getByTestId(`sim.${kind}`).locator(".sim-table-body");
  }

  /** Sets an output table's filters (open its tab first); blank fields filter nothing. */
  async filterOutputs(
    kind: "matches" | "timeouts" | "late",
    filter: { readonly rule?: string; readonly key?: string },
  ): Promise<void> {
    if (filter.rule !== undefined) await this.control(`${kind}.rule`).selectOption(filter.rule);
    if (filter.key !== undefined) await this.control(`${kind}.key`).fill(filter.key);
  }

  /** The count line above an output table (`3 of 7 matches`). */
  outputCount(kind: "matches" | "timeouts" | "late"): Locator {
    return this.control(`${kind}.count`);
  }

  /**
   * Crashes the app's CEP worker the way a bug would: an uncaught error thrown inside it (the
   * app sees the worker's `error` event).
   */
  async crashWorker(): Promise<void> {
    const worker = this.page.workers().find((w) => w.url().includes("cepWorker"));
    if (worker === undefined) throw new Error("the app's CEP worker is not running");
    await worker.evaluate(() => {
      setTimeout(() => {
        throw new Error("e2e: the worker crashed");
      }, 0);
    });
  }

  /** Data tab: picks a file made of `text` (as a user's file) for the preview (and the run). */
  async pickFile(name: string, text: string | Uint8Array): Promise<void> {
    await this.openTab("data");
    const buffer = typeof text === "string" ? Buffer.from(text, "utf8") : Buffer.from(text);
    await this.control("file").setInputFiles({ name, mimeType: "application/octet-stream", buffer });
  }

  /** Data tab: picks `text` as file `name`, maps its key and time fields, and loads it. */
  async loadFile(name: string, text: string, fields: { key: string; time: string }): Promise<void> {
    await this.pickFile(name, text);
    await this.loadPicked(fields.key, fields.time);
  }

  /** Data tab: maps the picked file's key (and time, unless null) field and loads it. */
  async loadPicked(key: string, time: string | null): Promise<void> {
    await this.control("mapping.key").selectOption(key);
    if (time !== null) await this.control("mapping.time").selectOption(time);
    await this.control("loadFile").click();
  }

  /** Data tab: the rows the run skipped, as `file:line: reason` (the first ones). */
  get skippedRows(): Locator {
    return this.control("problems");
  }

  /** Data tab: the rows read with a warning (a duplicate JSON key), as `file:line: …`. */
  get rowWarnings(): Locator {
    return this.control("rowWarnings");
  }

  /** Data tab: the picked file's preview table (its header and first rows). */
  get previewTable(): Locator {
    return this.control("preview").locator("table");
  }

  /** Data tab: the preview's verdict on the picked file (schema recognised, or why not). */
  get previewVerdict(): Locator {
    return this.control("preview.schema");
  }

  /** Loads a seed scenario's data and runs only its rule (Data tab). */
  async runScenario(n: number): Promise<void> {
    await this.openTab("data");
    await this.control(`scenario.scenario${n}.run`).click();
  }
}
