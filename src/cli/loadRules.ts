/**
 * Reads what both commands need before any event: the rule set (`--pattern`), the condition
 * bindings (`--bindings`), and for `run` the compiled NFAs. Every problem is reported as one
 * line on stderr naming the file and where in it; the caller exits 2 when anything failed.
 */
import { compilePattern, ConditionError, MalformedPatternError } from "../engine/index.ts";
import type { CompiledNFA, PatternDiagnostic } from "../engine/index.ts";
import { locateDiagnostics, parseBindingsText, parseRuleSetText } from "../formats/dynamicCep/index.ts";
import type { Diagnostic } from "../formats/dynamicCep/index.ts";
import { parseJsonData as readJson } from "../formats/json/index.ts";
import type { ConditionBindings, Rule } from "../model/pattern.ts";
import { validatePattern } from "../model/validate.ts";
import { bindingFileProblems, cliConditionProblems } from "./conditionCheck.ts";
import type { CliIo } from "./cliIo.ts";

/** How the pattern file was written: a bare GraphSpec, one rule, or an array of rules. */
export type RuleSetShape = "graph" | "rule" | "rules";

export interface LoadedRules {
  readonly rules: readonly Rule[];
  readonly shape: RuleSetShape;
}

/** One compiled rule, ready for the operator. */
export interface CompiledRule {
  readonly rule: Rule;
  readonly nfa: CompiledNFA;
}

/** Reports problems for the caller (one line each, already prefixed with the file). */
export type Report = (line: string) => void;

/** Reads and imports `file`; null (after reporting) when it cannot be used. */
export async function loadRuleSet(io: CliIo, file: string, report: Report): Promise<LoadedRules | null> {
  const text = await readTextOrReport(io, file, report);
  if (text === null) return null;
  const result = parseRuleSetText(text, file);
  for (const warning of result.warnings) report(`warning: ${describeDiagnostic(file, warning)}`);
  if (!result.ok) {
    for (const error of result.errors) report(describeDiagnostic(file, error));
    return null;
  }
  if (result.value.length === 0) {
    report(`${file}: the rule set is empty`);
    return null;
  }
  return { rules: result.value, shape: shapeOf(text) };
}

/** Reads `--bindings`; null (after reporting) when it cannot be used. */
export async function loadBindingsFile(
  io: CliIo,
  file: string,
  report: Report,
): Promise<ConditionBindings | null> {
  const text = await readTextOrReport(io, file, report);
  if (text === null) return null;
  const result = parseBindingsText(text, file);
  for (const warning of result.warnings) report(`warning: ${describeDiagnostic(file, warning)}`);
  if (!result.ok) {
    for (const error of result.errors) report(describeDiagnostic(file, error));
    return null;
  }
  const problems = locateDiagnostics(text, file, bindingFileProblems(result.value));
  for (const problem of problems) report(describeDiagnostic(file, problem));
  return problems.length > 0 ? null : result.value;
}

/**
 * Compiles every rule (Flink's NFACompiler checks included); null (after reporting every
 * problem of every rule) when any rule fails. Pattern warnings (`validatePattern`) and the
 * partial-match cap warning (once per rule) go to `report` too.
 */
export function compileRules(
  loaded: LoadedRules,
  file: string,
  bindings: ConditionBindings,
  report: Report,
  maxPartialMatches: number | null = null,
): CompiledRule[] | null {
  const compiled: CompiledRule[] = [];
  let failed = false;
  for (const [index, rule] of loaded.rules.entries()) {
    const prefix = pathPrefix(loaded.shape, index);
    for (const d of validatePattern(rule.pattern)) {
      // Errors come back from compilePattern below; warnings are accepted by Flink but worth a look.
      if (d.severity === "warning") report(describePatternDiagnostic(file, prefix, d));
    }
    // Every condition problem at once (the compiler stops at the first); the compiler still
    // runs for the structural ones, which it finds before compiling any condition.
    const conditionProblems = cliConditionProblems(rule.pattern, bindings);
    for (const problem of conditionProblems) report(`${file}: ${prefix}${problem.path}: ${problem.message}`);
    if (conditionProblems.length > 0) failed = true;
    let warned = false;
    try {
      const nfa = compilePattern(rule.pattern, {
        bindings,
        ...(maxPartialMatches === null ? {} : { maxPartialMatches }),
        onWarning: (warning) => {
          if (warned) return;
          warned = true;
          report(`warning: ${file}: ${ruleLabel(loaded, rule)}${warning.message}`);
        },
      });
      compiled.push({ rule, nfa });
    } catch (error) {
      failed = true;
      // The condition check found this one, and all the others, above.
      if (error instanceof ConditionError && conditionProblems.length > 0) continue;
      if (error instanceof MalformedPatternError) {
        for (const d of error.diagnostics) report(describePatternDiagnostic(file, prefix, d));
      } else {
        report(
          `${file}: ${ruleLabel(loaded, rule)}${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  }
  return failed ? null : compiled;
}

/**
 * Reports every `validatePattern` diagnostic of every rule (Flink's malformed-pattern rules, and
 * warnings about what Flink accepts but probably should not); false when any rule is malformed.
 */
export function reportPatternProblems(loaded: LoadedRules, file: string, report: Report): boolean {
  let valid = true;
  for (const [index, rule] of loaded.rules.entries()) {
    for (const d of validatePattern(rule.pattern)) {
      if (d.severity === "error") valid = false;
      report(describePatternDiagnostic(file, pathPrefix(loaded.shape, index), d));
    }
  }
  return valid;
}

/** `rule '7' (version 2): ` when the file holds several rules, else nothing. */
export function ruleLabel(loaded: LoadedRules, rule: Rule): string {
  return loaded.rules.length > 1 ? `rule '${rule.id}' (version ${rule.version}): ` : "";
}

/** `FILE:LINE:COL: path: message`, or `FILE: path: message` without a source position. */
export function describeDiagnostic(file: string, diagnostic: Diagnostic): string {
  const { location, path, message } = diagnostic;
  const where = location ? `${location.file}:${location.line}:${location.column}` : file;
  return `${where}: ${path === "" ? "" : `${path}: `}${message}`;
}

function describePatternDiagnostic(file: string, prefix: string, d: PatternDiagnostic): string {
  const severity = d.severity === "warning" ? "warning: " : "";
  const path = `${prefix}${d.path}`;
  // The message names its stage already (PatternDiagnostic: "stage 'x': …").
  return `${severity}${file}: ${path === "" ? "" : `${path}: `}${d.message}`;
}

/** Where a rule's pattern sits in the file, for paths of pattern diagnostics. */
function pathPrefix(shape: RuleSetShape, index: number): string {
  if (shape === "graph") return "";
  if (shape === "rule") return "pattern.";
  return `[${index}].pattern.`;
}

function shapeOf(text: string): RuleSetShape {
  if (text.trimStart().startsWith("[")) return "rules";
  const json = readJson(text);
  if (json.ok && json.value !== null && typeof json.value === "object" && !Array.isArray(json.value)) {
    return Object.hasOwn(json.value, "pattern") ? "rule" : "graph";
  }
  return "graph";
}

async function readTextOrReport(io: CliIo, file: string, report: Report): Promise<string | null> {
  try {
    return await io.readText(file);
  } catch (error) {
    report(`${file}: cannot read the file (${systemMessage(error)})`);
    return null;
  }
}

/** A system error's message without Node's "ENOENT: " prefix noise duplicated. */
export function systemMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
