/**
 * The PATTERN and DEFINE parts of MATCH_RECOGNIZE for a pattern graph. Flink's planner chains
 * every SQL variable with `next()` (`CommonExecMatch.PatternVisitor.translateSingleVariable`), so
 * STRICT edges map exactly; everything else is refused, except followedBy (see
 * {@link fillerFor}).
 */
import type { ConditionBindings, GraphNode } from "../../model/pattern.ts";
import { ExportNotes } from "../exportNote.ts";
import { stageChain } from "../../model/stageChain.ts";
import { conditionToSql, type ConditionScope } from "./conditionToSql.ts";
import { sqlQuantifier, type SqlQuantifier } from "./sqlQuantifier.ts";

/** One pattern variable of the SQL. */
export interface SqlVariable {
  /** Unquoted name (a stage name, or a generated filler name). */
  readonly name: string;
  readonly quantifier: SqlQuantifier;
  /** The DEFINE expression; null = no DEFINE (the variable accepts every row). */
  readonly define: string | null;
  /** The stage this variable is, or null for a filler. */
  readonly stage: string | null;
}

/** What building the pattern needs. */
export interface SqlPatternContext {
  readonly notes: ExportNotes;
  readonly bindings: ConditionBindings | undefined;
  readonly usage: { nullSensitive: boolean };
}

const UNSUPPORTED_EDGE = {
  SKIP_TILL_ANY:
    "followedByAny has no MATCH_RECOGNIZE equivalent in Apache Flink SQL (SQL never lets a row that matches be skipped)",
  NOT_NEXT: "notNext has no MATCH_RECOGNIZE equivalent in Apache Flink SQL",
  NOT_FOLLOW: "notFollowedBy has no MATCH_RECOGNIZE equivalent in Apache Flink SQL",
} as const;

/** The variables in PATTERN order, or null when something cannot be expressed (error notes say what). */
export function sqlPattern(graph: GraphNode, ctx: SqlPatternContext): SqlVariable[] | null {
  const { notes } = ctx;
  const errorsBefore = notes.list.filter((n) => n.severity === "error").length;
  const chain = stageChain(graph);
  for (const problem of chain.problems) notes.error(null, `the pattern is not a linear chain: ${problem}`);
  const stages = new Set(chain.links.map((link) => link.node.name));
  const variables: SqlVariable[] = [];
  for (const { node, contiguity } of chain.links) {
    if (node.type === "COMPOSITE") {
      notes.error(
        node.name,
        'group patterns have no MATCH_RECOGNIZE equivalent in Apache Flink SQL ("Group patterns are not supported yet")',
      );
      continue;
    }
    const quantifier = sqlQuantifier(node.quantifier, node.name, notes);
    const scope = (rowVariable: string, scopeNotes: ExportNotes): ConditionScope => ({
      rowVariable,
      stage: node.name,
      stages,
      bindings: ctx.bindings,
      notes: scopeNotes,
      noteStage: node.name,
      usage: ctx.usage,
    });
    const define = node.condition === null ? null : conditionToSql(node.condition, scope(node.name, notes));
    if (contiguity === "SKIP_TILL_ANY" || contiguity === "NOT_NEXT" || contiguity === "NOT_FOLLOW") {
      notes.error(node.name, UNSUPPORTED_EDGE[contiguity]);
    } else if (contiguity === "SKIP_TILL_NEXT" && quantifier && define !== null) {
      const previous = variables.at(-1);
      const filler = fillerFor(node.name, stages, previous?.quantifier, quantifier, notes);
      // The filler tests the target's condition on its own row; the notes were given once above.
      const fillerCondition =
        filler && node.condition && conditionToSql(node.condition, scope(filler.name, new ExportNotes()));
      if (filler && fillerCondition) {
        stages.add(filler.name);
        variables.push({ ...filler, define: `(${fillerCondition}) IS NOT TRUE` });
      }
    }
    if (quantifier) variables.push({ name: node.name, quantifier, define, stage: node.name });
  }
  const real = variables.filter((v) => v.stage !== null);
  const last = real.at(-1);
  if (last?.quantifier.greedy === true) {
    notes.error(
      last.name,
      'a greedy quantifier on the last stage is rejected by Flink SQL ("Greedy quantifiers are not allowed as the last element of a Pattern yet"); make it reluctant (not greedy)',
    );
  }
  if (real.length > 0 && real.every((v) => v.quantifier.optional)) {
    notes.error(
      null,
      "every stage is optional, so the pattern can match nothing; Flink SQL rejects patterns that can produce empty matches",
    );
  }
  const errorsAfter = notes.list.filter((n) => n.severity === "error").length;
  return errorsAfter === errorsBefore ? variables : null;
}

/**
 * followedBy (SKIP_TILL_NEXT) has no MATCH_RECOGNIZE form: SQL variables are always chained with
 * next(). We approximate `A followedBy B` as `A F*? B` with `F AS (<B's condition on F's row>) IS
 * NOT TRUE`. F takes exactly the rows B rejects, so B still binds the first row after A that
 * satisfies it, and matches begin and end on the same rows as in Flink CEP; a Flink SQL user gets
 * a working query instead of none. What differs, and the warning says so: the skipped rows belong
 * to the SQL match (aggregates in MEASURES see them). B optional would need `(F*? B)?`, a group,
 * and an optional F right after a greedy variable is rejected by Flink: those cases are refused.
 */
function fillerFor(
  target: string,
  taken: ReadonlySet<string>,
  previous: SqlQuantifier | undefined,
  targetQuantifier: SqlQuantifier,
  notes: ExportNotes,
): { name: string; quantifier: SqlQuantifier; stage: null } | null {
  if (targetQuantifier.optional) {
    notes.error(
      target,
      "followedBy into an optional stage has no MATCH_RECOGNIZE equivalent in Apache Flink SQL (it would need a group pattern)",
    );
    return null;
  }
  if (previous?.greedy === true) {
    notes.error(
      target,
      "followedBy after a greedy stage cannot be approximated: Flink SQL rejects the optional filler variable after a greedy one",
    );
    return null;
  }
  let name = `ignored_before_${target}`;
  for (let n = 2; taken.has(name); n++) name = `ignored_before_${target}_${n}`;
  notes.warning(
    target,
    `followedBy has no MATCH_RECOGNIZE equivalent; approximated by the variable ${name}*? before it, which takes exactly the rows '${target}' rejects. ` +
      "Matches start and end on the same rows as in Flink CEP, but the skipped rows are part of the SQL match (aggregates in MEASURES see them)",
  );
  return { name, quantifier: { suffix: "*?", greedy: false, optional: true }, stage: null };
}
