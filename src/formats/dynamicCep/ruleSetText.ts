/**
 * Rule files as text: parse (syntax errors at `file:line:col`), import, and point every
 * diagnostic back at the line and column of the value it concerns.
 */
import type { Rule } from "../../model/pattern.ts";
import type { ImportResult } from "./diagnostics.ts";
import { importRuleSet } from "./importRule.ts";
import { locateDiagnostics, parseJsonFile } from "./jsonFile.ts";
import type { JsonFileOptions } from "./jsonFile.ts";

/**
 * Reads a rule file's text: an array of rules, one rule, or a bare GraphSpec (see
 * `importRuleSet`). Texts over 10 MB (or `options.maxLength`) are refused with a clear error.
 */
export function parseRuleSetText(
  text: string,
  fileName: string,
  options: JsonFileOptions = {},
): ImportResult<Rule[]> {
  const parsed = parseJsonFile(text, fileName, options);
  if (!parsed.ok) return parsed;
  const imported = importRuleSet(parsed.value);
  const warnings = [...parsed.warnings, ...locateDiagnostics(text, fileName, imported.warnings)];
  if (!imported.ok)
    return { ok: false, errors: locateDiagnostics(text, fileName, imported.errors), warnings };
  return { ok: true, value: imported.value, warnings };
}
