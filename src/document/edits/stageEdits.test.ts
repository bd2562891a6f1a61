import { describe, expect, it } from "vitest";
import { loopingQuantifier, timesQuantifier, withUntil } from "../../model/quantifier.ts";
import type { AtomicNode, GraphNode } from "../../model/pattern.ts";
import {
  aviator,
  chainGraph,
  chainRule,
  docRule,
  edgeList,
  group,
  nodeNames,
  stage,
} from "../testing/ruleFixtures.ts";
import { graphAt } from "./graphAccess.ts";
import {
  addStage,
  deleteStages,
  renameStage,
  setStageCondition,
  setStageQuantifier,
  stageNameProblem,
} from "./stageEdits.ts";

function atomic(graph: GraphNode | null, name: string): AtomicNode {
  const node = graph?.nodes.find((n) => n.name === name);
  if (node?.type !== "ATOMIC") throw new Error(`no stage ${name}`);
  return node;
}

describe("addStage", () => {
  it("names new stages stage_N, accepting every event, single, unconnected", () => {
    const first = addStage(chainRule(["start"]), []);
    expect(first.name).toBe("stage_1");
    const second = addStage(first.rule, []);
    expect(second.name).toBe("stage_2");
    const added = atomic(second.rule.rule.pattern, "stage_2");
    expect(added.condition).toBeNull();
    expect(added.quantifier.properties).toEqual(["SINGLE"]);
    expect(second.rule.rule.pattern.edges).toEqual([]);
  });

  it("makes a requested name unique across the pattern, groups included", () => {
    const rule = docRule(chainGraph([stage("a"), group("g", [stage("x")])]));
    expect(addStage(rule, [], { name: "x" }).name).toBe("x_2");
    expect(addStage(rule, ["g"], { name: "a" }).name).toBe("a_2");
  });

  it("chains after a stage, inserting before its old target with the old contiguity", () => {
    const rule = chainRule(["a", "c"], ["STRICT"]);
    const { rule: next } = addStage(rule, [], { name: "b", connectFrom: { source: "a", type: "NOT_NEXT" } });
    expect(edgeList(next.rule.pattern)).toEqual(["a-NOT_NEXT->b", "b-STRICT->c"]);
    expect(nodeNames(next.rule.pattern)).toEqual(["c", "b", "a"]);
  });

  it("adds inside a group and records a position", () => {
    const rule = docRule(chainGraph([stage("a"), group("g", [stage("x")])]));
    const { rule: next, name } = addStage(rule, ["g"], {
      connectFrom: { source: "x", type: "SKIP_TILL_ANY" },
      position: { x: 5, y: 6 },
    });
    expect(name).toBe("stage_1");
    expect(edgeList(graphAt(next.rule.pattern, ["g"]) as GraphNode)).toEqual(["x-SKIP_TILL_ANY->stage_1"]);
    expect(next.positions).toEqual({ "g/stage_1": { x: 5, y: 6 } });
  });

  it("leaves the rule alone for an unknown graph path", () => {
    const rule = chainRule(["a"]);
    expect(addStage(rule, ["nope"])).toEqual({ rule, name: null });
  });
});

describe("renameStage", () => {
  it("renames edges, positions, the skip strategy and getEventsForPattern references", () => {
    const base = docRule({
      ...chainGraph([
        stage("a", aviator("eventType == 'a'")),
        stage("b", aviator("price < first(getEventsForPattern('a')).price && x == \"a\"")),
      ]),
      afterMatchStrategy: { type: "SKIP_TO_FIRST", patternName: "a" },
    });
    const rule = { ...base, positions: { a: { x: 1, y: 2 }, b: { x: 3, y: 4 } } };
    const next = renameStage(rule, [], "a", "view");
    const p = next.rule.pattern;
    expect(edgeList(p)).toEqual(["view-SKIP_TILL_NEXT->b"]);
    expect(p.afterMatchStrategy.patternName).toBe("view");
    expect(next.positions).toEqual({ view: { x: 1, y: 2 }, b: { x: 3, y: 4 } });
    // Only the getEventsForPattern argument changes; other 'a' literals and the spacing stay.
    expect(atomic(p, "b").condition).toEqual(
      aviator("price < first(getEventsForPattern('view')).price && x == \"a\""),
    );
    expect(atomic(p, "view").condition).toEqual(aviator("eventType == 'a'"));
  });

  it("renames references in until conditions and composite conditions, inside groups too", () => {
    const ref = aviator('count(getEventsForPattern("a")) > 2');
    const looping = withUntil(loopingQuantifier(1), ref);
    const inner: AtomicNode = {
      ...stage("y", { type: "not", inner: { type: "and", left: ref, right: ref } }),
      quantifier: looping,
    };
    const rule = docRule(chainGraph([stage("a"), group("g", [inner])]));
    const next = renameStage(rule, [], "a", "z");
    const y = atomic(graphAt(next.rule.pattern, ["g"]), "y");
    const renamed = aviator("count(getEventsForPattern('z')) > 2");
    expect(y.quantifier.untilCondition).toEqual(renamed);
    expect(y.condition).toEqual({ type: "not", inner: { type: "and", left: renamed, right: renamed } });
  });

  it("renames a group: edges and nested position keys, but not stage references", () => {
    const rule = {
      ...docRule(
        chainGraph([stage("a", aviator("getEventsForPattern('g') == nil")), group("g", [stage("x")])]),
      ),
      positions: { g: { x: 0, y: 0 }, "g/x": { x: 10, y: 10 }, gx: { x: 1, y: 1 } },
    };
    const next = renameStage(rule, [], "g", "grp");
    expect(edgeList(next.rule.pattern)).toEqual(["a-SKIP_TILL_NEXT->grp"]);
    expect(next.positions).toEqual({ grp: { x: 0, y: 0 }, "grp/x": { x: 10, y: 10 }, gx: { x: 1, y: 1 } });
    expect(atomic(next.rule.pattern, "a").condition).toEqual(aviator("getEventsForPattern('g') == nil"));
    expect(next.rule.pattern.name).toBe("grp");
  });

  it("keeps an expression that does not parse as it is", () => {
    const rule = docRule(chainGraph([stage("a"), stage("b", aviator("getEventsForPattern('a') &&"))]));
    const next = renameStage(rule, [], "a", "c");
    expect(atomic(next.rule.pattern, "b").condition).toEqual(aviator("getEventsForPattern('a') &&"));
  });

  it("refuses empty, taken, reserved and ':' names", () => {
    const rule = docRule(chainGraph([stage("a"), group("g", [stage("x")])]));
    for (const to of ["", "  ", "x", "g", "$endState$", "a:b"]) {
      expect(stageNameProblem(rule, "a", to)).not.toBeNull();
      expect(renameStage(rule, [], "a", to)).toBe(rule);
    }
    expect(stageNameProblem(rule, "a", "a")).toBeNull();
    expect(renameStage(rule, [], "missing", "q")).toBe(rule);
  });
});

