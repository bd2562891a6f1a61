/**
 * The benchmark's output: one {@link RunRecord} per run (printed as one JSON line with `--json`)
 * and the human-readable table of a matrix.
 */

/** Everything one run reports; the JSON line of `--json`. */
export interface RunRecord {
  readonly workload: string;
  /** User population the stream was drawn from. */
  readonly keys: number;
  /** Users that actually occur in the stream. */
  readonly distinctKeys: number;
  readonly events: number;
  readonly disorderMs: number;
  readonly rate: number;
  readonly seed: number;
  readonly eventsPerSec: number;
  readonly seconds: number;
  /** Events per second of CPU time (user + system) of the timed part. */
  readonly cpuEventsPerSec: number;
  readonly cpuSeconds: number;
  /**
   * Events/s of the same loop without the operator: building each event and finding its key in a
   * `Map` (see `floor.ts`); null for the pathological run.
   */
  readonly floorEventsPerSec: number | null;
  readonly matches: number;
  /** Whether the run read timed-out partial matches (Flink's `timeoutHandling`). */
  readonly timeoutHandling: boolean;
  readonly timeouts: number;
  readonly late: number;
  readonly partialMatchesPeak: number;
  readonly partialMatchesBeforeFlush: number;
  readonly keysBeforeFlush: number;
  readonly peakHeapMB: number;
  readonly baselineHeapMB: number;
  readonly bytesPerPartialMatch: number | null;
  readonly bytesPerKey: number | null;
  readonly bytesPerExtraRun: number | null;
  readonly maxPartialMatches: number | null;
  readonly capWarnings: number;
  readonly capWarningFired: boolean;
  readonly generateSeconds: number;
  readonly gcExposed: boolean;
  /** The machine's 1-minute load average when the run started (others' work skews the numbers). */
  readonly loadAverage: number;
  readonly node: string;
  readonly date: string;
  /** With `--repeat`: events/s of every repeat (this record is the median one). */
  readonly eventsPerSecRuns?: readonly number[];
}

interface Column {
  readonly title: string;
  readonly value: (r: RunRecord) => string;
}

const COLUMNS: readonly Column[] = [
  { title: "workload", value: (r) => r.workload },
  { title: "keys", value: (r) => compact(r.keys) },
  { title: "disorder", value: (r) => (r.disorderMs === 0 ? "in order" : `${r.disorderMs / 1000} s`) },
  { title: "keys seen", value: (r) => grouped(r.distinctKeys) },
  { title: "events", value: (r) => compact(r.events) },
  { title: "events/s", value: (r) => grouped(Math.round(r.eventsPerSec)) },
  { title: "CPU events/s", value: (r) => grouped(Math.round(r.cpuEventsPerSec)) },
  {
    title: "floor events/s",
    value: (r) => (r.floorEventsPerSec === null ? "–" : grouped(Math.round(r.floorEventsPerSec))),
  },
  { title: "matches", value: (r) => grouped(r.matches) },
  { title: "timeouts", value: (r) => (r.timeoutHandling ? grouped(r.timeouts) : "not read") },
  { title: "PM peak", value: (r) => grouped(r.partialMatchesPeak) },
  { title: "peak heap MB", value: (r) => r.peakHeapMB.toFixed(0) },
  { title: "of which input", value: (r) => r.baselineHeapMB.toFixed(0) },
  { title: "B/PM", value: (r) => (r.bytesPerPartialMatch === null ? "–" : grouped(r.bytesPerPartialMatch)) },
  { title: "cap warning", value: (r) => (r.capWarningFired ? "yes" : "no") },
];

/** Workload, keys, disorder: text columns; the rest are numbers. */
const LEFT_ALIGNED = 3;

/** The runs as a Markdown table (readable as plain text too). */
export function formatTable(records: readonly RunRecord[]): string {
  const cells = records.map((r) => COLUMNS.map((c) => c.value(r)));
  const widths = COLUMNS.map((c, i) =>
    Math.max(c.title.length, ...cells.map((row) => (row[i] ?? "").length)),
  );
  const line = (row: readonly string[]): string =>
    `| ${row.map((cell, i) => (i < LEFT_ALIGNED ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join(" | ")} |`;
  const rule = `|${widths.map((w, i) => (i < LEFT_ALIGNED ? `:${"-".repeat(w + 1)}` : `${"-".repeat(w + 1)}:`)).join("|")}|`;
  return [line(COLUMNS.map((c) => c.title)), rule, ...cells.map(line)].join("\n");
}

/** 100000 → "100k", 1000000 → "1M". */
function compact(n: number): string {
  if (n >= 1_000_000 && n % 100_000 === 0) return `${n / 1_000_000}M`;
  if (n >= 1_000 && n % 100 === 0) return `${n / 1_000}k`;
  return String(n);
}

/** 1234567 → "1 234 567" (thin groups, no locale surprises). */
function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
}
