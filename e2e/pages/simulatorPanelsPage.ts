/**
 * Page object for the simulator's panels beyond the run and its tables (src/simulator/{inspector,
 * broadcast,explain,metrics,learn,scenarioLink}): Key inspector, Broadcast, Explain, Metrics,
 * Learn and Share tabs. Test ids are `sim.<panel>.*`.
 */
import { expect } from "@playwright/test";
import type { Locator, Page } from "@playwright/test";

export type PanelTabId = "keys" | "broadcast" | "explain" | "metrics" | "learn" | "share";

/** Every tab of the dock, in the order shown (src/simulator/dockTabs.ts). */
export const dockTabIds = [
  "data",
  "stream",
  "timeline",
  "matches",
  "timeouts",
  "late",
  "keys",
  "explain",
  "broadcast",
  "processors",
  "metrics",
  "learn",
  "share",
] as const;

export class SimulatorPanelsPage {
  constructor(readonly page: Page) {}

  byId(id: string): Locator {
    return this.page.getByTestId(id);
  }

  async openTab(id: PanelTabId): Promise<void> {
    await this.byId(`sim.tab.${id}`).click();
  }

  /** Shows any dock tab and waits until its panel's chunk has loaded (no loading status left). */
  async showPanel(id: (typeof dockTabIds)[number]): Promise<void> {
    await this.byId(`sim.tab.${id}`).click();
    await expect(this.byId(`sim.tab.${id}`)).toHaveAttribute("aria-selected", "true");
    await expect(this.byId("sim.panel.loading")).toHaveCount(0);
  }

  /** Key inspector: inspects `key`. */
  async inspectKey(key: string): Promise<void> {
    await this.openTab("keys");
    await this.byId("sim.keys.input").fill(key);
    await this.byId("sim.keys.inspect").click();
  }

  get partialMatches(): Locator {
    return this.byId("sim.keys.match");
  }

  /** Explain: asks about input line `line` under the rule picked (the first running one by default). */
  async explainLine(line: number, ruleId?: string): Promise<void> {
    await this.openTab("explain");
    await this.byId("sim.explain.line").fill(String(line));
    if (ruleId !== undefined) await this.byId("sim.explain.rule").selectOption(ruleId);
    await this.byId("sim.explain.go").click();
  }

  get explainSentences(): Locator {
    return this.byId("sim.explain.sentence");
  }

  /** Learn: shows card `id` and loads it. */
  async loadCard(id: string): Promise<void> {
    await this.openTab("learn");
    await this.byId(`sim.learn.card.${id}`).click();
    await this.byId("sim.learn.load").click();
    await expect(this.byId("sim.learn.load")).toHaveText("Load again");
  }

  /** Learn: the live counts shown for rule `id` (`2 matches · 0 timeouts`). */
  learnCounts(ruleId: string): Locator {
    return this.byId(`sim.learn.rule.${ruleId}.counts`);
  }

  /** Broadcast: schedules the active rule's current version at `at`. */
  async scheduleActiveRule(at: string): Promise<void> {
    await this.openTab("broadcast");
    await this.byId("sim.broadcast.at").fill(at);
    await this.byId("sim.broadcast.schedule").click();
  }

  /** Broadcast: replaces the schedule editor's text with `text` (one line, typed in Monaco). */
  async writeBroadcast(text: string): Promise<void> {
    await this.openTab("broadcast");
    const editor = this.byId("sim.broadcast.editor");
    await expect(editor).toHaveAttribute("data-ready", "true");
    await editor.locator(".view-lines").click();
    await this.page.keyboard.press("ControlOrMeta+a");
    await this.page.keyboard.insertText(text);
    // Monaco closes brackets and quotes as they are typed: drop what it added after the text.
    await this.page.keyboard.press("ControlOrMeta+Shift+End");
    await this.page.keyboard.press("Delete");
  }

  /** Broadcast: the problems of the last apply, and the warnings of the text being edited. */
  get broadcastProblems(): Locator {
    return this.byId("sim.broadcast.problems");
  }

  get broadcastWarnings(): Locator {
    return this.byId("sim.broadcast.warnings");
  }

  async applyBroadcast(): Promise<void> {
    await this.byId("sim.broadcast.apply").click();
    await expect(this.byId("sim.broadcast.apply")).toBeDisabled();
  }

  /** Share: makes the link of the view now and returns it. */
  async makeLink(): Promise<string> {
    await this.openTab("share");
    await this.byId("sim.share.make").click();
    const url = this.byId("sim.share.url");
    await expect(url).toHaveValue(/#scenario=/);
    return url.inputValue();
  }

  /** Share: opens a pasted scenario link. */
  async openLink(link: string): Promise<void> {
    await this.openTab("share");
    await this.byId("sim.share.paste").fill(link);
    await this.byId("sim.share.open").click();
    await expect(this.byId("sim.share.status")).toHaveText("Opened.");
  }

  /** Saves a screenshot for a person to look at (not compared). */
  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: `test-results/screens/${name}.png` });
  }
}
