/**
 * Page object for the inspector (right panel): every field by its `inspector.<area>.<field>`
 * test id, with the gestures a user makes — type and commit, pick, tick.
 */
import { expect } from "@playwright/test";
import type { Locator, Page } from "@playwright/test";

/** Flink's time units as the model spells them. */
export type TimeUnit = "MILLISECONDS" | "SECONDS" | "MINUTES" | "HOURS" | "DAYS";

export class InspectorPage {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId("inspector");
  }

  field(testId: string): Locator {
    return this.page.getByTestId(testId);
  }

  /** Types into a commit-on-blur field (names, ids) and presses Enter. */
  async commitText(testId: string, text: string): Promise<void> {
    const input = this.field(testId);
    await input.fill(text);
    await input.press("Enter");
    await expect(input).toHaveValue(text);
  }

  /** Types into a live field, then leaves it (one undo step). */
  async typeText(testId: string, text: string): Promise<void> {
    const input = this.field(testId);
    await input.fill(text);
    await input.blur();
  }

  async choose(testId: string, value: string): Promise<void> {
    await this.field(testId).selectOption(value);
  }

  async setChecked(testId: string, checked: boolean): Promise<void> {
    await this.field(testId).setChecked(checked);
  }

  /** A folding section's `<summary>` (e.g. "Constructor arguments"); its `<details>` is its parent. */
  sectionSummary(title: string): Locator {
    return this.root.locator("summary", { hasText: title });
  }

  // Stage

  async renameStage(name: string): Promise<void> {
    await this.commitText("inspector.stage.name", name);
  }

  /** Makes the stage's condition a CLASS condition naming `className`. */
  async setClassCondition(className: string): Promise<void> {
    await this.choose("inspector.stage.condition.kind", "class");
    await this.typeText("inspector.stage.condition.className", className);
  }

  async setExpressionCondition(expression: string): Promise<void> {
    await this.choose("inspector.stage.condition.kind", "aviator");
    await this.typeExpression("inspector.stage.condition.expression", expression);
  }

  /**
   * Replaces the text of a condition editor (Monaco) and leaves it with Tab. The text is inserted
   * in one go, as a paste would, so Monaco's auto-closing quotes don't double anything.
   */
  async typeExpression(testId: string, expression: string): Promise<void> {
    const editor = this.field(testId);
    await expect(editor).toHaveAttribute("data-ready", "true");
    await editor.click();
    await this.page.keyboard.press("ControlOrMeta+A");
    await this.page.keyboard.insertText(expression);
    await this.page.keyboard.press("Tab");
  }

  /** Picks the quantifier call: single / oneOrMore / times / timesRange / timesOrMore. */
  async setQuantifier(
    choice: "single" | "oneOrMore" | "times" | "timesRange" | "timesOrMore",
  ): Promise<void> {
    await this.choose("inspector.stage.quantifier", choice);
  }

  /** `times(n)` or `timesOrMore(n)`'s count. */
  async setTimes(n: number): Promise<void> {
    await this.typeText("inspector.stage.times", String(n));
  }

  async setTimesRange(from: number, to: number): Promise<void> {
    await this.field("inspector.stage.timesFrom").fill(String(from));
    await this.field("inspector.stage.timesTo").fill(String(to));
    await this.field("inspector.stage.timesTo").blur();
  }

  // Edge

  async setEdgeType(
    type: "STRICT" | "SKIP_TILL_NEXT" | "SKIP_TILL_ANY" | "NOT_NEXT" | "NOT_FOLLOW",
  ): Promise<void> {
    await this.choose("inspector.edge.type", type);
  }

  // Pattern

  async setRuleId(id: string): Promise<void> {
    await this.commitText("inspector.pattern.ruleId", id);
  }

  /** `within(size unit, type)`. */
  async setWindow(
    size: number,
    unit: TimeUnit,
    type: "FIRST_AND_LAST" | "PREVIOUS_AND_CURRENT" = "FIRST_AND_LAST",
  ): Promise<void> {
    await this.setChecked("inspector.pattern.window", true);
    await this.typeText("inspector.pattern.windowSize", String(size));
    await this.choose("inspector.pattern.windowUnit", unit);
    await this.choose("inspector.pattern.windowType", type);
  }

  async setSkipStrategy(type: string, stage?: string): Promise<void> {
    await this.choose("inspector.pattern.skip", type);
    if (stage !== undefined) await this.choose("inspector.pattern.skipStage", stage);
  }
}
