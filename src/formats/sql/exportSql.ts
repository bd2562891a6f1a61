/**
 * Exports a rule as an Apache Flink SQL `MATCH_RECOGNIZE` query (format notes §10). What SQL
 * expresses exactly is written; what it can only approximate is written with a warning; what it
 * cannot express yields `sql: null` and error notes naming the stage and the feature. Wrong SQL
 * is never returned silently.
 */
import { durationToMillis } from "../../model/duration.ts";
import type {
  AfterMatchSkipStrategy,
  ConditionBindings,
  GraphNode,
  PatternNode,
  Rule,
} from "../../model/pattern.ts";
import { ExportNotes, type ExportNote } from "../exportNote.ts";
import { isOptional, quantifierKind } from "../../model/quantifier.ts";
import { graphOf, stageChain } from "../../model/stageChain.ts";
import { validatePattern } from "../../model/validate.ts";
import { sqlPattern, type SqlVariable } from "./sqlPattern.ts";
import { sqlIdentifier, sqlInterval, sqlPath } from "./sqlSyntax.ts";

/** One MEASURES item: a SQL expression (written as given) and its output column. */
export interface SqlMeasure {
  readonly expression: string;
  readonly alias: string;
}

/** Options for {@link exportSql}. */
export interface SqlExportOptions {
  /** Source table (dotted path allowed). Default `events`. */
  readonly table?: string;
  /** Columns that play the role of the DataStream job's keyBy. Default none (parallelism 1). */
  readonly partitionBy?: readonly string[];
  /** The ascending time attribute. Default `rowtime`. */
  readonly orderBy?: string;
  /** Default: each stage's time attribute (FIRST and LAST for repeating stages). */
  readonly measures?: readonly SqlMeasure[];
  /** Expressions for CLASS conditions (className → condition-language expression). */
  readonly bindings?: ConditionBindings;
  /**
   * Use this after-match strategy instead of the rule's. Apache Flink SQL has no NO SKIP, so a
   * NO_SKIP rule exports only when the caller picks another strategy here, knowingly.
   */
  readonly afterMatch?: AfterMatchSkipStrategy;
}

/** The query, or null when the rule cannot be written in Flink SQL; notes say why or what differs. */
export interface SqlExport {
  readonly sql: string | null;
  readonly notes: readonly ExportNote[];
}

/** Writes `rule` (or a bare pattern graph) as `SELECT * FROM … MATCH_RECOGNIZE (…) AS T`. */
export function exportSql(rule: Rule | GraphNode, options: SqlExportOptions = {}): SqlExport {
  const notes = new ExportNotes();
  const graph = graphOf(rule);
  const usage = { nullSensitive: false };
  const variables = sqlPattern(graph, { notes, bindings: options.bindings, usage });
  const afterMatch = afterMatchClause(options.afterMatch ?? graph.afterMatchStrategy, graph, notes);
  if (options.afterMatch && !sameStrategy(options.afterMatch, graph.afterMatchStrategy)) {
    notes.info(
      null,
      `AFTER MATCH follows the export options (${options.afterMatch.type}); the rule says ${graph.afterMatchStrategy.type}`,
    );
  }
  const within = withinClause(graph, notes);
  if (usage.nullSensitive) {
    notes.info(
      null,
      "Aviator treats a missing field (nil) as smaller than every value and nil != x as true; in SQL those comparisons with NULL are UNKNOWN, so rows with NULL fields may match differently",
    );
  }
  if (!notes.hasErrors) {
    // A pattern Flink CEP rejects has no semantics for SQL to keep; say why instead of translating it.
    for (const problem of validatePattern(graph)) {
      if (problem.severity !== "error") continue;
      const prefix = problem.stage === null ? "" : `stage '${problem.stage}': `;
      notes.error(problem.stage, `Flink rejects this pattern: ${problem.message.slice(prefix.length)}`);
    }
  }
  if (variables === null || afterMatch === null || within === null || notes.hasErrors) {
    return { sql: null, notes: notes.list };
  }

  const table = options.table ?? "events";
  const orderBy = options.orderBy ?? "rowtime";
  const partitionBy = options.partitionBy ?? [];
  if (partitionBy.length === 0) {
    notes.info(
      null,
      "no PARTITION BY: the query runs with parallelism 1 over all rows; give the columns your job keys by",
    );
  }
  const measures = options.measures ?? defaultMeasures(variables, orderBy);
  const lines = ["SELECT *", `FROM ${sqlPath(table)}`, "  MATCH_RECOGNIZE ("];
  if (partitionBy.length > 0) lines.push(`    PARTITION BY ${partitionBy.map(sqlPath).join(", ")}`);
  lines.push(`    ORDER BY ${sqlPath(orderBy)}`);
  if (measures.length > 0) {
    lines.push(
      "    MEASURES",
      ...listItems(measures.map((m) => `${m.expression} AS ${sqlIdentifier(m.alias)}`)),
    );
  }
  lines.push("    ONE ROW PER MATCH", `    AFTER MATCH ${afterMatch}`);
  const pattern = variables.map((v) => sqlIdentifier(v.name) + v.quantifier.suffix).join(" ");
  lines.push(`    PATTERN (${pattern})${within}`);
  const defines = variables
    .filter((v) => v.define !== null)
    .map((v) => `${sqlIdentifier(v.name)} AS ${v.define ?? ""}`);
  if (defines.length > 0) lines.push("    DEFINE", ...listItems(defines));
  lines.push("  ) AS T");
  return { sql: lines.join("\n"), notes: notes.list };
}

