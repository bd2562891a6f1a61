/**
 * What the run bar adds to a run warning. The partial-match cap's warning
 * (`rule '1' (version 1): more than 500 partial matches for one key; …`, from the engine's NFA)
 * means matches may be missing: the user is told where the cap is set. Pure.
 */

/** The engine's cap warning, as the run session names its rule. */
const CAP_WARNING = /more than [\d\s,]+ partial matches for one key/;

/** The hint shown after a warning, or null when the warning says all there is to say. */
export function runWarningHint(warning: string): string | null {
  return CAP_WARNING.test(warning)
    ? "Matches that needed the dropped runs are missing; raise Settings › Partial matches › Cap per key."
    : null;
}
