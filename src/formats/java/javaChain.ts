/**
 * A pattern as a chain of Java Pattern API calls, built the way dynamic CEP's
 * `GraphSpec.toPattern` / `NodeSpec.toPattern` build a Flink `Pattern`: per stage the edge call
 * (`next`, `followedBy`, …), the condition, then the quantifier calls in Flink's order
 * (`times…`, `optional`, `greedy`, `consecutive`/`allowCombinations`, `until`), and the graph's
 * `within` last. A top-level SubType condition is written as `subtype(X.class)` after the
 * quantifier calls (same condition, and `until()` keeps the event type). Group stages become
 * nested chains (`GroupPattern`).
 */
import type { AfterMatchSkipStrategy, EdgeContiguity, GraphNode, Quantifier } from "../../model/pattern.ts";
import { quantifierKind } from "../../model/quantifier.ts";
import { javaCondition, javaWhereCalls, type ConditionContext } from "./javaConditions.ts";
import type { ExportNotes } from "../exportNote.ts";
import { javaInteger, javaString, javaTime, type JavaTarget } from "./javaSyntax.ts";
import { stageChain } from "../../model/stageChain.ts";

/** One call in a chain: plain text, or a call whose argument is a nested chain (a group pattern). */
export type JavaCall =
  | { readonly kind: "text"; readonly text: string }
  | {
      readonly kind: "group";
      readonly method: string;
      readonly chain: JavaChain;
      readonly trailingArg: string | null;
      /** Wrap the group in `retype(…)`: see {@link retypeMethod}. */
      readonly retype: boolean;
    };

/** `head` then `.calls…`. */
export interface JavaChain {
  readonly head: JavaCall;
  readonly calls: readonly JavaCall[];
  /**
   * The chain's `F` type argument when `subtype()` narrowed it (the class reference), null when
   * it is the event type. Flink's `next/followedBy/followedByAny(Pattern<T, F> group)` take the
   * receiver's own `F`, so a group after a narrowed stage, or a narrowed group, needs `retype`.
   */
  readonly narrowedTo: string | null;
}

/** Shared state while a pattern is turned into calls. */
export interface ChainContext {
  readonly target: JavaTarget;
  readonly eventType: string;
  readonly notes: ExportNotes;
  readonly imports: Set<string>;
  needsOwnAviatorCondition: boolean;
  /** Set when some group call needs the {@link retypeMethod} helper. */
  needsRetype: boolean;
}

/**
 * The helper a narrowed chain needs to take a group: an unchecked cast that lets Java infer the
 * receiver's `F` (erased at run time, so it changes nothing in the pattern).
 */
export function retypeMethod(eventType: string): string[] {
  return [
    "    /** Lets a group follow a stage narrowed by subtype(): Pattern's group calls take the receiver's own F. */",
    '    @SuppressWarnings("unchecked")',
    `    private static <F extends ${eventType}> Pattern<${eventType}, F> retype(Pattern<${eventType}, ?> group) {`,
    `        return (Pattern<${eventType}, F>) group;`,
    "    }",
  ];
}

const EDGE_METHOD: Readonly<Record<EdgeContiguity, string>> = {
  STRICT: "next",
  SKIP_TILL_NEXT: "followedBy",
  SKIP_TILL_ANY: "followedByAny",
  NOT_NEXT: "notNext",
  NOT_FOLLOW: "notFollowedBy",
};

const text = (value: string): JavaCall => ({ kind: "text", text: value });

/** The calls for `graph`; `skip` is given for the top level only (inner groups take their predecessor's). */
export function javaChain(
  graph: GraphNode,
  ctx: ChainContext,
  skip: AfterMatchSkipStrategy | null,
): JavaChain {
  // Shape problems (branches, cycles, duplicates) are validatePattern's to report.
  const chain = stageChain(graph);
  const skipArg = skip === null ? null : skipStrategy(skip, ctx);
  let head: JavaCall | null = null;
  const calls: JavaCall[] = [];
  let narrowedTo: string | null = null;
  for (const { node, contiguity } of chain.links) {
    if (node.type === "COMPOSITE") {
      const inner = javaChain(node, ctx, null);
      if (contiguity === null) {
        head = { kind: "group", method: "Pattern.begin", chain: inner, trailingArg: skipArg, retype: false };
      } else {
        const retype = narrowedTo !== inner.narrowedTo;
        ctx.needsRetype ||= retype;
        calls.push({
          kind: "group",
          method: `.${EDGE_METHOD[contiguity]}`,
          chain: inner,
          trailingArg: null,
          retype,
        });
      }
      narrowedTo = inner.narrowedTo;
      if (node.condition !== null) {
        ctx.notes.warning(
          node.name,
          "a group's own condition is ignored by Flink's reader and is not exported",
        );
      }
      if (node.quantifier !== null) calls.push(...quantifierCalls(node.quantifier, node.name, true, ctx));
      continue;
    }
    const name = javaString(node.name);
    if (contiguity === null) {
      const args = skipArg === null ? name : `${name}, ${skipArg}`;
      head = text(`Pattern.<${ctx.eventType}>begin(${args})`);
    } else {
      calls.push(text(`.${EDGE_METHOD[contiguity]}(${name})`));
    }
    narrowedTo = null;
    const conditionCtx = conditionContext(ctx, node.name);
    const where = node.condition === null ? [] : javaWhereCalls(node.condition, conditionCtx);
    // subtype() only ANDs a SubtypeCondition onto the stage's condition, so it can come last:
    // until() and any where() keep the event type and take conditions written for it.
    const subtypes = where.filter((call) => call.startsWith(".subtype("));
    calls.push(...where.filter((call) => !subtypes.includes(call)).map(text));
    calls.push(...quantifierCalls(node.quantifier, node.name, false, ctx));
    calls.push(...subtypes.map(text));
    const narrowed = /^\.subtype\((.*)\.class\)$/.exec(subtypes.at(-1) ?? "");
    if (narrowed?.[1] !== undefined) narrowedTo = narrowed[1];
    ctx.needsOwnAviatorCondition ||= conditionCtx.needsOwnAviatorCondition;
  }
  if (graph.window !== null) {
    const time = javaTime(graph.window.time, ctx.target);
    time.imports.forEach((i) => ctx.imports.add(i));
    ctx.imports.add("org.apache.flink.cep.pattern.WithinType");
    calls.push(text(`.within(${time.code}, WithinType.${graph.window.type})`));
  }
  return { head: head ?? text(`Pattern.<${ctx.eventType}>begin("")`), calls, narrowedTo };
}

