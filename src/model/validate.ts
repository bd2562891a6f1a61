/**
 * Flink's malformed-pattern rules, checked on the pattern model before anything compiles it.
 *
 * Ports the checks that `org.apache.flink.cep.pattern.Pattern`, `GroupPattern`, `Quantifier`
 * (with `Quantifier.Times`), `NFAStateNameHandler` and `nfa.compiler.NFACompiler`
 * (`checkPatternNameUniqueness`, `checkPatternSkipStrategy`, `checkPatternWindowTimes`, the
 * notFollowedBy-at-the-end check) throw as `MalformedPatternException`, plus the shape rules of
 * dynamic CEP's `GraphSpec.toPattern` (one begin node, one linear chain of edges). Flink stops at
 * the first problem; we collect them all, in the words of Flink's messages where it has some.
 *
 * Modules: `validateChain.ts` (graph shape), `validateStage.ts` (per-stage rules),
 * `validateTimes.ts` (times bounds and time sizes), `validateWindowTimes.ts`
 * (`checkPatternWindowTimes`), `validateText.ts` (names and rule ids that do not read as they
 * are: hidden characters and look-alikes), this file (pattern-wide rules).
 */
import { durationToMillis } from "./duration.ts";
import type { GraphNode } from "./pattern.ts";
import { Findings, joinPath } from "./patternFindings.ts";
import type { PatternDiagnostic } from "./patternFindings.ts";
import type { ChainLink } from "./validateChain.ts";
import { checkGraph, ENDING_STATE_NAME } from "./validateStage.ts";
import { checkDuration } from "./validateTimes.ts";
import { checkNamesReadAsTheyAre } from "./validateText.ts";
import { checkPatternWindowTimes } from "./validateWindowTimes.ts";

export type { PatternDiagnostic } from "./patternFindings.ts";
export { validateRuleId } from "./validateText.ts";

/**
 * Checks `graph` against Flink's pattern rules. Pure. Returns every problem found, each naming
 * its stage and JSON path; `[]` for a pattern Flink accepts without remark. Errors are what
 * Flink would reject; warnings are accepted but probably not what the author meant.
 */
export function validatePattern(graph: GraphNode): PatternDiagnostic[] {
  const findings = new Findings();
  const chain = checkGraph(graph, "", null, findings);
  checkNameUniqueness(graph, findings);
  checkNamesReadAsTheyAre(graph, "", findings);
  checkTopLevel(graph, chain, findings);
  return findings.list;
}

/** True when `diagnostics` holds at least one error. */
export function hasPatternErrors(diagnostics: readonly PatternDiagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/**
 * `checkPatternNameUniqueness`: atomic stage names are unique across the whole pattern, groups
 * included. Group nodes are exempt: Flink names every `GroupPattern` "GroupPattern", and the
 * reference writer names a group after its last inner stage.
 */
function checkNameUniqueness(graph: GraphNode, findings: Findings): void {
  const seen = new Set<string>();
  const visit = (g: GraphNode, path: string) => {
    g.nodes.forEach((node, i) => {
      const nodePath = joinPath(path, `nodes[${i}]`);
      if (node.type === "COMPOSITE") {
        visit(node, nodePath);
      } else if (node.name !== "" && node.name !== ENDING_STATE_NAME) {
        if (seen.has(node.name)) {
          findings.error(
            node.name,
            `${nodePath}.name`,
            `Duplicate pattern name: ${node.name}. Names must be unique.`,
          );
        }
        seen.add(node.name);
      }
    });
  };
  visit(graph, "");
}

/** Pattern-wide rules: the top-level condition, skip strategy, window, window times, a trailing notFollowedBy. */
function checkTopLevel(graph: GraphNode, chain: ChainLink[] | null, findings: Findings): void {
  if (graph.condition)
    findings.warning(null, "condition", "the top-level condition is ignored by Flink's reader");
  checkSkipStrategy(graph, findings);
  const window = graph.window;
  let windowMillis = 0;
  if (window) {
    checkDuration(window.time, null, "window.time", findings);
    if (Number.isSafeInteger(window.time.size)) windowMillis = durationToMillis(window.time);
    if (window.time.size === 0) {
      findings.warning(
        null,
        "window.time.size",
        "a window of 0 does not limit the match time (Flink treats 0 as no window)",
      );
    }
  }
  // NFACompiler: a trailing notFollowedBy needs a window to know when the match is complete.
  const last = chain?.at(-1);
  if (last?.edge?.type === "NOT_FOLLOW" && windowMillis <= 0) {
    findings.error(
      last.node.name,
      `${last.edge.path}.type`,
      "NotFollowedBy is not supported without windowTime as a last part of a Pattern! Add a window to the rule, or end it with another stage",
    );
  }
  if (window?.type === "FIRST_AND_LAST") checkPatternWindowTimes(graph, windowMillis, findings);
}

/** `checkPatternSkipStrategy`: SKIP_TO_FIRST / SKIP_TO_LAST must name a stage of the top-level chain. */
function checkSkipStrategy(graph: GraphNode, findings: Findings): void {
  const { type, patternName } = graph.afterMatchStrategy;
  const path = "afterMatchStrategy.patternName";
  if (type !== "SKIP_TO_FIRST" && type !== "SKIP_TO_LAST") {
    if (patternName !== null) findings.warning(null, path, `patternName is ignored for ${type}`);
    return;
  }
  if (patternName === null || patternName === "") {
    findings.error(
      null,
      path,
      `${type} needs patternName: the stage whose first/last event the next match starts from`,
    );
    return;
  }
  const top = graph.nodes.find((node) => node.name === patternName);
  if (top?.type === "ATOMIC") return;
  if (patternName === GROUP_PATTERN_NAME && graph.nodes.some((node) => node.type === "COMPOSITE")) {
    // Flink compares getName(), and every GroupPattern is called "GroupPattern": it is found.
    if (!containsStage(graph, patternName)) {
      findings.warning(
        null,
        path,
        `'${patternName}' is found (Flink names every GroupPattern so), but no stage holds events under that name, so ${type} never skips anything`,
      );
    }
    return;
  }
  let hint = "";
  if (top) hint = ` ('${patternName}' is a group; Flink names every GroupPattern "GroupPattern")`;
  else if (containsStage(graph, patternName)) {
    hint = ` ('${patternName}' is inside a group; Flink only looks at the stages of the top-level chain)`;
  }
  findings.error(
    null,
    path,
    `The pattern name specified in AfterMatchSkipStrategy can not be found in the given Pattern: '${patternName}'${hint}`,
  );
}

/** `GroupPattern`'s name for every group, which `checkPatternSkipStrategy` compares against. */
const GROUP_PATTERN_NAME = "GroupPattern";

function containsStage(graph: GraphNode, name: string): boolean {
  return graph.nodes.some((node) =>
    node.type === "ATOMIC" ? node.name === name : containsStage(node, name),
  );
}
