/**
 * What the export panel shows and saves, computed by the exporters themselves (`src/formats`):
 * the dynamic-CEP JSON of a rule or of the enabled rule set, the Flink SQL `MATCH_RECOGNIZE`
 * query (or the reasons SQL cannot say the rule) and the Java Pattern API class, each with its
 * notes and a file name. Pure: no DOM, no React.
 */
import type { DocumentRule } from "../document/studioDocument.ts";
import { formatJson } from "../editors/formatJson.ts";
import type { ExportNote } from "../formats/exportNote.ts";
import { exportRule, exportRuleSet } from "../formats/dynamicCep/index.ts";
import { exportJava } from "../formats/java/index.ts";
import type { JavaTarget } from "../formats/java/index.ts";
import { exportSql } from "../formats/sql/index.ts";
import type { SqlExportOptions } from "../formats/sql/index.ts";
import type { AfterMatchSkipStrategy, ConditionBindings, Rule } from "../model/pattern.ts";

/** One preview: its text (null when the target cannot express the rule), notes and file. */
export interface ExportPreview {
  readonly text: string | null;
  readonly notes: readonly ExportNote[];
  readonly fileName: string;
  readonly mimeType: string;
}

/** The SQL export's settings as the panel edits them (text fields as typed). */
export interface SqlSettings {
  /** "rule" (the rule's own strategy) or a choice from {@link afterMatchChoices}. */
  readonly afterMatch: string;
  readonly table: string;
  /** Comma-separated columns (the job's keyBy). */
  readonly partitionBy: string;
  readonly orderBy: string;
}

/** The Java export's settings. */
export interface JavaSettings {
  readonly target: JavaTarget;
  readonly eventType: string;
}

export const DEFAULT_SQL_SETTINGS: SqlSettings = {
  afterMatch: "rule",
  table: "events",
  partitionBy: "",
  orderBy: "rowtime",
};

export const DEFAULT_JAVA_SETTINGS: JavaSettings = { target: "flink-1.19", eventType: "Event" };

/** The rule's dynamic-CEP JSON, as `<id>.json`. */
export function jsonPreview(rule: Rule): ExportPreview {
  return {
    text: `${formatJson(exportRule(rule))}\n`,
    notes: [],
    fileName: `${fileSafe(rule.id)}.json`,
    mimeType: "application/json",
  };
}

/** The enabled rules as one JSON array (what a rule table or a `--pattern` file holds). */
export function ruleSetPreview(rules: readonly DocumentRule[]): ExportPreview {
  const enabled = rules.filter((r) => r.enabled).map((r) => r.rule);
  const notes: ExportNote[] =
    enabled.length === 0
      ? [{ severity: "warning", stage: null, message: "no rule is enabled: the rule set is empty" }]
      : [];
  return {
    text: `${formatJson(exportRuleSet(enabled))}\n`,
    notes,
    fileName: "rules.json",
    mimeType: "application/json",
  };
}

/** The Flink SQL query for `rule`, with CLASS conditions written through `bindings`. */
export function sqlPreview(rule: Rule, bindings: ConditionBindings, settings: SqlSettings): ExportPreview {
  const partitionBy = settings.partitionBy
    .split(",")
    .map((c) => c.trim())
    .filter((c) => c !== "");
  const options: SqlExportOptions = {
    bindings,
    partitionBy,
    table: settings.table.trim() === "" ? "events" : settings.table.trim(),
    orderBy: settings.orderBy.trim() === "" ? "rowtime" : settings.orderBy.trim(),
  };
  const afterMatch = parseAfterMatch(settings.afterMatch);
  const result = exportSql(rule, afterMatch === null ? options : { ...options, afterMatch });
  return {
    text: result.sql,
    notes: result.notes,
    fileName: `${fileSafe(rule.id)}.sql`,
    mimeType: "application/sql",
  };
}

/** The Java class for `rule`; the file is named after the class, as Java requires. */
export function javaPreview(rule: Rule, settings: JavaSettings): ExportPreview {
  const className = javaClassNameFor(rule.id);
  const eventType = settings.eventType.trim() === "" ? "Event" : settings.eventType.trim();
  const result = exportJava(rule, { className, target: settings.target, eventType });
  return { text: result.code, notes: result.notes, fileName: `${className}.java`, mimeType: "text/x-java" };
}

/** The after-match strategies SQL can be asked for instead of the rule's own. */
export function afterMatchChoices(rule: Rule): { readonly value: string; readonly label: string }[] {
  const own = rule.pattern.afterMatchStrategy;
  const choices = [
    { value: "rule", label: `As the rule says (${describeStrategy(own)})` },
    { value: "SKIP_PAST_LAST_EVENT", label: "SKIP PAST LAST ROW" },
    { value: "SKIP_TO_NEXT", label: "SKIP TO NEXT ROW" },
  ];
  for (const node of rule.pattern.nodes) {
    choices.push(
      { value: `SKIP_TO_FIRST:${node.name}`, label: `SKIP TO FIRST ${node.name}` },
      { value: `SKIP_TO_LAST:${node.name}`, label: `SKIP TO LAST ${node.name}` },
    );
  }
  return choices;
}

/** `Rule7Pattern` for id "7": a Java identifier made of the id's letters and digits. */
export function javaClassNameFor(ruleId: string): string {
  return `Rule${ruleId.replace(/[^A-Za-z0-9_]/g, "")}Pattern`;
}

/** A file name part made of the id (characters file systems refuse become `_`). */
export function fileSafe(id: string): string {
  const safe = id.replace(/[^\p{L}\p{N}._-]/gu, "_").replace(/^\.+/, "_");
  return safe === "" ? "rule" : safe;
}

function parseAfterMatch(choice: string): AfterMatchSkipStrategy | null {
  if (choice === "SKIP_PAST_LAST_EVENT" || choice === "SKIP_TO_NEXT")
    return { type: choice, patternName: null };
  const colon = choice.indexOf(":");
  const type = choice.slice(0, colon);
  if (colon > 0 && (type === "SKIP_TO_FIRST" || type === "SKIP_TO_LAST")) {
    return { type, patternName: choice.slice(colon + 1) };
  }
  return null;
}

function describeStrategy(strategy: AfterMatchSkipStrategy): string {
  return strategy.patternName === null ? strategy.type : `${strategy.type} ${strategy.patternName}`;
}
