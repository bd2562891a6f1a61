/**
 * Structural sharing between two drawings of the canvas. The adapter builds every node and edge
 * afresh on each store update (a selection, a drag step, a measured size); React Flow re-renders
 * an element whenever its object changes, so a rule of hundreds of edges redrew all of them for
 * one selected stage. Elements whose content did not change keep last drawing's object.
 */
import type { FlowModel } from "./flowAdapter.ts";

/**
 * A function that returns each drawing it is given with the nodes and edges equal in content to
 * those of the drawing it returned last (same id) replaced by those earlier objects. Correct
 * whether or not React keeps a render: any earlier object of the same content will do.
 */
export function flowReuser(): (next: FlowModel) => FlowModel {
  let previous: FlowModel | null = null;
  return (next) => {
    previous = reuseUnchanged(previous, next);
    return previous;
  };
}

/**
 * `next`, with each node and edge that equals (by content) the one of the same id in `previous`
 * replaced by that earlier object, and each list replaced by the earlier list when nothing in it
 * changed.
 */
function reuseUnchanged(previous: FlowModel | null, next: FlowModel): FlowModel {
  if (previous === null) return next;
  const nodes = reuseList(previous.nodes, next.nodes);
  const edges = reuseList(previous.edges, next.edges);
  return nodes === next.nodes && edges === next.edges ? next : { ...next, nodes, edges };
}

function reuseList<T extends { readonly id: string }>(previous: T[], next: T[]): T[] {
  const before = new Map(previous.map((element) => [element.id, element]));
  let changed = previous.length !== next.length;
  const reused = next.map((element, i) => {
    const earlier = before.get(element.id);
    const kept = earlier !== undefined && sameContent(earlier, element) ? earlier : element;
    if (kept !== previous[i]) changed = true;
    return kept;
  });
  return changed ? reused : previous;
}

/**
 * True when `a` and `b` hold the same plain data: identical values, or arrays / plain objects
 * whose entries are the same content. The canvas's data is acyclic, and shared sub-objects (a
 * stage, its findings) are compared by identity first, so this seldom walks deep.
 */
function sameContent(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item: unknown, i) => sameContent(item, b[i]))
    );
  }
  if (!isPlain(a) || !isPlain(b)) return false;
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length &&
    keys.every((key) => Object.hasOwn(b, key) && sameContent(a[key], b[key]))
  );
}

function isPlain(value: object): value is Record<string, unknown> {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
