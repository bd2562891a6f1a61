/**
 * Which key and rule each output record of a run is of, by list and position (`seq`), so a
 * `query` filtered by rule or key finds its records — and counts them — without building or
 * keeping the records themselves: two integer columns per list, names interned once.
 *
 * The run is deterministic, so a replay (after a seek back) writes the same entries again; only
 * the first `count` entries of a list (its records so far) are read.
 */
import type { OperatorKey } from "../../engine/operator/index.ts";
import type { OutputTags } from "./sessionRun.ts";
import type { OutputFilter, OutputKind } from "./sessionTypes.ts";

/** No key, or no rule. */
const NONE = -1;

/** One list's columns, grown by doubling. */
class Columns {
  keys = new Int32Array(64);
  rules = new Int32Array(64);

  set(seq: number, key: number, rule: number): void {
    if (seq >= this.keys.length) {
      const size = Math.max(seq + 1, this.keys.length * 2);
      this.keys = grow(this.keys, size);
      this.rules = grow(this.rules, size);
    }
    this.keys[seq] = key;
    this.rules[seq] = rule;
  }
}

function grow(column: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> {
  const next = new Int32Array(size);
  next.set(column);
  return next;
}

/** A page of a filtered list: how many records match, and the positions of those asked for. */
export interface FilteredPage {
  readonly total: number;
  /** `seq`s of matching records `from` … `from + count − 1` (among the matching ones), ascending. */
  readonly seqs: readonly number[];
}

/** See the module comment. */
export class OutputIndex {
  private readonly names = new Map<string, number>();
  private readonly lists = new Map<OutputKind, Columns>();

  /** Notes record `seq` of list `kind`. */
  note(kind: OutputKind, seq: number, tags: OutputTags): void {
    let columns = this.lists.get(kind);
    if (columns === undefined) {
      columns = new Columns();
      this.lists.set(kind, columns);
    }
    columns.set(seq, this.intern(tags.key), this.intern(tags.ruleId));
  }

  /**
   * The records among the first `listCount` of list `kind` that match `filter`: how many, and
   * the positions of matching records `from` … `from + count − 1`.
   */
  select(
    kind: OutputKind,
    listCount: number,
    filter: OutputFilter,
    from: number,
    count: number,
  ): FilteredPage {
    const columns = this.lists.get(kind);
    const key = filter.key === undefined ? undefined : this.names.get(filter.key);
    const rule = filter.ruleId === undefined ? undefined : this.names.get(filter.ruleId);
    // A name never seen matches nothing.
    const unknown =
      (filter.key !== undefined && key === undefined) || (filter.ruleId !== undefined && rule === undefined);
    if (columns === undefined || unknown) return { total: 0, seqs: [] };
    const seqs: number[] = [];
    const end = from + count;
    let total = 0;
    for (let seq = 0; seq < listCount; seq++) {
      if (key !== undefined && columns.keys[seq] !== key) continue;
      if (rule !== undefined && columns.rules[seq] !== rule) continue;
      if (total >= from && total < end) seqs.push(seq);
      total++;
    }
    return { total, seqs };
  }

  private intern(name: OperatorKey): number {
    if (name === null) return NONE;
    let id = this.names.get(name);
    if (id === undefined) {
      id = this.names.size;
      this.names.set(name, id);
    }
    return id;
  }
}
