/**
 * The layout for graph levels too large for dagre: stages in columns by their longest path from
 * a stage nothing points to (so a chain runs left to right in chain order), stacked top-down in
 * node order within a column. Linear in stages and edges and without recursion, so a rule of
 * thousands of stages lays out at once; dagre's crossing minimisation is what it gives up.
 */
import { LAYOUT_GAPS } from "./designerGeometry.ts";
import type { Rect, Size } from "./designerGeometry.ts";

/** An edge between two node indexes of the level. */
export interface LayoutEdge {
  readonly source: number;
  readonly target: number;
}

/**
 * Top-left boxes for `sizes` (node index order). A cycle (a rule Flink would reject) cannot be
 * ranked: its stages go to the column after the last ranked one, in node order.
 */
export function layeredBoxes(sizes: readonly Size[], edges: readonly LayoutEdge[]): Rect[] {
  const n = sizes.length;
  const rank = longestPathRanks(n, edges);
  const columns: number[][] = [];
  for (let i = 0; i < n; i++) (columns[rank[i] ?? 0] ??= []).push(i);

  const boxes: Rect[] = new Array<Rect>(n);
  let x = 0;
  // Ranks are contiguous (a ranked stage at r > 0 has a ranked predecessor at r − 1, and a cycle's
  // stages take the rank after the last), so no column is a hole.
  for (const column of columns) {
    let y = 0;
    let width = 0;
    for (const i of column) {
      const size = sizes[i] as Size;
      boxes[i] = { x, y, width: size.width, height: size.height };
      y += size.height + LAYOUT_GAPS.node;
      width = Math.max(width, size.width);
    }
    x += width + LAYOUT_GAPS.rank;
  }
  return boxes;
}

/** Each node's longest distance (in edges) from a node without incoming edges (Kahn's order). */
function longestPathRanks(n: number, edges: readonly LayoutEdge[]): number[] {
  const rank = new Array<number>(n).fill(0);
  const incoming = new Array<number>(n).fill(0);
  const outgoing: number[][] = Array.from({ length: n }, () => []);
  for (const { source, target } of edges) {
    (outgoing[source] as number[]).push(target);
    incoming[target] = (incoming[target] ?? 0) + 1;
  }
  const queue: number[] = [];
  for (let i = 0; i < n; i++) if (incoming[i] === 0) queue.push(i);
  let ranked = 0;
  let maxRank = 0;
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head] as number;
    ranked++;
    maxRank = Math.max(maxRank, rank[node] as number);
    const next = (rank[node] as number) + 1;
    for (const target of outgoing[node] as number[]) {
      if (next > (rank[target] as number)) rank[target] = next;
      incoming[target] = (incoming[target] as number) - 1;
      if (incoming[target] === 0) queue.push(target);
    }
  }
  if (ranked < n) {
    // Stages on or behind a cycle never reached zero incoming edges. When no stage was ranked
    // (every stage is on a cycle) they make the first column: a column of their own after an
    // empty one would leave a hole.
    const rest = ranked === 0 ? 0 : maxRank + 1;
    for (let i = 0; i < n; i++) if ((incoming[i] as number) > 0) rank[i] = rest;
  }
  return rank;
}
