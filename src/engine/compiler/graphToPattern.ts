/**
 * Port of dynamic CEP's `GraphSpec.toPattern` / `NodeSpec.toPattern` (Ververica
 * `org.apache.flink.cep.dynamic.impl.json.spec`): turns the model graph into the linear chain of
 * Flink `Pattern`s that NFACompiler reads.
 *
 * Where the reference reader drops something the JSON says, we follow the JSON (as the semantics
 * notes ask): a group's own quantifier is applied, `times.windowTime` is kept for TIMES stages,
 * and every graph's window (nested groups too) is put on that graph's last pattern.
 */
import { durationToMillis } from "../../model/duration.ts";
import type { AtomicNode, GraphNode, Quantifier, QuantifierProperty } from "../../model/pattern.ts";
import { quantifierKind } from "../../model/quantifier.ts";
import { stageChain } from "../../model/stageChain.ts";
import type { ChainLink } from "../../model/stageChain.ts";
import { MalformedPatternError } from "../api.ts";
import type { ConsumingStrategy, FlinkPattern, FlinkQuantifier, FlinkTimes } from "./flinkPattern.ts";
import { TRUE_CONDITION, type IterativeCondition } from "./iterativeCondition.ts";

/** Flink's name for every `GroupPattern`. */
export const GROUP_PATTERN_NAME = "GroupPattern";

/** The pattern chain of `graph` (its last pattern) plus the atomic stage names in pattern order. */
export interface PatternChain {
  readonly lastPattern: FlinkPattern;
  readonly stageNames: readonly string[];
}

type MutablePattern = { -readonly [K in keyof FlinkPattern]: FlinkPattern[K] };

/** `GraphSpec.toPattern(graph)`. Throws MalformedPatternError when the graph is not one linear chain. */
export function graphToPattern(graph: GraphNode): PatternChain {
  const stageNames: string[] = [];
  const lastPattern = toPattern(graph, "", stageNames);
  return { lastPattern, stageNames };
}

function toPattern(graph: GraphNode, path: string, stageNames: string[]): FlinkPattern {
  const order = chainOrder(graph, path);
  let previous: MutablePattern | null = null;
  for (const { node, nodeIndex, contiguity } of order) {
    const strategy: ConsumingStrategy = contiguity ?? "STRICT";
    const nodePath = join(path, `nodes[${nodeIndex}]`);
    previous =
      node.type === "ATOMIC"
        ? atomicPattern(node, previous, strategy, nodePath, stageNames)
        : groupPattern(node, previous, strategy, nodePath, stageNames);
  }
  if (!previous) throw malformed(path, null, "a pattern needs at least one stage");
  if (graph.window) {
    const millis = durationToMillis(graph.window.time);
    if (graph.window.type === "FIRST_AND_LAST") previous.windowFirstAndLast = millis;
    else previous.windowPreviousAndCurrent = millis;
  }
  return previous;
}

function atomicPattern(
  node: AtomicNode,
  previous: FlinkPattern | null,
  strategy: ConsumingStrategy,
  path: string,
  stageNames: string[],
): MutablePattern {
  stageNames.push(node.name);
  return {
    name: node.name,
    displayName: node.name,
    path,
    previous,
    ...quantifierOf(node.quantifier, strategy),
    condition: userCondition(node.condition, node.name, `${path}.condition`) ?? TRUE_CONDITION,
    untilCondition: userCondition(
      node.quantifier.untilCondition,
      node.name,
      `${path}.quantifier.untilCondition`,
    ),
    windowFirstAndLast: null,
    windowPreviousAndCurrent: null,
    rawPattern: null,
  };
}

function groupPattern(
  node: GraphNode,
  previous: FlinkPattern | null,
  strategy: ConsumingStrategy,
  path: string,
  stageNames: string[],
): MutablePattern {
  if (strategy === "NOT_NEXT" || strategy === "NOT_FOLLOW") {
    throw malformed(
      path,
      node.name,
      "a group cannot follow a NOT edge (Flink has no notNext/notFollowedBy for groups)",
    );
  }
  const rawPattern = toPattern(node, path, stageNames);
  const quantifier = node.quantifier;
  return {
    name: GROUP_PATTERN_NAME,
    displayName: node.name,
    path,
    previous,
    ...quantifierOf(quantifier, strategy),
    // GroupPattern rejects where(): a group has no condition of its own.
    condition: TRUE_CONDITION,
    untilCondition: quantifier
      ? userCondition(quantifier.untilCondition, node.name, `${path}.quantifier.untilCondition`)
      : null,
    windowFirstAndLast: null,
    windowPreviousAndCurrent: null,
    rawPattern,
  };
}

/** The quantifier and times as `NodeSpec.toPattern` applies them (timesOrMore / times / optional / greedy / inner). */
function quantifierOf(
  q: Quantifier | null,
  strategy: ConsumingStrategy,
): { quantifier: FlinkQuantifier; times: FlinkTimes | null } {
  const properties = new Set<QuantifierProperty>();
  if (!q) {
    properties.add("SINGLE");
    return {
      quantifier: { consumingStrategy: strategy, innerConsumingStrategy: "SKIP_TILL_NEXT", properties },
      times: null,
    };
  }
  const kind = q.times ? quantifierKind(q) : "SINGLE";
  properties.add(kind);
  let times: FlinkTimes | null = null;
  if (q.times && kind !== "SINGLE") {
    const windowTime = q.times.windowTime ? durationToMillis(q.times.windowTime) : null;
    // timesOrMore(n) is Times.of(n, n); times(0, m) is optional times(1, m).
    let from = q.times.from;
    const to = kind === "LOOPING" ? from : q.times.to;
    if (from === 0) {
      properties.add("OPTIONAL");
      from = 1;
    }
    times = { from, to: kind === "LOOPING" ? from : to, windowTime };
  }
  if (q.properties.includes("OPTIONAL")) properties.add("OPTIONAL");
  if (q.properties.includes("GREEDY")) properties.add("GREEDY");
  return {
    quantifier: { consumingStrategy: strategy, innerConsumingStrategy: q.consumingStrategy, properties },
    times,
  };
}

function userCondition(
  condition: AtomicNode["condition"],
  stage: string,
  path: string,
): IterativeCondition | null {
  return condition ? { kind: "user", condition, stage, path } : null;
}

/** The nodes in chain order with the edge into each, as `GraphSpec.toPattern` walks them. */
/**
 * The stages in `GraphSpec.toPattern`'s walk order. The validator has already rejected graphs
 * that are not one linear chain; should one get here anyway, the first shape problem is thrown.
 */
function chainOrder(graph: GraphNode, path: string): readonly ChainLink[] {
  const { links, problems } = stageChain(graph);
  const [problem] = problems;
  if (problem !== undefined) throw malformed(path, null, `the graph is not one linear chain: ${problem}`);
  return links;
}

function join(base: string, segment: string): string {
  return base === "" ? segment : `${base}.${segment}`;
}

function malformed(path: string, stage: string | null, message: string): MalformedPatternError {
  return new MalformedPatternError([
    { severity: "error", stage, path, message: stage === null ? message : `stage '${stage}': ${message}` },
  ]);
}
