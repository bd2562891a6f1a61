/**
 * The input of a {@link RunSession}: every read item (events, watermark records, bad rows) in
 * input order, kept so that a run can be replayed to any position — after a rule change, or to
 * reproduce outputs no longer kept. Text arrives in chunks through a `ChunkedSource` (a run may
 * start before the last chunk), or as a ready list of events.
 *
 * Rows read with a warning (a JSON row with a duplicate key, read with the last value as Flink's
 * Jackson reads it) are counted as they are read, the first {@link LISTED} as `NAME:LINE: …`:
 * they belong to the input, not to a run's position, so a seek or a restart keeps them.
 */
import type { EventData, ReadItem } from "../../formats/events/index.ts";
import { createChunkedSource } from "../sources/index.ts";
import type { ChunkedSource, ChunkedSourceOptions, SourceProgress } from "../sources/index.ts";
import { LISTED, type ProblemState } from "./sessionOutputs.ts";

/** Read items, growing while text is loaded. */
export class SessionInput {
  private readonly list: ReadItem[] = [];
  private events = 0;
  private warningCount = 0;
  private warningsListed: readonly string[] = [];
  private readonly source: ChunkedSource | null;
  private complete: boolean;

  private constructor(
    source: ChunkedSource | null,
    items: readonly ReadItem[],
    /** What problem messages call the input (`NAME:LINE: reason`): its file name, or "events". */
    readonly name = "events",
  ) {
    this.source = source;
    this.complete = source === null;
    for (const item of items) this.append(item);
  }

  /** An input read from text chunks (see {@link SessionInput.push}). */
  static fromText(options: ChunkedSourceOptions = {}): SessionInput {
    return new SessionInput(createChunkedSource(options), [], options.fileName);
  }

  /** A complete input of ready events; event `i` is reported as line `i + 1`. */
  static fromEvents(events: readonly EventData[]): SessionInput {
    return new SessionInput(
      null,
      events.map((event, i) => ({ type: "event", event, line: i + 1 })),
    );
  }

  /** No events at all (before anything is loaded). */
  static empty(): SessionInput {
    return new SessionInput(null, []);
  }

  get items(): readonly ReadItem[] {
    return this.list;
  }

  /** Events read so far. */
  get eventCount(): number {
    return this.events;
  }

  /** Rows read with a warning so far: how many, and the first ones as `NAME:LINE: warning`. */
  get rowWarnings(): ProblemState {
    return { count: this.warningCount, listed: this.warningsListed };
  }

  /** True once the last chunk was read (always for a ready list). */
  get done(): boolean {
    return this.complete;
  }

  /** Reads a text chunk. @throws Error when the input is complete */
  push(chunk: string, byteLength?: number): SourceProgress {
    const source = this.openSource();
    for (const item of source.push(chunk, byteLength)) this.append(item);
    return source.progress();
  }

  /** Reads what the last chunk left unfinished; the input is then complete. */
  end(): SourceProgress {
    const source = this.openSource();
    for (const item of source.end()) this.append(item);
    this.complete = true;
    return source.progress();
  }

  /** What the text source consumed so far; null for a ready list. */
  progress(): SourceProgress | null {
    return this.source?.progress() ?? null;
  }

  private openSource(): ChunkedSource {
    if (this.source === null || this.complete) throw new Error("this input is complete; load a new one");
    return this.source;
  }

  private append(item: ReadItem): void {
    this.list.push(item);
    if (item.type !== "event") return;
    this.events++;
    if (item.warning === undefined) return;
    // A new array when one is listed, so a summary can share the list it was given.
    if (++this.warningCount <= LISTED)
      this.warningsListed = [...this.warningsListed, `${this.name}:${item.line}: ${item.warning}`];
  }
}
