/**
 * Page object for the pattern canvas (src/designer): stage and edge locators by test id, the
 * palette, the pattern badge, the minimap and controls, selecting a stage, an edge or the pattern
 * for the inspector, and the pointer gestures the canvas understands (drag a stage, drag a handle
 * onto another stage, shift-click to add to the selection).
 */
import { expect } from "@playwright/test";
import type { Locator, Page } from "@playwright/test";

/** The palette's entries (`PALETTE_SHAPES` in src/designer/paletteShapes.ts). */
export type PaletteShape = "stage" | "group" | "oneOrMore" | "times" | "optional" | "absence";

export class DesignerPage {
  constructor(readonly page: Page) {}

  get canvas(): Locator {
    return this.page.getByTestId("designer.canvas");
  }

  /** Every drawn stage and group. */
  get nodes(): Locator {
    return this.canvas.locator(".react-flow__node");
  }

  /** Every drawn edge label (one per edge). */
  get edgeLabels(): Locator {
    return this.canvas.locator(".designer-edge-label");
  }

  /** A stage or group by its stage key (`name`, or `group/name` inside a group). */
  node(stageKey: string): Locator {
    return this.page.getByTestId(`designer.node.${stageKey}`);
  }

  /** The label of the edge `source` → `target` (top-level graph). */
  edge(source: string, target: string): Locator {
    return this.page.getByTestId(`designer.edge.${source}.${target}`);
  }

  paletteItem(shape: PaletteShape): Locator {
    return this.page.getByTestId(`designer.palette.${shape}`);
  }

  get pattern(): Locator {
    return this.page.getByTestId("designer.pattern");
  }

  get minimap(): Locator {
    return this.canvas.locator(".react-flow__minimap");
  }

  get autoLayoutButton(): Locator {
    return this.page.getByTestId("designer.autoLayout");
  }

  /** React Flow's credit link on the canvas. */
  get attributionLink(): Locator {
    return this.page.getByTestId("designer.attribution").getByRole("link");
  }

  /**
   * Presses Tab from the focused element until focus leaves the canvas, and returns a label for
   * each canvas element it stopped on (its aria-label, else the test id in it), in order.
   */
  async tabThroughCanvas(): Promise<string[]> {
    const stops: string[] = [];
    const focused = this.canvas.locator(":focus");
    for (let i = 0; i < 40; i++) {
      await this.page.keyboard.press("Tab");
      if ((await focused.count()) === 0) return stops;
      const tagged = focused.locator("[data-testid]").first();
      const label =
        (await focused.getAttribute("aria-label")) ??
        (await focused.getAttribute("data-testid")) ??
        ((await tagged.count()) > 0 ? await tagged.getAttribute("data-testid") : null);
      stops.push(label ?? (await focused.innerText()));
    }
    throw new Error(`Tab never left the canvas: ${stops.join(", ")}`);
  }

  /** Fits the whole rule into the canvas (React Flow's "Fit View" control), as a user would before clicking. */
  async fitView(): Promise<void> {
    await this.canvas.getByRole("button", { name: "Fit View", exact: true }).click();
  }

  /** Selects stage `name` (the whole rule fitted in view first) and waits for the inspector to show it. */
  async selectStage(name: string): Promise<void> {
    await this.fitView();
    await this.clickNode(name);
    await expect(this.page.getByTestId("inspector.stage.name")).toHaveValue(name);
  }

  /** Selects the edge `source` → `target` by its label and waits for the inspector to show it. */
  async selectEdge(source: string, target: string): Promise<void> {
    await this.fitView();
    await this.edge(source, target).click();
    await expect(this.page.getByTestId("inspector.edge.type")).toBeVisible();
  }

  /** Selects the pattern itself (its badge) and waits for the inspector's pattern fields. */
  async selectPattern(): Promise<void> {
    await this.pattern.click();
    await expect(this.page.getByTestId("inspector.pattern.ruleId")).toBeVisible();
  }

  /** Adds a plain stage from the palette after the selected one; the new stage becomes the selection. */
  async addStage(): Promise<void> {
    await this.paletteItem("stage").click();
  }

  /** Clicks a stage (with Shift: adds it to the selection). */
  async clickNode(stageKey: string, options: { shift?: boolean } = {}): Promise<void> {
    await this.node(stageKey).click({
      modifiers: options.shift ? ["Shift"] : [],
      position: { x: 60, y: 12 },
    });
  }

  /** Moves keyboard focus to a stage (React Flow's node element is the focusable one). */
  async focusNode(stageKey: string): Promise<void> {
    await this.canvas
      .locator(".react-flow__node")
      .filter({ has: this.node(stageKey) })
      .focus();
  }

  async expectSelected(stageKey: string, selected = true): Promise<void> {
    const check = expect(this.node(stageKey));
    if (selected) await check.toHaveClass(/designer-stage--selected/);
    else await check.not.toHaveClass(/designer-stage--selected/);
  }

  /**
   * The element's box once it stopped moving: the canvas animates its viewport when a new stage
   * lands outside it, and a gesture must start where the element ends up.
   */
  private async settledBox(locator: Locator, what: string) {
    let previous = await locator.boundingBox();
    for (let i = 0; i < 20; i++) {
      await this.page.waitForTimeout(50);
      const box = await locator.boundingBox();
      if (box && previous && box.x === previous.x && box.y === previous.y && box.width === previous.width) {
        return box;
      }
      previous = box;
    }
    throw new Error(`${what} does not hold still on screen`);
  }

  /** Drags a stage by (dx, dy) screen pixels in several pointer moves, as a hand would. */
  async dragNode(stageKey: string, dx: number, dy: number): Promise<void> {
    const box = await this.settledBox(this.node(stageKey), `stage ${stageKey}`);
    const x = box.x + 60;
    const y = box.y + 12;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x + dx, y + dy, { steps: 8 });
    await this.page.mouse.up();
  }

  /** The canvas's pan and zoom as React Flow writes it (`translate(…) scale(…)`). */
  viewport(): Promise<string | null> {
    return this.canvas.locator(".react-flow__viewport").getAttribute("style");
  }

  /**
   * Drags the empty canvas below the stages by (dx, dy) screen pixels, with Space held when
   * `space` (React Flow's pan key), as a hand would.
   */
  async dragPane(dx: number, dy: number, options: { space?: boolean } = {}): Promise<void> {
    const box = await this.settledBox(this.canvas, "the canvas");
    const x = box.x + box.width / 2;
    const y = box.y + box.height - 60;
    if (options.space) await this.page.keyboard.down("Space");
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x + dx, y + dy, { steps: 8 });
    await this.page.mouse.up();
    if (options.space) await this.page.keyboard.up("Space");
  }

  /** Drags from `source`'s outgoing handle onto `target`'s incoming handle. */
  async connect(source: string, target: string): Promise<void> {
    const from = await this.settledBox(this.node(source).locator(".react-flow__handle.source"), source);
    const to = await this.settledBox(this.node(target).locator(".react-flow__handle.target"), target);
    await this.page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 8 });
    await this.page.mouse.up();
  }
}
