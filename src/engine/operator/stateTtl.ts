/**
 * State TTL for the keyed CEP operator, after Flink's `StateTtlConfig` with `UpdateType
 * .OnCreateAndWrite` and `StateVisibility.NeverReturnExpired` (flink-core
 * `api/common/state/StateTtlConfig.java`; the check is `TtlUtils.expired`: expired once
 * `lastWrite + ttl <= now`). Time is the operator's: the watermark in event time, the clock in
 * processing time. Flink's CepOperator itself has no TTL; this is what enabling it on its keyed
 * state would do, with a per-key cleanup timer so idle keys are cleaned without being accessed.
 */
import { countPartialMatches } from "../nfaState.ts";
import type { KeyContext } from "./keyContext.ts";
import type { StateExpiredRecord } from "./operatorTypes.ts";

/**
 * Whether rule `r`'s state of `ctx`, last written at `lastWrite`, is expired at `now`. The +∞
 * end-of-input watermark is no time state expires at (a TTL clock never gets there), so the
 * final flush still times partial matches out instead of expiring them.
 */
export function isExpired(lastWrite: number | undefined, ttl: number, now: number): boolean {
  return lastWrite !== undefined && Number.isFinite(now) && lastWrite + ttl <= now;
}

/** Clears each rule's expired state of `ctx` (NeverReturnExpired), reporting each through `emit`. */
export function expireStates(
  ctx: KeyContext,
  ruleCount: number,
  ttl: number,
  now: number,
  emit: ((record: StateExpiredRecord) => void) | undefined,
): void {
  const written = ctx.writeTimes;
  if (written === null) return;
  for (let r = 0; r < ruleCount; r++) {
    const state = ctx.stateOf(r);
    const lastWrite = written[r];
    if (state === undefined || lastWrite === undefined || !isExpired(lastWrite, ttl, now)) continue;
    ctx.setState(r, undefined);
    const partialMatches = countPartialMatches(state);
    emit?.({
      type: "state-expired",
      rule: r,
      key: ctx.key,
      timestamp: now,
      lastWrite,
      partialMatches,
      state,
    });
  }
}

/**
 * When `ctx`'s cleanup timer should fire next (its earliest expiry), or null when it needs none:
 * one pending timer per key; a timer that finds the state written since just sets the next one.
 * Clears the key's mark of a timer that has fired (`now` passed it).
 */
export function nextCleanup(ctx: KeyContext, ruleCount: number, ttl: number, now: number): number | null {
  if (ctx.ttlTimerAt <= now) ctx.ttlTimerAt = Number.NaN;
  const written = ctx.writeTimes;
  if (!Number.isNaN(ctx.ttlTimerAt) || written === null) return null;
  let next = Number.POSITIVE_INFINITY;
  for (let r = 0; r < ruleCount; r++) {
    const lastWrite = written[r];
    if (lastWrite !== undefined && ctx.stateOf(r) !== undefined) next = Math.min(next, lastWrite + ttl);
  }
  return Number.isFinite(next) ? next : null;
}
