import { describe, expect, it } from "vitest";
import type { AtomicNode, GraphNode } from "../../model/pattern.ts";
import { aviator, chainGraph, docRule, edgeList, group, stage } from "../testing/ruleFixtures.ts";
import { clipboardToText, copyStages, parseClipboardText, pasteStages } from "./clipboard.ts";
import { graphAt } from "./graphAccess.ts";

const source = {
  ...docRule(
    chainGraph(
      [
        stage("a", aviator("eventType == 'view'")),
        stage("b", aviator("price < first(getEventsForPattern('a')).price")),
        group("g", [stage("x")]),
      ],
      ["STRICT", "SKIP_TILL_NEXT"],
    ),
  ),
  positions: { a: { x: 0, y: 0 }, b: { x: 100, y: 0 }, g: { x: 200, y: 0 }, "g/x": { x: 10, y: 40 } },
};

function atomic(graph: GraphNode, name: string): AtomicNode {
  const node = graph.nodes.find((n) => n.name === name);
  if (node?.type !== "ATOMIC") throw new Error(`no stage ${name}`);
  return node;
}

describe("clipboard", () => {
  it("copies stages with the edges among them and their positions", () => {
    const clip = copyStages(source, [], ["a", "b"]);
    expect(clip?.positions).toEqual({ a: { x: 0, y: 0 }, b: { x: 100, y: 0 } });
    const pasted = clip && pasteStages(docRule(chainGraph([stage("q")])), [], clip);
    expect(pasted?.names).toEqual(["b", "a"]);
    expect(pasted && edgeList(pasted.rule.rule.pattern)).toEqual(["a-STRICT->b"]);
    expect(copyStages(source, [], ["nope"])).toBeNull();
    expect(copyStages(source, ["nope"], ["a"])).toBeNull();
  });

  it("copies and pastes the position of a stage named __proto__ through the clipboard text", () => {
    const proto = {
      ...docRule(chainGraph([stage("__proto__")])),
      positions: Object.fromEntries([["__proto__", { x: 30, y: 40 }]]),
    };
    const copied = copyStages(proto, [], ["__proto__"]);
    const clip = copied && parseClipboardText(clipboardToText(copied));
    expect(Object.hasOwn(clip?.positions ?? {}, "__proto__")).toBe(true);
    const pasted = clip && pasteStages(docRule(chainGraph([stage("q")])), [], clip);
    expect(pasted && Object.entries(pasted.rule.positions)).toEqual([["__proto__", { x: 70, y: 80 }]]);
  });

  it("pasting into the same rule renames the copies, their edges and references, and offsets positions", () => {
    const clip = copyStages(source, [], ["a", "b"]);
    if (!clip) throw new Error("nothing copied");
    const { rule, names } = pasteStages(source, [], clip);
    expect([...names].sort()).toEqual(["a_2", "b_2"]);
    const top = rule.rule.pattern;
    expect(edgeList(top)).toContain("a_2-STRICT->b_2");
    expect(atomic(top, "b_2").condition).toEqual(aviator("price < first(getEventsForPattern('a_2')).price"));
    // The original keeps its reference.
    expect(atomic(top, "b").condition).toEqual(aviator("price < first(getEventsForPattern('a')).price"));
    expect(rule.positions["a_2"]).toEqual({ x: 40, y: 40 });
    expect(rule.positions["b_2"]).toEqual({ x: 140, y: 40 });
  });

  it("copies a group with its insides and pastes it into another group", () => {
    const clip = copyStages(source, [], ["g"]);
    if (!clip) throw new Error("nothing copied");
    expect(clip.positions).toEqual({ g: { x: 200, y: 0 }, "g/x": { x: 10, y: 40 } });
    const { rule, names } = pasteStages(source, ["g"], clip);
    expect(names).toEqual(["g_2"]);
    const pastedGroup = graphAt(rule.rule.pattern, ["g", "g_2"]);
    expect(pastedGroup?.nodes.map((n) => n.name)).toEqual(["x_2"]);
    expect(rule.positions["g/g_2"]).toEqual({ x: 240, y: 40 });
    expect(rule.positions["g/g_2/x_2"]).toEqual({ x: 10, y: 40 });
  });

  it("renames all at once: a pasted 'a' never picks up the name of another pasted stage", () => {
    const target = docRule(chainGraph([stage("a")]));
    const clip = copyStages(
      docRule(chainGraph([stage("a"), stage("a_2", aviator("getEventsForPattern('a') != nil"))])),
      [],
      ["a", "a_2"],
    );
    if (!clip) throw new Error("nothing copied");
    const { rule, names } = pasteStages(target, [], clip);
    expect([...names].sort()).toEqual(["a_2", "a_3"]);
    expect(atomic(rule.rule.pattern, "a_2").condition).toEqual(aviator("getEventsForPattern('a_3') != nil"));
  });

  it("goes through text and refuses anything else", () => {
    const clip = copyStages(source, [], ["a"]);
    if (!clip) throw new Error("nothing copied");
    expect(parseClipboardText(clipboardToText(clip))).toEqual(clip);
    for (const text of [
      "",
      "not json",
      "null",
      "[]",
      '{"format":"x"}',
      '{"format":"cep-studio-stages","graph":{}}',
    ]) {
      expect(parseClipboardText(text)).toBeNull();
    }
    const badPositions = parseClipboardText(
      JSON.stringify({ ...clip, positions: { a: { x: "1", y: 2 }, b: 3 } }),
    );
    expect(badPositions?.positions).toEqual({});
  });

  it("pasting into an unknown graph does nothing", () => {
    const clip = copyStages(source, [], ["a"]);
    if (!clip) throw new Error("nothing copied");
    expect(pasteStages(source, ["nope"], clip)).toEqual({ rule: source, names: [] });
  });
});
