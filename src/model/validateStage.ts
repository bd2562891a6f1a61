/**
 * Per-stage rules: what Flink's `Pattern` (`optional`, `greedy`, `times`, `timesOrMore`, `until`,
 * `notNext`, `notFollowedBy`), `GroupPattern`, `Quantifier` (`consecutive`, `combinations`,
 * `greedy`, `optional`) and `Quantifier.Times` (in `validateTimes.ts`) throw as
 * `MalformedPatternException`, applied to each stage of a chain with the edge that leads into it,
 * as dynamic CEP's `NodeSpec.toPattern` calls them. Groups recurse into their own graph.
 */
import { forEachConditionLeaf, type Condition } from "./condition.ts";
import type { Findings } from "./patternFindings.ts";
import { joinPath } from "./patternFindings.ts";
import type { EdgeContiguity, GraphNode, Quantifier, QuantifierProperty } from "./pattern.ts";
import { isGreedy, isOptional, quantifierKind } from "./quantifier.ts";
import type { ChainLink } from "./validateChain.ts";
import { linkChain } from "./validateChain.ts";
import { checkDuration, checkTimes } from "./validateTimes.ts";

/** Flink's name for its final NFA state; `checkPatternNameUniqueness` reserves it. */
export const ENDING_STATE_NAME = "$endState$";
/** `NFAStateNameHandler.STATE_NAME_DELIM`: Flink cuts state names at the first `:`. */
const STATE_NAME_DELIM = ":";

/**
 * Checks one graph level and every stage in it (recursing into groups). Returns the chain in
 * pattern order, or null when the edges do not form one chain. `group` is null at the top level.
 */
export function checkGraph(
  graph: GraphNode,
  path: string,
  group: string | null,
  findings: Findings,
): ChainLink[] | null {
  if (graph.nodes.length === 0) {
    const where = group === null ? "" : `group '${group}': `;
    findings.error(group, joinPath(path, "nodes"), `${where}a pattern needs at least one stage`);
    return null;
  }
  const chain = linkChain(graph, path, group, findings);
  if (chain) {
    for (const link of chain) checkStage(link, findings);
  } else {
    // Still report what can be said of each stage on its own.
    graph.nodes.forEach((node, i) => {
      checkStage({ node, path: joinPath(path, `nodes[${i}]`), edge: null, previous: null }, findings);
    });
  }
  return chain;
}

/** OPTIONAL, or `times(0, n)`, which Flink's `Pattern.times` turns into an optional stage. */
function isOptionalStage(q: Quantifier): boolean {
  return isOptional(q) || (quantifierKind(q) === "TIMES" && q.times?.from === 0);
}

/** True for the edge types that make their target a NOT pattern. */
export function isNotContiguity(type: EdgeContiguity | undefined): boolean {
  return type === "NOT_NEXT" || type === "NOT_FOLLOW";
}

function checkStage(link: ChainLink, findings: Findings): void {
  const { node, path } = link;
  const stage = node.name;
  if (node.type === "ATOMIC") {
    if (stage === ENDING_STATE_NAME) {
      findings.error(
        stage,
        `${path}.name`,
        `Duplicate pattern name: ${ENDING_STATE_NAME}. The name is reserved for Flink's final NFA state.`,
      );
    } else if (stage.includes(STATE_NAME_DELIM)) {
      const cut = stage.split(STATE_NAME_DELIM)[0] ?? "";
      findings.warning(
        stage,
        `${path}.name`,
        `Flink cuts state names at ':', so matches would list this stage as '${cut}'`,
      );
    }
    if (node.condition) checkCondition(node.condition, stage, `${path}.condition`, findings);
  } else {
    checkGroup(node, path, findings);
  }
  if (node.quantifier) checkQuantifier(node.quantifier, link, findings);
  if (link.edge && isNotContiguity(link.edge.type)) checkNotEdge(link, link.edge, findings);
}

/** `Pattern.notNext` / `notFollowedBy`: only after a non-optional stage, and only into a single stage. */
function checkNotEdge(link: ChainLink, edge: NonNullable<ChainLink["edge"]>, findings: Findings): void {
  const stage = link.node.name;
  if (link.node.type === "COMPOSITE") {
    findings.error(
      stage,
      `${edge.path}.type`,
      `${edge.type} into a group pattern is not supported: Flink has no notNext(Pattern) or notFollowedBy(Pattern)`,
    );
  }
  const previous = link.previous?.node;
  if (previous?.quantifier && isOptionalStage(previous.quantifier)) {
    findings.error(
      stage,
      `${edge.path}.type`,
      `Specifying a pattern with an optional path to NOT condition is not supported yet: the stage before, '${previous.name}', is optional`,
    );
  }
}

function checkGroup(group: GraphNode, path: string, findings: Findings): void {
  const stage = group.name;
  if (group.condition) {
    findings.warning(
      stage,
      `${path}.condition`,
      "GroupPattern does not support where clause: a group's condition is ignored",
    );
  }
  if (group.afterMatchStrategy.type !== "NO_SKIP") {
    findings.warning(
      stage,
      `${path}.afterMatchStrategy`,
      "a group's afterMatchStrategy is not used: Flink applies the strategy of the whole pattern (the top level's)",
    );
  }
  if (group.window) {
    checkDuration(group.window.time, stage, `${path}.window.time`, findings);
    if (group.window.type === "FIRST_AND_LAST") {
      findings.warning(
        stage,
        `${path}.window`,
        "Flink's NFACompiler does not read a FIRST_AND_LAST window set on a group's last stage; put the window on the top level",
      );
    }
  }
  checkGraph(group, path, stage, findings);
}

