/**
 * What the run bar adds to a run warning. The partial-match cap's warning means matches may be
 * missing: the user is told where the cap is set. Pure.
 */
import type { RunWarning } from "../../runtime/session/index.ts";

/** The hint shown after a warning, or null when the warning says all there is to say. */
export function runWarningHint(warning: RunWarning): string | null {
  return warning.kind === "partial-match-cap"
    ? "Matches that needed the dropped runs are missing; raise Settings › Partial matches › Cap per key."
    : null;
}