function listItems(items: readonly string[]): string[] {
  return items.map((item, i) => `      ${item}${i < items.length - 1 ? "," : ""}`);
}

/** Each stage's time attribute: the value for single stages, first and last for repeating ones. */
function defaultMeasures(variables: readonly SqlVariable[], orderBy: string): SqlMeasure[] {
  const column = orderBy.split(".").at(-1) ?? orderBy;
  const time = sqlPath(orderBy);
  return variables.flatMap((v): SqlMeasure[] => {
    if (v.stage === null) return [];
    const variable = sqlIdentifier(v.name);
    if (v.quantifier.suffix === "" || v.quantifier.suffix === "?") {
      return [{ expression: `${variable}.${time}`, alias: `${v.name}_${column}` }];
    }
    return [
      { expression: `FIRST(${variable}.${time})`, alias: `${v.name}_first_${column}` },
      { expression: `LAST(${variable}.${time})`, alias: `${v.name}_last_${column}` },
    ];
  });
}

/** `SKIP PAST LAST ROW` etc.; null (with an error note) when SQL has no such clause. */
function afterMatchClause(skip: AfterMatchSkipStrategy, graph: GraphNode, notes: ExportNotes): string | null {
  switch (skip.type) {
    case "NO_SKIP":
      notes.error(
        null,
        "after-match NO_SKIP has no equivalent in Apache Flink SQL (VVR ≥ 6.0.5 has AFTER MATCH NO SKIP); choose another strategy to export",
      );
      return null;
    case "SKIP_TO_NEXT":
      return "SKIP TO NEXT ROW";
    case "SKIP_PAST_LAST_EVENT":
      return "SKIP PAST LAST ROW";
    case "SKIP_TO_FIRST":
    case "SKIP_TO_LAST": {
      const target = graph.nodes.find((node) => node.name === skip.patternName);
      if (!target || skip.patternName === null) {
        notes.error(
          null,
          `${skip.type} names '${skip.patternName ?? ""}', which is not a stage of the pattern`,
        );
        return null;
      }
      const miss = skipMiss(skip.type, target, graph);
      if (miss !== null) {
        notes.error(
          target.name,
          `Flink SQL skips with throwExceptionOnMiss(), so ${miss} fails the job where Flink CEP does not skip; choose another strategy to export`,
        );
        return null;
      }
      return `SKIP TO ${skip.type === "SKIP_TO_FIRST" ? "FIRST" : "LAST"} ${sqlIdentifier(target.name)}`;
    }
  }
}

/**
 * Why `SKIP TO FIRST/LAST target` can fail the SQL job where Flink CEP goes on, or null. The planner
 * builds `skipToFirst/skipToLast(target).throwExceptionOnMiss()`; `SkipToElementStrategy` then
 * throws when the target has no event in a match, and when the event to skip to is the match's own
 * first event ("Could not skip to first element of a match."). Flink CEP, without the flag, does
 * not skip in either case.
 */
function skipMiss(
  type: "SKIP_TO_FIRST" | "SKIP_TO_LAST",
  target: PatternNode,
  graph: GraphNode,
): string | null {
  const q = target.quantifier;
  if (q !== null && isOptional(q)) return "a match without this optional stage";
  const links = stageChain(graph).links;
  const position = links.findIndex((link) => link.node === target);
  const canStartMatch = links
    .slice(0, Math.max(position, 0))
    .every((link) => link.node.quantifier !== null && isOptional(link.node.quantifier));
  if (!canStartMatch) return null;
  if (type === "SKIP_TO_FIRST")
    return 'skipping to the match\'s own first row ("Could not skip to first element of a match.")';
  // Its last row is the match's first when it can take exactly one row.
  if (q === null || quantifierKind(q) === "SINGLE" || q.times?.from === 1) {
    return 'skipping to the match\'s own first row, its only row of this stage ("Could not skip to first element of a match.")';
  }
  return null;
}

function withinClause(graph: GraphNode, notes: ExportNotes): string | null {
  if (graph.window === null) return "";
  if (graph.window.type === "PREVIOUS_AND_CURRENT") {
    notes.error(
      null,
      "a PREVIOUS_AND_CURRENT window has no MATCH_RECOGNIZE equivalent in Apache Flink SQL (WITHIN is first-to-last)",
    );
    return null;
  }
  return ` WITHIN ${sqlInterval(durationToMillis(graph.window.time))}`;
}

function sameStrategy(a: AfterMatchSkipStrategy, b: AfterMatchSkipStrategy): boolean {
  return a.type === b.type && a.patternName === b.patternName;
}
