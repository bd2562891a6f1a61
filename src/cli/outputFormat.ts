/**
 * The `run` output lines (JSON Lines). Stage maps are written by hand so stages keep pattern
 * order even when their names look like numbers (a JS object would move "1", "2" first).
 */
import type { Match } from "../engine/index.ts";
import type { OperatorOutput } from "../engine/operator/index.ts";
import type { Rule } from "../model/pattern.ts";

/** One output line (with its newline) for an operator output of `rules[output.rule]`. */
export function formatOutput(output: OperatorOutput, rules: readonly Rule[]): string {
  if (output.type === "late") {
    return `{"type":"late","key":${JSON.stringify(output.key)},"event":${JSON.stringify(output.event)}}\n`;
  }
  const rule = rules[output.rule];
  if (rule === undefined) throw new RangeError(`no rule ${output.rule}`);
  const head = `{"type":"${output.type}","rule":${JSON.stringify(rule.id)},"version":${JSON.stringify(rule.version)},"key":${JSON.stringify(output.key)}`;
  const timestamp = output.type === "timeout" ? `,"timestamp":${output.timestamp}` : "";
  return `${head}${timestamp},"events":${formatStages(output.match)}}\n`;
}

function formatStages(match: Match): string {
  const parts: string[] = [];
  for (const [stage, events] of match) parts.push(`${JSON.stringify(stage)}:${JSON.stringify(events)}`);
  return `{${parts.join(",")}}`;
}
