/**
 * The binding table: Java condition class name → condition-language expression. CEP Studio
 * cannot run users' Java `IterativeCondition` classes, so CLASS conditions are evaluated through
 * the expression bound to their class name (e.g. `/work/shared/scenarios/bindings.json`).
 */
import type { ConditionBindings } from "../../model/pattern.ts";
import type { ImportResult } from "./diagnostics.ts";
import { memberPath } from "../json/jsonPath.ts";
import { describeJson, JsonReader } from "./jsonReader.ts";
import { locateDiagnostics, parseJsonFile } from "./jsonFile.ts";

/** A dotted Java class name (`com.example.Cond`, `Outer$Inner`). */
const JAVA_CLASS_NAME = /^[\p{L}_$][\p{L}\p{N}_$]*(?:\.[\p{L}_$][\p{L}\p{N}_$]*)*$/u;

/**
 * Reads `{"com.example.Cond": "price > 10", …}`. Every value must be a non-empty string; keys
 * that do not look like Java class names get a warning (they could never match a condition).
 */
export function loadBindings(json: unknown): ImportResult<ConditionBindings> {
  const reader = new JsonReader();
  const obj = reader.object(json, "", 'a binding table {"<Java class name>": "<expression>", ...}');
  if (!obj) return { ok: false, errors: reader.errors, warnings: reader.warnings };
  const entries: Array<[string, string]> = [];
  for (const [className, expression] of Object.entries(obj)) {
    const path = memberPath("", className);
    if (!JAVA_CLASS_NAME.test(className)) {
      reader.warn(
        path,
        `"${className}" is not a Java class name, so no CLASS condition can use this binding`,
      );
    }
    if (typeof expression !== "string") {
      reader.error(
        path,
        `expected the expression for ${className} (a string), got ${describeJson(expression)}`,
      );
    } else if (expression.trim() === "") {
      reader.error(path, `the expression for ${className} is empty`);
    } else {
      entries.push([className, expression]);
    }
  }
  if (reader.errors.length > 0) return { ok: false, errors: reader.errors, warnings: reader.warnings };
  return { ok: true, value: Object.fromEntries(entries), warnings: reader.warnings };
}

/** Reads a binding file's text, with `file:line:col` on every diagnostic. */
export function parseBindingsText(text: string, fileName: string): ImportResult<ConditionBindings> {
  const parsed = parseJsonFile(text, fileName);
  if (!parsed.ok) return parsed;
  const loaded = loadBindings(parsed.value);
  const warnings = [...parsed.warnings, ...locateDiagnostics(text, fileName, loaded.warnings)];
  if (!loaded.ok) return { ok: false, errors: locateDiagnostics(text, fileName, loaded.errors), warnings };
  return { ok: true, value: loaded.value, warnings };
}