function conditionContext(ctx: ChainContext, stage: string): ConditionContext {
  return {
    target: ctx.target,
    stage,
    notes: ctx.notes,
    imports: ctx.imports,
    needsOwnAviatorCondition: false,
  };
}

function skipStrategy(skip: AfterMatchSkipStrategy, ctx: ChainContext): string {
  ctx.imports.add("org.apache.flink.cep.nfa.aftermatch.AfterMatchSkipStrategy");
  // A missing stage name is validatePattern's to report.
  const named = (method: string) => `AfterMatchSkipStrategy.${method}(${javaString(skip.patternName ?? "")})`;
  switch (skip.type) {
    case "NO_SKIP":
      return "AfterMatchSkipStrategy.noSkip()";
    case "SKIP_TO_NEXT":
      return "AfterMatchSkipStrategy.skipToNext()";
    case "SKIP_PAST_LAST_EVENT":
      return "AfterMatchSkipStrategy.skipPastLastEvent()";
    case "SKIP_TO_FIRST":
      return named("skipToFirst");
    case "SKIP_TO_LAST":
      return named("skipToLast");
  }
}

/** The quantifier calls in the order `NodeSpec.toPattern` applies them. */
function quantifierCalls(q: Quantifier, stage: string, isGroup: boolean, ctx: ChainContext): JavaCall[] {
  const calls: string[] = [];
  const kind = quantifierKind(q);
  // LOOPING/TIMES without times: validatePattern reports it; like Flink's JSON reader, no call.
  const times = q.times;
  const window = times?.windowTime ? javaTime(times.windowTime, ctx.target) : null;
  window?.imports.forEach((i) => ctx.imports.add(i));
  const windowArg = window ? `, ${window.code}` : "";
  if (kind === "LOOPING" && times) {
    calls.push(
      times.from === 1 && !window ? ".oneOrMore()" : `.timesOrMore(${javaInteger(times.from)}${windowArg})`,
    );
  } else if (kind === "TIMES" && times) {
    const range =
      times.from === times.to
        ? javaInteger(times.from)
        : `${javaInteger(times.from)}, ${javaInteger(times.to)}`;
    calls.push(`.times(${range}${windowArg})`);
  }
  if (q.properties.includes("OPTIONAL")) calls.push(".optional()");
  // GroupPattern.greedy() throws (validatePattern reports it); the call is left out.
  if (q.properties.includes("GREEDY") && !isGroup) calls.push(".greedy()");
  const repeats = kind !== "SINGLE" && times !== null;
  // On a single stage Flink throws (validatePattern reports it); the call is left out.
  if (q.consumingStrategy !== "SKIP_TILL_NEXT" && repeats) {
    calls.push(q.consumingStrategy === "STRICT" ? ".consecutive()" : ".allowCombinations()");
  }
  if (q.untilCondition !== null) {
    // A looping group's until() is real: NFACompiler extends the take and ignore conditions of
    // the group's inner stages with it (getTakeCondition / getIgnoreCondition).
    const conditionCtx = conditionContext(ctx, stage);
    calls.push(`.until(${javaCondition(q.untilCondition, conditionCtx)})`);
    ctx.needsOwnAviatorCondition ||= conditionCtx.needsOwnAviatorCondition;
  }
  return calls.map(text);
}

/** Source lines for a chain. The first line carries no indentation (it follows `return `). */
export function renderChain(chain: JavaChain, indent: number): string[] {
  // Heads and calls alike put a nested chain two continuation levels deep.
  const lines = renderCall(chain.head, indent + 8);
  const callIndent = " ".repeat(indent + 8);
  for (const call of chain.calls) {
    const [first = "", ...rest] = renderCall(call, indent + 8);
    lines.push(callIndent + first, ...rest);
  }
  return lines;
}

function renderCall(call: JavaCall, lineIndent: number): string[] {
  if (call.kind === "text") return [call.text];
  const argIndent = " ".repeat(lineIndent + 8);
  const [first = "", ...rest] = renderChain(call.chain, lineIndent + 8);
  const opening = `${call.method}(${call.retype ? "retype(" : ""}`;
  const inner = [argIndent + first, ...rest];
  const last = inner.pop() ?? "";
  if (call.trailingArg === null) return [opening, ...inner, last + (call.retype ? "))" : ")")];
  return [opening, ...inner, `${last},`, `${argIndent}${call.trailingArg})`];
}
