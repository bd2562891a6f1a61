/**
 * Views of `feedLog` logs that properties compare: the match lines alone, and the lines grouped
 * per NFA call with each call's lines sorted.
 */

/** Only the `:match` lines of a log. */
export function matchLines(log: readonly string[]): string[] {
  return log.filter((line) => line.includes(":match "));
}

/**
 * Sorts the lines each call emitted: matches of one `process` with the same start event leave
 * Flink's PriorityQueue in heap order, which differs between two NFAs with different states.
 */
export function perCall(log: readonly string[]): string[][] {
  const calls = new Map<string, string[]>();
  for (const line of log) {
    const where = line.slice(0, line.indexOf(":"));
    calls.set(where, [...(calls.get(where) ?? []), line]);
  }
  // `<pos>a` (advanceTime before event pos) < `<pos>p` (its process) < `end`.
  const order = (where: string) =>
    where === "end" ? Infinity : parseInt(where, 10) * 2 + (where.endsWith("p") ? 1 : 0);
  return [...calls].sort(([x], [y]) => order(x) - order(y)).map(([, lines]) => lines.sort());
}
