/**
 * `NFACompiler.checkPatternWindowTimes`: no per-event window Flink records in `windowTimes` may be
 * longer than the pattern's FIRST_AND_LAST window (a window of 0 included).
 *
 * Which windows get recorded is decided by `NFAFactoryCompiler.createState(stateType, isTake)`,
 * once per take state it creates, walking the pattern from its last stage back to its first:
 * - a pattern with no `times` (a single stage) records its PREVIOUS_AND_CURRENT window. In JSON
 *   only a group's window lands on an inner stage (its last one); a notFollowedBy there gets a
 *   state only when its sink is the Final state;
 * - a looping or times pattern records its times window on every take state whose internal name
 *   contains ':' — names are `stage`, then `stage:0`, `stage:1`, … So: every LOOPING stage, a
 *   TIMES stage with `to` ≥ 2, a `times(1)` stage converted more than once (a looping group, or a
 *   times group with `to` ≥ 2, converts its inner stages again for each iteration state), and a
 *   looping group, whose dummy state is named "GroupPattern" only if it is the first of them.
 */
import { durationToMillis } from "./duration.ts";
import type { Duration } from "./duration.ts";
import type { GraphNode, Quantifier } from "./pattern.ts";
import { joinPath } from "./patternFindings.ts";
import type { Findings } from "./patternFindings.ts";
import { quantifierKind, type QuantifierKind } from "./quantifier.ts";
import { stageChain } from "./stageChain.ts";

/** What a walk over one graph level knows about how NFACompiler reaches it. */
interface Reach {
  /** The level is converted more than once (inside a repeating group). */
  readonly repeated: boolean;
  /** The level's last stage leads straight to the Final state. */
  readonly atEnd: boolean;
}

const MESSAGE =
  "The window length between the previous and current event cannot be larger than the window length between the first and last event for a Pattern.";

/** Reports every recorded window of `graph` longer than `windowMillis` (the FIRST_AND_LAST window). */
export function checkPatternWindowTimes(graph: GraphNode, windowMillis: number, findings: Findings): void {
  const tooLong = (d: Duration | null): d is Duration =>
    d !== null && Number.isSafeInteger(d.size) && durationToMillis(d) > windowMillis;
  // Set once the first state named "GroupPattern" (a looping group's dummy state) exists.
  let groupNameUsed = false;

  const walk = (level: GraphNode, path: string, reach: Reach) => {
    const { links, issues } = stageChain(level);
    // A level that is not one chain is reported as such; Flink would not compile it.
    if (issues.length > 0) return;
    // NFACompiler creates states from the last stage to the first.
    for (let i = links.length - 1; i >= 0; i--) {
      const link = links[i];
      if (!link) continue;
      const { node } = link;
      const nodePath = joinPath(path, `nodes[${link.nodeIndex}]`);
      const isLast = i === links.length - 1;
      const timesWindow = node.quantifier?.times?.windowTime ?? null;
      if (node.type === "ATOMIC") {
        const times = node.quantifier.times;
        const kind = effectiveKind(node.quantifier);
        const named = kind === "LOOPING" || (times !== null && times.to >= 2) || reach.repeated;
        if (kind !== "SINGLE" && (named || node.name.includes(":")) && tooLong(timesWindow)) {
          findings.error(node.name, `${nodePath}.quantifier.times.windowTime`, MESSAGE);
        }
        continue;
      }
      const kind = effectiveKind(node.quantifier);
      if (kind === "LOOPING") {
        // createLoopingGroupPatternState's dummy state takes the group's times window.
        if ((groupNameUsed || reach.repeated) && tooLong(timesWindow)) {
          findings.error(node.name, `${nodePath}.quantifier.times.windowTime`, MESSAGE);
        }
        groupNameUsed = true;
      }
      const inner: Reach = {
        repeated:
          reach.repeated ||
          kind === "LOOPING" ||
          (kind === "TIMES" && (node.quantifier?.times?.to ?? 1) >= 2),
        // A looping group's inner stages lead to its dummy and looping states, never to Final.
        atEnd: reach.atEnd && isLast && kind !== "LOOPING",
      };
      const window = node.window;
      if (window?.type === "PREVIOUS_AND_CURRENT" && tooLong(window.time) && recordsLastWindow(node, inner)) {
        findings.error(node.name, `${nodePath}.window.time`, MESSAGE);
      }
      walk(node, nodePath, inner);
    }
  };
  walk(graph, "", { repeated: false, atEnd: true });
}

/** Whether the PREVIOUS_AND_CURRENT window `group` puts on its last inner stage is recorded. */
function recordsLastWindow(group: GraphNode, inner: Reach): boolean {
  const last = stageChain(group).links.at(-1);
  if (!last || last.node.type !== "ATOMIC") return false;
  // Only a pattern without times records it.
  if (effectiveKind(last.node.quantifier) !== "SINGLE") return false;
  // A notFollowedBy gets a (Pending) state only when it leads to the Final state.
  return last.contiguity !== "NOT_FOLLOW" || inner.atEnd;
}

/** The kind NodeSpec.toPattern builds: LOOPING or TIMES without `times` stays a single pattern. */
function effectiveKind(q: Quantifier | null): QuantifierKind {
  return q?.times ? quantifierKind(q) : "SINGLE";
}
