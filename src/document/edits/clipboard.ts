/**
 * Copy and paste of stages. A clipboard is plain JSON whose `graph` is a dynamic-CEP GraphSpec of
 * the copied stages (with the edges between them), so it can travel through the system clipboard
 * and is read back through the same importer as any rule file.
 */
import { exportGraphSpec, importGraphSpec } from "../../formats/dynamicCep/index.ts";
import type { JsonObjectValue } from "../../formats/dynamicCep/index.ts";
import type { GraphNode, PatternNode } from "../../model/pattern.ts";
import type { DocumentRule, StageKey, StagePosition } from "../studioDocument.ts";
import { allNodeNames, graphAt, stageKey, uniqueName } from "./graphAccess.ts";
import type { GraphPath } from "./graphAccess.ts";
import { editStructure } from "./patternAccess.ts";
import { renameReferencesInGraph } from "./stageReferences.ts";

/** The `format` tag of a stage clipboard. */
export const STAGE_CLIPBOARD_FORMAT = "cep-studio-stages";

/** Copied stages. */
export interface StageClipboard {
  readonly format: typeof STAGE_CLIPBOARD_FORMAT;
  /** A GraphSpec holding the copied stages (groups with their insides) and the edges among them. */
  readonly graph: JsonObjectValue;
  /** Their canvas positions, keyed relative to the copied graph (`stage`, `group/stage`). */
  readonly positions: Readonly<Record<StageKey, StagePosition>>;
}

/** Where pasted stages land relative to their originals, so a copy never hides what it copies. */
export const PASTE_OFFSET: StagePosition = { x: 40, y: 40 };

/** Copies stages (or groups) of the graph at `graphPath`; null when none of `names` is there. */
export function copyStages(
  rule: DocumentRule,
  graphPath: GraphPath,
  names: readonly string[],
): StageClipboard | null {
  const graph = graphAt(rule.rule.pattern, graphPath);
  if (!graph) return null;
  const set = new Set(names);
  const nodes = graph.nodes.filter((n) => set.has(n.name));
  if (nodes.length === 0) return null;
  const copied: GraphNode = {
    ...graph,
    nodes,
    edges: graph.edges.filter((e) => set.has(e.source) && set.has(e.target)),
    window: null,
    afterMatchStrategy: { type: "NO_SKIP", patternName: null },
  };
  const prefix = stageKey(graphPath, "");
  const positions: [StageKey, StagePosition][] = [];
  for (const [key, p] of Object.entries(rule.positions)) {
    if (!key.startsWith(prefix)) continue;
    const relative = key.slice(prefix.length);
    if (set.has(relative.split("/")[0] ?? "")) positions.push([relative, p]);
  }
  return {
    format: STAGE_CLIPBOARD_FORMAT,
    graph: exportGraphSpec(copied),
    positions: Object.fromEntries(positions),
  };
}

/** The clipboard as JSON text, for the system clipboard. */
export function clipboardToText(clip: StageClipboard): string {
  return JSON.stringify(clip);
}

/** Reads clipboard text back; null for anything that is not a valid stage clipboard. */
export function parseClipboardText(text: string): StageClipboard | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const { format, graph, positions } = value as Record<string, unknown>;
  if (format !== STAGE_CLIPBOARD_FORMAT || !importGraphSpec(graph).ok) return null;
  return { format, graph: graph as JsonObjectValue, positions: readPositions(positions) };
}

function readPositions(value: unknown): Record<StageKey, StagePosition> {
  const out: [StageKey, StagePosition][] = [];
  if (typeof value !== "object" || value === null) return {};
  for (const [key, p] of Object.entries(value)) {
    if (typeof p !== "object" || p === null) continue;
    const { x, y } = p as Record<string, unknown>;
    if (typeof x === "number" && Number.isFinite(x) && typeof y === "number" && Number.isFinite(y)) {
      out.push([key, { x, y }]);
    }
  }
  return Object.fromEntries(out);
}

/**
 * Pastes copied stages into the graph at `graphPath`, renaming those whose names are taken
 * (with their edges and `getEventsForPattern` references among the pasted stages). The pasted
 * stages keep their edges among themselves but are not chained to the existing stages. Returns
 * the names of the pasted top-level nodes (empty when nothing could be pasted).
 */
export function pasteStages(
  rule: DocumentRule,
  graphPath: GraphPath,
  clip: StageClipboard,
): { readonly rule: DocumentRule; readonly names: readonly string[] } {
  const imported = importGraphSpec(clip.graph);
  if (!imported.ok || !graphAt(rule.rule.pattern, graphPath)) return { rule, names: [] };
  const renames = pasteRenames(imported.value, allNodeNames(rule.rule.pattern));
  const pasted = renameGraph(renameReferencesInGraph(imported.value, renames), renames);
  const next = editStructure(rule, graphPath, (g) => ({
    ...g,
    nodes: [...g.nodes, ...pasted.nodes],
    edges: [...g.edges, ...pasted.edges],
  }));
  const pastedPositions = Object.entries(clip.positions).map(([key, p]): [StageKey, StagePosition] => {
    const segments = key.split("/").map((s) => renames.get(s) ?? s);
    const top = segments.length === 1;
    return [
      stageKey(graphPath, segments.join("/")),
      top ? { x: p.x + PASTE_OFFSET.x, y: p.y + PASTE_OFFSET.y } : p,
    ];
  });
  const positions = Object.fromEntries([...Object.entries(next.positions), ...pastedPositions]);
  return { rule: { ...next, positions }, names: pasted.nodes.map((n) => n.name) };
}

/** New names for pasted nodes whose names are taken; names that are free stay as they are. */
function pasteRenames(graph: GraphNode, existing: ReadonlySet<string>): Map<string, string> {
  const pastedNames = [...allNodeNames(graph)];
  const taken = new Set([...existing, ...pastedNames.filter((n) => !existing.has(n))]);
  const renames = new Map<string, string>();
  for (const name of pastedNames) {
    if (!existing.has(name)) continue;
    const fresh = uniqueName(name, taken);
    taken.add(fresh);
    renames.set(name, fresh);
  }
  return renames;
}

function renameGraph(graph: GraphNode, renames: ReadonlyMap<string, string>): GraphNode {
  const rename = (name: string) => renames.get(name) ?? name;
  const nodes = graph.nodes.map((n): PatternNode =>
    n.type === "COMPOSITE"
      ? { ...renameGraph(n, renames), name: rename(n.name) }
      : { ...n, name: rename(n.name) },
  );
  const edges = graph.edges.map((e) => ({ ...e, source: rename(e.source), target: rename(e.target) }));
  return { ...graph, nodes, edges };
}
