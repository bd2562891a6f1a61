/**
 * Commands on the canvas selection: delete, copy, paste, duplicate, select all, clear, group, ungroup.
 * Each acts on the active rule through the pure edits, as one undo entry, and then selects what
 * it produced so the next command (or the inspector) continues from there.
 */
import { select } from "../../designer/selectionStore.ts";
import type { GraphNode } from "../../model/pattern.ts";
import type { Selection } from "../../designer/selectionStore.ts";
import { copyStages, pasteStages } from "../edits/clipboard.ts";
import type { StageClipboard } from "../edits/clipboard.ts";
import { deleteEdge } from "../edits/edgeEdits.ts";
import { graphAt, nodeIn } from "../edits/graphAccess.ts";
import type { GraphPath } from "../edits/graphAccess.ts";
import { groupableRun, groupStages, ungroup } from "../edits/groupEdits.ts";
import { deleteStages } from "../edits/stageEdits.ts";
import { commitRule, currentRule } from "./activeRuleAccess.ts";
import type { Command } from "./commandTypes.ts";
import { clipboardText, currentClipboard, setClipboard } from "./stageClipboard.ts";

/** The graph a selection is in; the top graph when it names none. */
function graphPathOf(selection: Selection): GraphPath {
  return selection.type === "stages" || selection.type === "edge" ? selection.graphPath : [];
}

/** The graph the selection is in, in the active rule. */
function graphOf(selection: Selection): GraphNode | null {
  const rule = currentRule();
  return rule && graphAt(rule.rule.pattern, graphPathOf(selection));
}

function hasStages(selection: Selection): selection is Extract<Selection, { type: "stages" }> {
  return selection.type === "stages" && selection.names.length > 0 && currentRule() !== null;
}

/** Pastes `clip` into the graph of the selection (or the top graph) and selects the copies. */
function paste(clip: StageClipboard, selection: Selection): void {
  const rule = currentRule();
  if (!rule) return;
  const wanted = graphPathOf(selection);
  const graphPath = graphAt(rule.rule.pattern, wanted) ? wanted : [];
  const pasted = pasteStages(rule, graphPath, clip);
  if (pasted.names.length === 0) return;
  commitRule(pasted.rule);
  select({ type: "stages", graphPath, names: pasted.names });
}

/** Puts the copied JSON on the system clipboard too, where the browser allows it (best effort). */
function shareWithSystemClipboard(): void {
  const text = clipboardText();
  // Absent outside a secure browsing context (and in Node tests).
  const host = globalThis as { readonly navigator?: { readonly clipboard?: Clipboard } };
  const clipboard = host.navigator?.clipboard;
  if (text === null || !clipboard) return;
  // Refused without focus or permission; the in-memory clipboard still works.
  clipboard.writeText(text).catch(() => undefined);
}

export const selectionCommands: readonly Command[] = [
  {
    id: "deleteSelection",
    label: "Delete",
    keys: ["Delete", "Backspace"],
    isAvailable: ({ selection }) =>
      hasStages(selection) || (selection.type === "edge" && currentRule() !== null),
    run({ selection }) {
      const rule = currentRule();
      if (!rule) return;
      if (selection.type === "stages") commitRule(deleteStages(rule, selection.graphPath, selection.names));
      else if (selection.type === "edge") {
        commitRule(deleteEdge(rule, selection.graphPath, selection.source, selection.target));
      } else return;
      select({ type: "none" });
    },
  },
  {
    id: "copy",
    label: "Copy",
    keys: ["Mod+C"],
    isAvailable: ({ selection }) => hasStages(selection),
    run({ selection }) {
      const rule = currentRule();
      if (!rule || selection.type !== "stages") return;
      const clip = copyStages(rule, selection.graphPath, selection.names);
      if (!clip) return;
      setClipboard(clip);
      shareWithSystemClipboard();
    },
  },
  {
    id: "paste",
    label: "Paste",
    keys: ["Mod+V"],
    isAvailable: () => currentClipboard() !== null && currentRule() !== null,
    run({ selection }) {
      const clip = currentClipboard();
      if (clip) paste(clip, selection);
    },
  },
  {
    id: "duplicateSelection",
    label: "Duplicate",
    keys: ["Mod+D"],
    isAvailable: ({ selection }) => hasStages(selection),
    run({ selection }) {
      const rule = currentRule();
      if (!rule || selection.type !== "stages") return;
      // Duplicating leaves the clipboard alone, as in drawing tools.
      const clip = copyStages(rule, selection.graphPath, selection.names);
      if (clip) paste(clip, selection);
    },
  },
  {
    id: "selectAll",
    label: "Select all",
    keys: ["Mod+A"],
    isAvailable: ({ selection }) => (graphOf(selection)?.nodes.length ?? 0) > 0,
    run({ selection }) {
      const graph = graphOf(selection);
      if (graph)
        select({ type: "stages", graphPath: graphPathOf(selection), names: graph.nodes.map((n) => n.name) });
    },
  },
  {
    id: "clearSelection",
    label: "Clear the selection",
    keys: ["Escape"],
    isAvailable: ({ selection }) => selection.type !== "none",
    run() {
      select({ type: "none" });
    },
  },
  {
    id: "groupSelection",
    label: "Group",
    keys: ["Mod+G"],
    isAvailable: ({ selection }) => {
      const rule = currentRule();
      return (
        rule !== null &&
        selection.type === "stages" &&
        "run" in groupableRun(rule, selection.graphPath, selection.names)
      );
    },
    run({ selection }) {
      const rule = currentRule();
      if (!rule || selection.type !== "stages") return;
      const grouped = groupStages(rule, selection.graphPath, selection.names);
      if (grouped.name === null) return;
      commitRule(grouped.rule);
      select({ type: "stages", graphPath: selection.graphPath, names: [grouped.name] });
    },
  },
  {
    id: "ungroup",
    label: "Ungroup",
    keys: ["Mod+Shift+G"],
    isAvailable: ({ selection }) => selectedGroup(selection) !== null,
    run({ selection }) {
      const rule = currentRule();
      const group = selectedGroup(selection);
      if (!rule || !group || selection.type !== "stages") return;
      const next = ungroup(rule, selection.graphPath, group.name);
      if (next === rule) return;
      commitRule(next);
      select({ type: "stages", graphPath: selection.graphPath, names: group.nodes.map((n) => n.name) });
    },
  },
];

/** The one group the selection consists of, or null. */
function selectedGroup(selection: Selection): GraphNode | null {
  const rule = currentRule();
  if (!rule || selection.type !== "stages" || selection.names.length !== 1) return null;
  const graph = graphAt(rule.rule.pattern, selection.graphPath);
  const node = graph && nodeIn(graph, selection.names[0] ?? "");
  return node?.type === "COMPOSITE" ? node : null;
}
