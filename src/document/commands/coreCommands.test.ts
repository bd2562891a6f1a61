/** The core commands run on literal documents through the app's stores, as the UI runs them. */
import { beforeEach, describe, expect, it } from "vitest";
import { select, selectionStore } from "../../designer/selectionStore.ts";
import type { Selection } from "../../designer/selectionStore.ts";
import { activeRule } from "../documentQueries.ts";
import { documentStore, replaceDocument } from "../documentStore.ts";
import { graphAt } from "../edits/graphAccess.ts";
import type { DocumentRule } from "../studioDocument.ts";
import {
  chainGraph,
  chainRule,
  docOf,
  docRule,
  edgeList,
  group,
  nodeNames,
  stage,
} from "../testing/ruleFixtures.ts";
import { runCommand } from "./registry.ts";
import { clipboardText, setClipboard, setClipboardText } from "./stageClipboard.ts";

function load(...rules: DocumentRule[]): void {
  replaceDocument(docOf(...rules), { history: "skip" });
  setClipboard(null);
  select({ type: "none" });
}

function rule(): DocumentRule {
  const r = activeRule(documentStore.getState().doc);
  if (!r) throw new Error("no active rule");
  return r;
}

function selection(): Selection {
  return selectionStore.getState().selection;
}

const stages = (names: string[], graphPath: string[] = []): Selection => ({
  type: "stages",
  graphPath,
  names,
});

beforeEach(() => {
  load(chainRule(["a", "b", "c"], ["STRICT", "NOT_NEXT"]));
});

describe("core commands", () => {
  it("deleteSelection bridges the chain, clears the selection, and undo/redo bring it back and forth", () => {
    select(stages(["b"]));
    expect(runCommand("deleteSelection")).toBe(true);
    expect(edgeList(rule().rule.pattern)).toEqual(["a-NOT_NEXT->c"]);
    expect(selection()).toEqual({ type: "none" });
    expect(runCommand("undo")).toBe(true);
    expect(nodeNames(rule().rule.pattern)).toEqual(["c", "b", "a"]);
    expect(runCommand("redo")).toBe(true);
    expect(nodeNames(rule().rule.pattern)).toEqual(["c", "a"]);
  });

  it("deleteSelection removes a selected edge and is unavailable with nothing selected", () => {
    expect(runCommand("deleteSelection")).toBe(false);
    select({ type: "edge", graphPath: [], source: "a", target: "b" });
    expect(runCommand("deleteSelection")).toBe(true);
    expect(edgeList(rule().rule.pattern)).toEqual(["b-NOT_NEXT->c"]);
  });

  it("copy then paste inserts renamed copies and selects them; the text form round-trips", () => {
    expect(runCommand("paste")).toBe(false);
    select(stages(["a", "b"]));
    expect(runCommand("copy")).toBe(true);
    const text = clipboardText();
    expect(text).not.toBeNull();
    expect(runCommand("paste")).toBe(true);
    expect(selection()).toEqual(stages(["b_2", "a_2"]));
    expect(edgeList(rule().rule.pattern)).toContain("a_2-STRICT->b_2");
    load(chainRule(["z"]));
    expect(setClipboardText("not a clipboard")).toBe(false);
    expect(setClipboardText(text ?? "")).toBe(true);
    expect(runCommand("paste")).toBe(true);
    expect(nodeNames(rule().rule.pattern).sort()).toEqual(["a", "b", "z"]);
  });

  it("duplicateSelection copies in place without touching the clipboard, as one undo entry", () => {
    select(stages(["c"]));
    expect(runCommand("duplicateSelection")).toBe(true);
    expect(clipboardText()).toBeNull();
    expect(selection()).toEqual(stages(["c_2"]));
    expect(documentStore.getState().canUndo).toBe(true);
    runCommand("undo");
    expect(nodeNames(rule().rule.pattern)).toEqual(["c", "b", "a"]);
  });

  it("selectAll selects every node of the selection's graph", () => {
    expect(runCommand("selectAll")).toBe(true);
    expect(selection()).toEqual(stages(["c", "b", "a"]));
    load(docRule(chainGraph([stage("a"), group("g", [stage("x"), stage("y")])])));
    select(stages(["x"], ["g"]));
    runCommand("selectAll");
    expect(selection()).toEqual(stages(["y", "x"], ["g"]));
  });

  it("groupSelection groups consecutive stages and selects the group; ungroup reverses it", () => {
    select(stages(["a", "c"]));
    expect(runCommand("groupSelection")).toBe(false);
    select(stages(["b", "c"]));
    expect(runCommand("groupSelection")).toBe(true);
    expect(selection()).toEqual(stages(["group_1"]));
    expect(nodeNames(graphAt(rule().rule.pattern, ["group_1"]) ?? chainGraph([]))).toEqual(["c", "b"]);
    expect(runCommand("ungroup")).toBe(true);
    expect(selection()).toEqual(stages(["c", "b"]));
    expect(edgeList(rule().rule.pattern)).toEqual(["a-STRICT->b", "b-NOT_NEXT->c"]);
    select(stages(["a"]));
    expect(runCommand("ungroup")).toBe(false);
  });

  it("addRule adds an active rule with the next id; publishRule publishes once until it changes", () => {
    expect(runCommand("addRule")).toBe(true);
    const added = rule();
    expect(added.rule.id).toBe("2");
    expect(documentStore.getState().doc.rules).toHaveLength(2);
    expect(runCommand("publishRule")).toBe(true);
    expect(rule().published?.version).toBe(1);
    expect(runCommand("publishRule")).toBe(false);
  });

  it("publishRule refuses a rule Flink would reject, as the rule list does", () => {
    const broken = chainRule(["a", "b"]);
    load({ ...broken, rule: { ...broken.rule, pattern: { ...broken.rule.pattern, edges: [] } } });
    expect(runCommand("publishRule")).toBe(false);
    expect(rule().published).toBeNull();
  });

  it("autoLayout gives every stage a position", () => {
    expect(runCommand("autoLayout")).toBe(true);
    expect(Object.keys(rule().positions).sort()).toEqual(["a", "b", "c"]);
  });
});
