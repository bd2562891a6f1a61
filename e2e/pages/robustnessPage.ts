/**
 * Page object for adversarial-input checks of the designer: dynamic-CEP JSON shapes a bad file
 * can hold (dense edges, cycles, deep group nesting), rule sets of megabytes, whether a stage is
 * inside the canvas's view, and the Share dialog's link or refusal.
 */
import type { Locator, Page } from "@playwright/test";

/** A `SINGLE` quantifier, as Ververica's writer spells it. */
const SINGLE = {
  consumingStrategy: "SKIP_TILL_NEXT",
  properties: ["SINGLE"],
  times: null,
  untilCondition: null,
} as const;

/** An ATOMIC node accepting every event. */
function atomic(name: string): unknown {
  return { name, type: "ATOMIC", quantifier: SINGLE, condition: null };
}

/** A COMPOSITE node (a GraphSpec) of `nodes` joined by `edges`, each `[source, target]`. */
export function graphSpec(
  name: string,
  nodes: readonly unknown[],
  edges: readonly (readonly [string, string])[],
): Record<string, unknown> {
  return {
    name,
    type: "COMPOSITE",
    quantifier: SINGLE,
    condition: null,
    nodes,
    edges: edges.map(([source, target]) => ({ source, target, type: "SKIP_TILL_NEXT" })),
    window: null,
    afterMatchStrategy: { type: "NO_SKIP", patternName: null },
  };
}

/** `names` as stages, every one joined to every other (a rule Flink rejects many times over). */
export function denseGraph(names: readonly string[]): Record<string, unknown> {
  const edges = names.flatMap((source) =>
    names.filter((target) => target !== source).map((target) => [source, target] as const),
  );
  return graphSpec(names.at(-1) ?? "", names.map(atomic), edges);
}

/** `names` chained, the last one leading back to the first: no stage to begin from. */
export function ringGraph(names: readonly string[]): Record<string, unknown> {
  const edges = names.map((source, i) => [source, names[(i + 1) % names.length] ?? source] as const);
  return graphSpec(names.at(-1) ?? "", names.map(atomic), edges);
}

/**
 * `pre1 followedBy (pre2 followedBy (… (leaf0 followedBy leaf1)))`: groups `depth` levels deep,
 * group `gN` holding `preN` and group `gN+1`.
 */
export function nestedGroups(depth: number): Record<string, unknown> {
  let inner = graphSpec(`g${String(depth)}`, [atomic("leaf0"), atomic("leaf1")], [["leaf0", "leaf1"]]);
  for (let i = depth - 1; i >= 1; i--) {
    const pre = `pre${String(i)}`;
    const group = `g${String(i + 1)}`;
    inner = graphSpec(`g${String(i)}`, [atomic(pre), { ...inner, name: group }], [[pre, group]]);
  }
  return inner;
}

/** Where a dense rule's stages are clear of edge labels: on the stage's name. */
const CORNER = { x: 12, y: 10 } as const;

export class RobustnessPage {
  constructor(readonly page: Page) {}

  /** The findings the inspector's pattern Validation lists now. */
  get patternFindings(): Locator {
    return this.page.getByTestId("inspector.pattern.diagnostics").locator(":scope > li");
  }

  /** The Validation's "Show … more" button. */
  get moreFindings(): Locator {
    return this.page.getByTestId("inspector.pattern.more");
  }

  /** True when the element's box lies within the canvas's box (it is drawn in view). */
  async inCanvasView(element: Locator): Promise<boolean> {
    const canvas = await this.page.getByTestId("designer.canvas").boundingBox();
    const box = await element.boundingBox();
    if (!canvas || !box) return false;
    return (
      box.x >= canvas.x &&
      box.y >= canvas.y &&
      box.x + box.width <= canvas.x + canvas.width &&
      box.y + box.height <= canvas.y + canvas.height
    );
  }

  /**
   * Replaces the rule set with `rules` one-stage rules whose conditions compare with `chars`
   * pseudo-random characters, through `globalThis.__cepTest`: `"hex"` digits barely compress;
   * `"words"` from a vocabulary of 16 compress about 6:1, as the text of real rules does.
   */
  async loadRuleSetOfLongConditions(rules: number, chars: number, text: "hex" | "words"): Promise<void> {
    await this.page.evaluate(
      ([count, length, kind]) => {
        let seed = 7;
        const next = () => {
          seed = (seed * 16807) % 2147483647;
          return seed;
        };
        const words = Array.from({ length: 16 }, (_, i) => `w${String((i * 7919) % 1000)}x`);
        const noise = () => {
          const parts: string[] = [];
          for (let size = 0; size < length;) {
            const part = kind === "hex" ? (next() % 16).toString(16) : `${words[next() % 16] ?? ""} `;
            parts.push(part);
            size += part.length;
          }
          return parts.join("").slice(0, length);
        };
        const single = {
          consumingStrategy: "SKIP_TILL_NEXT",
          properties: ["SINGLE"],
          times: null,
          untilCondition: null,
        };
        const stage = (expression: string) => ({
          name: "a",
          type: "ATOMIC",
          quantifier: single,
          condition: { type: "AVIATOR", expression },
        });
        globalThis.__cepTest?.loadRuleSet(
          Array.from({ length: count }, (_, i) => ({
            id: `r${String(i)}`,
            version: 1,
            pattern: {
              name: "a",
              type: "COMPOSITE",
              quantifier: single,
              condition: null,
              nodes: [stage(`x == '${noise()}'`)],
              edges: [],
              window: null,
              afterMatchStrategy: { type: "NO_SKIP", patternName: null },
            },
          })),
        );
      },
      [rules, chars, text] as const,
    );
  }

  /**
   * Clicks stage `stageKey` by its top-left corner, by its name: in a dense rule the edge labels
   * cover the middle of the stages.
   */
  async clickStageCorner(stageKey: string): Promise<void> {
    await this.page.getByTestId(`designer.node.${stageKey}`).click({ position: CORNER });
  }

  /** Drags stage `stageKey` by its top-left corner by (dx, dy) screen pixels in several pointer moves. */
  async dragStageCorner(stageKey: string, dx: number, dy: number): Promise<void> {
    const box = await this.page.getByTestId(`designer.node.${stageKey}`).boundingBox();
    if (!box) throw new Error(`stage ${stageKey} is not drawn`);
    const x = box.x + CORNER.x;
    const y = box.y + CORNER.y;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x + dx, y + dy, { steps: 4 });
    await this.page.mouse.up();
  }

  /** The Share dialog's explanation when the rule set is too large for a link. */
  get shareTooLarge(): Locator {
    return this.page.getByTestId("share.tooLarge");
  }

  /** The Share dialog's link field (there once the link is built). */
  get shareUrl(): Locator {
    return this.page.getByTestId("share.url");
  }
}
