/**
 * Page object for adversarial-input checks of the designer: dynamic-CEP JSON shapes a bad file
 * can hold (dense edges, cycles, deep group nesting), whether a stage is inside the canvas's view,
 * and the Share dialog's refusal.
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

export class RobustnessPage {
  constructor(readonly page: Page) {}

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
   * pseudo-random hex digits (text that barely compresses), through `globalThis.__cepTest`.
   */
  async loadIncompressibleRuleSet(rules: number, chars: number): Promise<void> {
    await this.page.evaluate(
      ([count, length]) => {
        let seed = 7;
        const noise = () => {
          const digits: string[] = [];
          for (let i = 0; i < length; i++) {
            seed = (seed * 16807) % 2147483647;
            digits.push((seed % 16).toString(16));
          }
          return digits.join("");
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
      [rules, chars] as const,
    );
  }

  /** The Share dialog's explanation when the rule set is too large for a link. */
  get shareTooLarge(): Locator {
    return this.page.getByTestId("share.tooLarge");
  }
}
