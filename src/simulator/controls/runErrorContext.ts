import type { RunError } from "../../runtime/session/index.ts";

/** `rule '1' (version 2), stage 'purchase', line 17, key 5190`: where an engine error happened. */
export function runErrorContext(error: RunError): string {
  const parts = [
    error.ruleId === null ? null : `rule '${error.ruleId}' (version ${error.version ?? "?"})`,
    error.stage === null ? null : `stage '${error.stage}'`,
    error.line === null ? null : `line ${error.line}`,
    error.key === null ? null : `key ${error.key}`,
    error.subtask === null ? null : `subtask ${error.subtask}`,
  ].filter((p) => p !== null);
  return parts.join(", ");
}
