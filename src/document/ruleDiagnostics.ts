/**
 * What the designer says about a rule's pattern, everywhere it says it (canvas badges, the
 * inspector's Validation): Flink's malformed-pattern rules (`validatePattern`), then the AVIATOR
 * conditions that do not compile (`expressionDiagnostics`), which Flink's reader accepts but its
 * job fails to build, then the AVIATOR literals holding look-alikes
 * (`conditionLookAlikeDiagnostics`), which Flink runs but which never match the text they show.
 */
import { conditionLookAlikeDiagnostics, expressionDiagnostics } from "../engine/index.ts";
import type { GraphNode } from "../model/pattern.ts";
import type { PatternDiagnostic } from "../model/patternFindings.ts";
import { validatePattern } from "../model/validate.ts";

/** Every finding about `pattern`, Flink's pattern rules first. */
export function patternDiagnostics(pattern: GraphNode): PatternDiagnostic[] {
  return [
    ...validatePattern(pattern),
    ...expressionDiagnostics(pattern),
    ...conditionLookAlikeDiagnostics(pattern),
  ];
}
