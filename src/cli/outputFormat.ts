/**
 * The `run` output lines (JSON Lines). Stage maps are written by hand so stages keep pattern
 * order even when their names look like numbers (a JS object would move "1", "2" first).
 */
import type { Match } from "../engine/index.ts";
import type { Rule } from "../model/pattern.ts";
import type { JobOutput } from "../runtime/job/index.ts";

/**
 * One output line (with its newline) for a job output. With `withSubtask` (`--parallelism`)
 * every record but `rule-dropped` (which sums over all subtasks) ends with `"subtask":i`.
 * (`state-expired` only comes from a job with a state TTL, which the CLI never enables.)
 */
export function formatJobOutput(output: JobOutput, withSubtask: boolean): string {
  const subtask = withSubtask && output.type !== "rule-dropped" ? `,"subtask":${output.subtask}` : "";
  switch (output.type) {
    case "late":
      return formatLate(output.key, output.event, subtask);
    case "match":
    case "timeout":
      return formatMatch(output.type, output.rule, output.key, output.timestamp, output.match, subtask);
    case "rule-dropped":
      return `{"type":"rule-dropped","rule":${JSON.stringify(output.rule)},"version":${output.version},"partialMatches":${output.partialMatches}}\n`;
    case "result": {
      // The processor's record as its article prints it, fields in their order.
      const fields = JSON.stringify(output.result).slice(1, -1);
      return `{"type":"result"${fields === "" ? "" : `,${fields}`}${subtask}}\n`;
    }
    case "state-expired": {
      const rule =
        output.rule === undefined
          ? ""
          : `,"rule":${JSON.stringify(output.rule.id)},"version":${JSON.stringify(output.rule.version)}`;
      return `{"type":"state-expired"${rule},"key":${JSON.stringify(output.key)},"timestamp":${output.timestamp}${subtask}}\n`;
    }
  }
}

function formatLate(key: string | null, event: unknown, subtask: string): string {
  return `{"type":"late","key":${JSON.stringify(key)},"event":${JSON.stringify(event)}${subtask}}\n`;
}

function formatMatch(
  type: "match" | "timeout",
  rule: Rule,
  key: string | null,
  timestamp: number,
  match: Match,
  subtask: string,
): string {
  const head = `{"type":"${type}","rule":${JSON.stringify(rule.id)},"version":${JSON.stringify(rule.version)},"key":${JSON.stringify(key)}`;
  const at = type === "timeout" ? `,"timestamp":${timestamp}` : "";
  return `${head}${at},"events":${formatStages(match)}${subtask}}\n`;
}

function formatStages(match: Match): string {
  const parts: string[] = [];
  for (const [stage, events] of match) parts.push(`${JSON.stringify(stage)}:${JSON.stringify(events)}`);
  return `{${parts.join(",")}}`;
}
