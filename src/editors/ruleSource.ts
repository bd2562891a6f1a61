/**
 * The source view's text and back: a rule as the exported dynamic-CEP JSON text, and a text
 * read as one rule with every problem placed at its line and column (pure: no Monaco, no DOM).
 *
 * A text either applies (it imports as a rule; Flink's pattern rules may still object, and say
 * so) or does not (not JSON, not a rule); only the first kind reaches the document.
 */
import {
  exportRule,
  importGraphSpec,
  importRule,
  locateDiagnostics,
  parseJsonFile,
} from "../formats/dynamicCep/index.ts";
import type { Diagnostic, ImportResult } from "../formats/dynamicCep/index.ts";
import type { GraphNode, Rule } from "../model/pattern.ts";
import { validatePattern } from "../model/validate.ts";
import { formatJson } from "./formatJson.ts";

/** The file name problems are reported against. */
const SOURCE_FILE_NAME = "rule.json";

/** One problem of the text. */
export interface SourceProblem {
  /** `syntax`/`import`: the text is not applied. `pattern`: applied, but Flink would object. */
  readonly kind: "syntax" | "import" | "pattern";
  readonly severity: "error" | "warning";
  /** JSON path of the value concerned (`pattern.nodes[1].quantifier`); "" for the whole text. */
  readonly path: string;
  readonly message: string;
  /** 1-based; null when the value could not be placed. */
  readonly line: number | null;
  readonly column: number | null;
}

/** A text read as a rule: applied with its remarks, or refused with its errors. */
export type SourceReading =
  | { readonly ok: true; readonly rule: Rule; readonly problems: readonly SourceProblem[] }
  | { readonly ok: false; readonly problems: readonly SourceProblem[] };

/** The rule as the source view shows it: the exported JSON, formatted like the seed files. */
export function ruleSourceText(rule: Rule): string {
  return `${formatJson(exportRule(rule))}\n`;
}

/**
 * Reads `text` as one rule. A bare GraphSpec (no `pattern`, `id` or `function` key) is taken as
 * a new pattern for `current`, keeping its id, version and function.
 */
export function readRuleSource(text: string, current: Rule): SourceReading {
  const parsed = parseJsonFile(text, SOURCE_FILE_NAME);
  if (!parsed.ok) return { ok: false, problems: parsed.errors.map((d) => problem("syntax", "error", d)) };
  const warnings = parsed.warnings.map((d) => problem("syntax", "warning", d));
  const value = parsed.value;

  if (Array.isArray(value)) {
    const message =
      "the source view holds one rule, not an array; import a rule set with Import, or edit one rule here";
    return {
      ok: false,
      problems: [{ ...placed(text, ""), kind: "import", severity: "error", path: "", message }],
    };
  }
  const bare = isBareGraph(value);
  const imported = bare ? asRule(importGraphSpec(value), current) : importRule(value);
  const located = (ds: readonly Diagnostic[]) => locateDiagnostics(text, SOURCE_FILE_NAME, ds);
  if (!imported.ok) {
    return {
      ok: false,
      problems: inTextOrder([
        ...located(imported.errors).map((d) => problem("import", "error", d)),
        ...warnings,
      ]),
    };
  }
  const rule = imported.value;
  // validatePattern's paths start at the GraphSpec; in a rule it sits under "pattern".
  const findings = validatePattern(rule.pattern);
  const findingDiagnostics = findings.map((f): Diagnostic => ({
    path: bare ? f.path : joinPath("pattern", f.path),
    message: f.message,
  }));
  return {
    ok: true,
    rule,
    problems: inTextOrder([
      ...warnings,
      ...located(imported.warnings).map((d) => problem("import", "warning", d)),
      ...located(findingDiagnostics).map((d, i) => problem("pattern", findings[i]?.severity ?? "error", d)),
    ]),
  };
}

/** Problems from the top of the text down; unplaced ones last (the sort is stable). */
function inTextOrder(problems: SourceProblem[]): SourceProblem[] {
  const key = (p: SourceProblem) => (p.line ?? Number.MAX_SAFE_INTEGER) * 1e6 + (p.column ?? 0);
  return problems.sort((a, b) => key(a) - key(b));
}

/** A bare GraphSpec becomes `current` with that pattern. */
function asRule(result: ImportResult<GraphNode>, current: Rule): ImportResult<Rule> {
  return result.ok ? { ...result, value: { ...current, pattern: result.value } } : result;
}

function joinPath(base: string, path: string): string {
  if (path === "") return base;
  return path.startsWith("[") ? `${base}${path}` : `${base}.${path}`;
}

function isBareGraph(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  return !("pattern" in value) && !("id" in value) && !("function" in value) && "nodes" in value;
}

function problem(
  kind: SourceProblem["kind"],
  severity: SourceProblem["severity"],
  d: Diagnostic,
): SourceProblem {
  return {
    kind,
    severity,
    path: d.path,
    message: d.message,
    line: d.location?.line ?? null,
    column: d.location?.column ?? null,
  };
}

function placed(text: string, path: string): { line: number | null; column: number | null } {
  const [d] = locateDiagnostics(text, SOURCE_FILE_NAME, [{ path, message: "" }]);
  return { line: d?.location?.line ?? null, column: d?.location?.column ?? null };
}