describe("deleteStages", () => {
  it("bridges a middle stage with its successor's incoming contiguity", () => {
    const rule = chainRule(["a", "b", "c"], ["STRICT", "NOT_NEXT"]);
    const next = deleteStages(rule, [], ["b"]);
    expect(edgeList(next.rule.pattern)).toEqual(["a-NOT_NEXT->c"]);
    expect(nodeNames(next.rule.pattern)).toEqual(["c", "a"]);
  });

  it("bridges consecutive middle stages in one go", () => {
    const rule = chainRule(["a", "b", "c", "d"], ["STRICT", "SKIP_TILL_ANY", "SKIP_TILL_NEXT"]);
    const next = deleteStages(rule, [], ["c", "b"]);
    expect(edgeList(next.rule.pattern)).toEqual(["a-SKIP_TILL_NEXT->d"]);
  });

  it("drops the edge of a first or last stage and moves the top-level mirror", () => {
    const rule = chainRule(["a", "b", "c"], ["STRICT", "STRICT"]);
    expect(edgeList(deleteStages(rule, [], ["a"]).rule.pattern)).toEqual(["b-STRICT->c"]);
    const withoutLast = deleteStages(rule, [], ["c"]).rule.pattern;
    expect(edgeList(withoutLast)).toEqual(["a-STRICT->b"]);
    expect(withoutLast.name).toBe("b");
  });

  it("drops positions of the deleted stages and of everything inside deleted groups", () => {
    const rule = {
      ...docRule(chainGraph([stage("a"), group("g", [stage("x")])])),
      positions: { a: { x: 0, y: 0 }, g: { x: 1, y: 1 }, "g/x": { x: 2, y: 2 } },
    };
    const next = deleteStages(rule, [], ["g"]);
    expect(nodeNames(next.rule.pattern)).toEqual(["a"]);
    expect(next.positions).toEqual({ a: { x: 0, y: 0 } });
  });

  it("returns the same rule when no name is there", () => {
    const rule = chainRule(["a"]);
    expect(deleteStages(rule, [], ["zz"])).toBe(rule);
    expect(deleteStages(rule, ["nope"], ["a"])).toBe(rule);
  });
});

describe("setStageCondition / setStageQuantifier", () => {
  it("sets a condition and returns the same rule when it is the same object", () => {
    const rule = chainRule(["a", "b"]);
    const c = aviator("price > 1");
    const next = setStageCondition(rule, [], "a", c);
    expect(atomic(next.rule.pattern, "a").condition).toBe(c);
    expect(setStageCondition(next, [], "a", c)).toBe(next);
    expect(setStageCondition(next, [], "missing", c)).toBe(next);
    // Not a structural edit: the order stays as it was.
    expect(nodeNames(next.rule.pattern)).toEqual(nodeNames(rule.rule.pattern));
  });

  it("updates the top-level mirror only for the stage it mirrors", () => {
    const rule = chainRule(["a", "b"]);
    const q = timesQuantifier(2, 4);
    const last = setStageQuantifier(rule, [], "b", q);
    expect(last.rule.pattern.quantifier).toBe(q);
    const first = setStageQuantifier(rule, [], "a", q);
    expect(first.rule.pattern.quantifier).toEqual(rule.rule.pattern.quantifier);
    expect(atomic(first.rule.pattern, "a").quantifier).toBe(q);
  });
});