function checkQuantifier(q: Quantifier, link: ChainLink, findings: Findings): void {
  const { node } = link;
  const stage = node.name;
  const qPath = `${link.path}.quantifier`;
  const propsPath = `${qPath}.properties`;
  const has = (p: QuantifierProperty) => q.properties.includes(p);
  const kind = quantifierKind(q);
  const not = isNotContiguity(link.edge?.type);

  if (has("LOOPING") && has("TIMES")) {
    findings.error(
      stage,
      propsPath,
      "Already applied quantifier to this Pattern: properties has both LOOPING and TIMES",
    );
  } else if (has("SINGLE") && kind !== "SINGLE") {
    // NodeSpec.toPattern has no branch for SINGLE: the stage is what the other property says.
    findings.warning(
      stage,
      propsPath,
      `properties has SINGLE together with ${kind}; Flink's reader ignores SINGLE and builds a ${kind} stage`,
    );
  } else if (!has("SINGLE") && kind === "SINGLE") {
    findings.warning(
      stage,
      propsPath,
      "properties names none of SINGLE, LOOPING, TIMES; Flink reads the stage as SINGLE",
    );
  }
  if (kind !== "SINGLE" && not) {
    findings.error(stage, propsPath, `Option not applicable to NOT pattern: a NOT stage cannot be ${kind}`);
  }
  checkTimes(q, stage, qPath, findings);

  if (not && isOptionalStage(q)) findings.error(stage, propsPath, "NOT pattern cannot be optional");
  if (has("OPTIONAL")) {
    const previous = link.previous?.node;
    if (previous?.quantifier && isGreedy(previous.quantifier)) {
      findings.error(
        stage,
        propsPath,
        `Optional pattern cannot be preceded by greedy pattern ('${previous.name}' is greedy)`,
      );
    }
  }
  if (has("GREEDY")) checkGreedy(q, link, findings);
  if (kind === "SINGLE" && q.consumingStrategy !== "SKIP_TILL_NEXT") {
    const call = q.consumingStrategy === "STRICT" ? "Consecutive (STRICT)" : "Combinations (SKIP_TILL_ANY)";
    findings.error(
      stage,
      `${qPath}.consumingStrategy`,
      `${call} not applicable to a SINGLE stage: it needs LOOPING or TIMES`,
    );
  }
  if (q.untilCondition) {
    if (kind !== "LOOPING") {
      findings.error(
        stage,
        `${qPath}.untilCondition`,
        "The until condition is only applicable to looping states.",
      );
    }
    checkCondition(q.untilCondition, stage, `${qPath}.untilCondition`, findings);
  }
}

/** `Pattern.greedy()` and `Quantifier.greedy()`. */
function checkGreedy(q: Quantifier, link: ChainLink, findings: Findings): void {
  const stage = link.node.name;
  const qPath = `${link.path}.quantifier`;
  if (isNotContiguity(link.edge?.type)) {
    findings.error(
      stage,
      `${qPath}.properties`,
      "Option not applicable to NOT pattern: a NOT stage cannot be greedy",
    );
  } else if (link.node.type === "COMPOSITE") {
    findings.error(
      stage,
      `${qPath}.properties`,
      "Option not applicable to group pattern: a group cannot be greedy",
    );
  } else if (quantifierKind(q) === "SINGLE") {
    findings.error(
      stage,
      `${qPath}.properties`,
      "Option not applicable to singleton quantifier: GREEDY needs LOOPING or TIMES",
    );
  } else if (q.consumingStrategy === "SKIP_TILL_ANY") {
    // Quantifier.greedy() refuses an inner SKIP_TILL_ANY, but NodeSpec.toPattern calls greedy()
    // before allowCombinations(), and combinations() does not look at GREEDY: Flink accepts it.
    findings.warning(
      stage,
      `${qPath}.consumingStrategy`,
      "GREEDY with allowCombinations() (SKIP_TILL_ANY) is accepted only in this order: Flink's reader calls greedy() before allowCombinations(); allowCombinations().greedy() throws 'Option not applicable to FollowedByAny pattern'",
    );
  }
}

function checkCondition(condition: Condition, stage: string, path: string, findings: Findings): void {
  forEachConditionLeaf(condition, path, (leaf, leafPath) => {
    switch (leaf.type) {
      case "aviator":
      case "groovy":
        if (leaf.expression.trim() === "") {
          findings.error(stage, `${leafPath}.expression`, "the condition's expression is empty");
        }
        return;
      case "class":
        if (leaf.className.trim() === "") {
          findings.error(stage, `${leafPath}.className`, "the condition's className is empty");
        }
        return;
      case "subtype":
        if (leaf.subClassName.trim() === "") {
          findings.error(stage, `${leafPath}.subClassName`, "the subtype condition's subClassName is empty");
        }
        return;
    }
  });
}
