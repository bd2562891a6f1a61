/**
 * How many records of an output list match a filter, counted by the worker (`query` with
 * `count: 0`) and asked again as the list grows or the run moves — at most a few times a
 * second while playing (see useLiveQuery). Null without a filter, or while the count for this
 * filter has not arrived.
 */
import { useMemo } from "react";
import type { OutputFilter } from "../../runtime/session/index.ts";
import { simulator } from "../controller/simulatorController.ts";
import { useLiveQuery } from "../inspector/useLiveQuery.ts";
import { isFiltered, type OutputListKind } from "./outputFilter.ts";

/** `filter` must keep its identity while its content stays the same (memoise it). */
export function useMatchingTotal(
  kind: OutputListKind,
  filter: OutputFilter,
  listTotal: number,
  epoch: number,
): number | null {
  const query = useMemo(
    () =>
      isFiltered(filter)
        ? async () => ({ filter, total: (await simulator().query(kind, 0, 0, filter)).total })
        : null,
    [kind, filter],
  );
  const { value } = useLiveQuery(query, `${listTotal}:${epoch}`, 150);
  // An answer for an earlier filter says nothing about this one.
  return value !== null && value.filter === filter ? value.total : null;
}
