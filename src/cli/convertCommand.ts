/**
 * `cep-studio convert --to json|sql|java`: the rule set as normalized dynamic-CEP JSON, as
 * Flink SQL `MATCH_RECOGNIZE`, or as Java Pattern API code. A pattern Flink rejects is refused
 * for every target, with the same lines `run` gives (exit 2). Exporter notes go to stderr
 * (`warning: FILE: …`, `note: FILE: …`); an export the exporter refuses (SQL null, Java with
 * error notes) exits 2 with its reasons as `FILE: …` lines and nothing on stdout.
 */
import { exportGraphSpec, exportRule } from "../formats/dynamicCep/index.ts";
import type { ExportNote } from "../formats/java/index.ts";
import { exportJava } from "../formats/java/index.ts";
import { exportSql } from "../formats/sql/index.ts";
import type { Rule } from "../model/pattern.ts";
import type { ConvertOptions } from "./args.ts";
import type { CliIo } from "./cliIo.ts";
import { loadBindingsFile, loadRuleSet, reportPatternProblems } from "./loadRules.ts";
import type { LoadedRules } from "./loadRules.ts";

/** Runs the command; resolves to the exit status. */
export async function convertCommand(options: ConvertOptions, io: CliIo): Promise<number> {
  const report = (line: string): void => {
    io.writeErr(`${line}\n`);
  };
  const loaded = await loadRuleSet(io, options.pattern, report);
  const bindings = options.bindings === null ? {} : await loadBindingsFile(io, options.bindings, report);
  if (loaded === null || bindings === null) return 2;
  // What Flink would refuse to load is never written out, as JSON either.
  if (!reportPatternProblems(loaded, options.pattern, report)) return 2;

  if (options.to === "json") {
    await io.writeOut(`${JSON.stringify(normalizedJson(loaded), null, 2)}\n`);
    return 0;
  }
  const parts: string[] = [];
  let refused = false;
  for (const rule of loaded.rules) {
    const label = loaded.rules.length > 1 ? `rule '${rule.id}' (version ${rule.version})` : null;
    const exported =
      options.to === "sql" ? sqlPart(rule, bindings, label) : javaPart(rule, label, loaded.rules.length > 1);
    for (const note of exported.notes) {
      const where = `${options.pattern}: ${label === null ? "" : `${label}: `}`;
      // Errors are the reasons an export is refused; warnings and notes are remarks, marked as
      // such even beside a refusal, so the reasons stand out.
      const prefix = note.severity === "error" ? "" : note.severity === "info" ? "note: " : "warning: ";
      report(`${prefix}${where}${describeNote(note)}`);
    }
    if (exported.text === null) refused = true;
    else parts.push(exported.text);
  }
  if (refused) return 2;
  await io.writeOut(`${parts.join("\n\n").trimEnd()}\n`);
  return 0;
}

/** The rule set in the shape it was written: a GraphSpec, one rule, or an array of rules. */
function normalizedJson(loaded: LoadedRules): unknown {
  const [first] = loaded.rules;
  if (loaded.shape === "graph" && first !== undefined) return exportGraphSpec(first.pattern);
  if (loaded.shape === "rule" && first !== undefined) return exportRule(first);
  return loaded.rules.map((rule) => exportRule(rule));
}

interface ExportedPart {
  /** null: refused. */
  readonly text: string | null;
  readonly notes: readonly ExportNote[];
}

function sqlPart(rule: Rule, bindings: Readonly<Record<string, string>>, label: string | null): ExportedPart {
  const result = exportSql(rule, { bindings });
  if (result.sql === null) return { text: null, notes: result.notes };
  return { text: label === null ? result.sql : `-- ${label}\n${result.sql}`, notes: result.notes };
}

function javaPart(rule: Rule, label: string | null, several: boolean): ExportedPart {
  const className = several ? `Rule${rule.id.replace(/[^A-Za-z0-9_$]/g, "_")}V${rule.version}` : undefined;
  const result = exportJava(rule, className === undefined ? {} : { className });
  if (result.notes.some((note) => note.severity === "error")) return { text: null, notes: result.notes };
  return { text: label === null ? result.code : `// ${label}\n${result.code}`, notes: result.notes };
}

function describeNote(note: ExportNote): string {
  return `${note.stage === null ? "" : `stage '${note.stage}': `}${note.message}`;
}
