/**
 * Page object for accessibility audits: runs axe-core (`@axe-core/playwright`) with the WCAG 2.0
 * and 2.1 level A and AA rules on the page as it is now, and keeps every violation found, labelled
 * with the view it was found in, so a test audits several views and reports them all at once.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect } from "@playwright/test";
import type { Page } from "@playwright/test";

/** The axe tags of WCAG 2.0 and 2.1, levels A and AA. */
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** One axe violation at one element, as a person reads it. */
interface Finding {
  readonly view: string;
  readonly rule: string;
  readonly impact: string;
  readonly target: string;
  readonly help: string;
  readonly summary: string;
}

export class AccessibilityPage {
  /** Every violation found by {@link audit} so far in this test. */
  readonly findings: Finding[] = [];

  constructor(readonly page: Page) {}

  /**
   * Audits the page as it is now (or only the part matching `include`) and records its violations
   * under `view`.
   */
  async audit(view: string, include?: string): Promise<void> {
    const builder = new AxeBuilder({ page: this.page }).withTags(WCAG_TAGS);
    const results = await (include === undefined ? builder : builder.include(include)).analyze();
    for (const violation of results.violations) {
      for (const node of violation.nodes) {
        this.findings.push({
          view,
          rule: violation.id,
          impact: violation.impact ?? "unknown",
          target: node.target.map(String).join(" >> "),
          help: violation.help,
          summary: node.failureSummary?.replace(/\s+/g, " ").trim() ?? "",
        });
      }
    }
  }

  /**
   * The findings, one entry per rule and element (with every view it was found in): rule id,
   * impact, target selector, axe's help text and what to fix.
   */
  report(): string {
    const byElement = new Map<string, { finding: Finding; views: string[] }>();
    for (const finding of this.findings) {
      const key = `${finding.rule} ${finding.target}`;
      const seen = byElement.get(key);
      if (seen === undefined) byElement.set(key, { finding, views: [finding.view] });
      else seen.views.push(finding.view);
    }
    return [...byElement.values()]
      .map(
        ({ finding: f, views }) =>
          `- ${f.rule} (${f.impact}) at ${f.target}\n    in: ${views.join(", ")}\n    ${f.help}. ${f.summary}`,
      )
      .join("\n");
  }

  /** Asserts no audit of this test found a violation, listing every one found if any was. */
  expectNoViolations(): void {
    expect(this.findings.length, `accessibility violations:\n${this.report()}`).toBe(0);
  }
}
