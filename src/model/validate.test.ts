import { describe, expect, it } from "vitest";
import type { GraphNode, PatternNode, Quantifier } from "./pattern.ts";
import { AfterMatchSkip, PatternBuilder } from "./patternBuilder.ts";
import { loopingQuantifier, singleQuantifier, timesQuantifier } from "./quantifier.ts";
import { hasPatternErrors, validatePattern, validateRuleId } from "./validate.ts";
import { errors, warnings } from "./testing/diagnostics.ts";

/** Replaces the node called `name` (top level) with `patch` applied. */
function patchNode(graph: GraphNode, name: string, patch: (node: PatternNode) => PatternNode): GraphNode {
  return { ...graph, nodes: graph.nodes.map((n) => (n.name === name ? patch(n) : n)) };
}

function withQuantifier(graph: GraphNode, name: string, quantifier: Quantifier): GraphNode {
  return patchNode(graph, name, (n) => ({ ...n, quantifier }));
}

const ab = () => PatternBuilder.begin("a").where("x == 1").followedBy("b").where("x == 2");

describe("validatePattern: patterns Flink accepts", () => {
  it("reports nothing for ordinary patterns", () => {
    const patterns = [
      ab().build(),
      PatternBuilder.begin("start", AfterMatchSkip.skipPastLastEvent())
        .where("a > 1")
        .timesOrMore(3, 60_000)
        .consecutive()
        .until("b > 1")
        .notFollowedBy("end")
        .where("c > 1")
        .within(300_000)
        .build(),
      PatternBuilder.begin("a")
        .oneOrMore()
        .optional()
        .greedy()
        .followedBy("b")
        .times(2, 4)
        .allowCombinations()
        .build(),
      PatternBuilder.begin("a").times(1, 3).notNext("n").followedBy("b").build(),
      PatternBuilder.begin("first")
        .timesOrMore(10)
        .notNext("purchase")
        .within(7 * 86_400_000)
        .build(),
      PatternBuilder.begin("a", AfterMatchSkip.skipToLast("a"))
        .followedBy(PatternBuilder.begin("x").next("y"))
        .within(600_000, "PREVIOUS_AND_CURRENT")
        .build(),
    ];
    for (const pattern of patterns) expect(validatePattern(pattern)).toEqual([]);
  });

  it("accepts a group named after its last inner stage, as the reference writer names it", () => {
    const graph = PatternBuilder.begin("a").followedBy(PatternBuilder.begin("x").next("y")).build();
    expect(graph.nodes[0]?.name).toBe("y");
    expect(validatePattern(graph)).toEqual([]);
  });
});

describe("validatePattern: graph shape", () => {
  const base = ab().build(); // nodes [b, a], edges [a -> b]

  it("rejects an empty pattern", () => {
    expect(errors({ ...base, nodes: [], edges: [] })).toEqual([
      ["nodes", "a pattern needs at least one stage"],
    ]);
  });

  it("rejects empty and duplicate names at one level", () => {
    const nameless = patchNode(base, "b", (n) => ({ ...n, name: "" }));
    expect(errors(nameless)[0]).toEqual(["nodes[0].name", "every stage needs a non-empty name"]);
    const twice = patchNode(base, "b", (n) => ({ ...n, name: "a" }));
    expect(errors(twice)).toContainEqual([
      "nodes[1].name",
      "stage 'a': another stage at this level has the same name, so edges cannot tell them apart",
    ]);
  });

  it("rejects edges naming unknown stages", () => {
    const graph = { ...base, edges: [{ source: "a", target: "zz", type: "STRICT" as const }] };
    expect(errors(graph)).toEqual([
      ["edges[0].target", "edge target 'zz' names no stage of this graph (stages: 'b', 'a')"],
      [
        "nodes[0]",
        "stage 'b': the stage is not connected: no edge leads to it or from it, and a pattern is one linear chain",
      ],
    ]);
  });

  it("rejects self-loops, branches and merges", () => {
    const loop = { ...base, edges: [...base.edges, { source: "b", target: "b", type: "STRICT" as const }] };
    expect(errors(loop)).toEqual([
      ["edges[1]", "stage 'b': an edge leads from the stage to itself; a pattern is one linear chain"],
    ]);

    const three = PatternBuilder.begin("a").next("b").next("c").build(); // edges [b->c, a->b]
    const branch = {
      ...three,
      edges: [...three.edges, { source: "a", target: "c", type: "STRICT" as const }],
    };
    expect(errors(branch)).toEqual([
      [
        "edges[2].source",
        "stage 'a': the stage has more than one outgoing edge; a pattern is one linear chain",
      ],
      [
        "edges[2].target",
        "stage 'c': the stage has more than one incoming edge; a pattern is one linear chain",
      ],
    ]);
  });

  it("needs exactly one begin node", () => {
    const two = PatternBuilder.begin("a").next("b").build();
    const chains = PatternBuilder.begin("c").next("d").build();
    expect(
      errors({ ...two, nodes: [...two.nodes, ...chains.nodes], edges: [...two.edges, ...chains.edges] }),
    ).toEqual([
      ["edges", "There must be exactly one begin node (a stage no edge leads to), but there are 2: 'a', 'c'"],
    ]);
    const cycle = {
      ...base,
      edges: [
        { source: "a", target: "b", type: "STRICT" as const },
        { source: "b", target: "a", type: "STRICT" as const },
      ],
    };
    expect(errors(cycle)).toEqual([
      [
        "edges",
        "There must be exactly one begin node (a stage no edge leads to), but there are 0 (the edges form a cycle through 'b', 'a')",
      ],
    ]);
  });

  it("reports stages cut off the chain by a cycle", () => {
    const four = PatternBuilder.begin("a").next("b").next("c").next("d").build(); // nodes [d, c, b, a]
    const graph = {
      ...four,
      edges: [
        { source: "a", target: "b", type: "STRICT" as const },
        { source: "c", target: "d", type: "STRICT" as const },
        { source: "d", target: "c", type: "STRICT" as const },
      ],
    };
    expect(errors(graph)).toEqual([
      ["nodes[0]", "stage 'd': the stage is not on the chain that starts at 'a' (its edges form a cycle)"],
      ["nodes[1]", "stage 'c': the stage is not on the chain that starts at 'a' (its edges form a cycle)"],
    ]);
  });

  it("still checks each stage when the shape is broken", () => {
    const graph = withQuantifier({ ...base, edges: [] }, "a", {
      ...singleQuantifier(),
      consumingStrategy: "STRICT",
    });
    expect(errors(graph).map(([path]) => path)).toEqual([
      "nodes[0]",
      "nodes[1]",
      "nodes[1].quantifier.consumingStrategy",
    ]);
  });

  it("checks shape inside groups with the group's name and path", () => {
    const graph = PatternBuilder.begin("a").followedBy(PatternBuilder.begin("x").next("y")).build();
    const group = graph.nodes[0] as GraphNode;
    const broken = { ...graph, nodes: [{ ...group, edges: [] }, ...graph.nodes.slice(1)] };
    expect(errors(broken)).toEqual([
      [
        "nodes[0].nodes[0]",
        "stage 'y': the stage is not connected: no edge leads to it or from it, and a pattern is one linear chain",
      ],
      [
        "nodes[0].nodes[1]",
        "stage 'x': the stage is not connected: no edge leads to it or from it, and a pattern is one linear chain",
      ],
    ]);
    const cycle = {
      ...group,
      edges: [...group.edges, { source: "y", target: "x", type: "STRICT" as const }],
    };
    expect(errors({ ...graph, nodes: [cycle, ...graph.nodes.slice(1)] })).toEqual([
      [
        "nodes[0].edges",
        "group 'y': There must be exactly one begin node (a stage no edge leads to), but there are 0 (the edges form a cycle through 'y', 'x')",
      ],
    ]);
    expect(
      errors({ ...graph, nodes: [{ ...group, nodes: [], edges: [] }, ...graph.nodes.slice(1)] }),
    ).toEqual([["nodes[0].nodes", "stage 'y': group 'y': a pattern needs at least one stage"]]);
  });
});

describe("validatePattern: every shape problem at once", () => {
  const unconnected = (name: string) =>
    `stage '${name}': the stage is not connected: no edge leads to it or from it, and a pattern is one linear chain`;
  /** Stages a -> b (nodes [b, a]) plus `extra` stages that no edge names. */
  const withLoose = (...extra: PatternNode[]): GraphNode => {
    const graph = ab().build();
    return { ...graph, nodes: [...graph.nodes, ...extra] };
  };
  const stageNamed = (name: string): PatternNode => {
    const node = PatternBuilder.begin(name).build().nodes[0];
    if (!node) throw new Error("no stage");
    return node;
  };

  it("names an unconnected stage and its path, and does not call it a second begin node", () => {
    expect(validatePattern(withLoose(stageNamed("c")))).toEqual([
      { severity: "error", stage: "c", path: "nodes[2]", message: unconnected("c") },
    ]);
  });

  it("reports an unconnected stage next to a duplicate name", () => {
    const graph = withLoose(stageNamed("a"), stageNamed("c"));
    expect(errors(graph)).toEqual([
      [
        "nodes[2].name",
        "stage 'a': another stage at this level has the same name, so edges cannot tell them apart",
      ],
      ["nodes[3]", unconnected("c")],
      ["nodes[2].name", "stage 'a': Duplicate pattern name: a. Names must be unique."],
    ]);
    expect(validatePattern(graph).find((d) => d.path === "nodes[3]")?.stage).toBe("c");
  });

  it("still walks the chain when a name is duplicated: two chains are two begin nodes", () => {
    const cd = PatternBuilder.begin("c").next("d").build();
    const graph = withLoose(stageNamed("b"), ...cd.nodes);
    expect(errors({ ...graph, edges: [...graph.edges, ...cd.edges] })).toEqual([
      [
        "nodes[2].name",
        "stage 'b': another stage at this level has the same name, so edges cannot tell them apart",
      ],
      ["edges", "There must be exactly one begin node (a stage no edge leads to), but there are 2: 'a', 'c'"],
      ["nodes[2].name", "stage 'b': Duplicate pattern name: b. Names must be unique."],
    ]);
  });

  it("reports a dangling edge, an empty name and an unconnected stage together", () => {
    const graph = withLoose(stageNamed(""), stageNamed("c"));
    const dangling = {
      ...graph,
      edges: [...graph.edges, { source: "b", target: "zz", type: "STRICT" as const }],
    };
    expect(errors(dangling)).toEqual([
      ["nodes[2].name", "every stage needs a non-empty name"],
      ["edges[1].target", "edge target 'zz' names no stage of this graph (stages: 'b', 'a', '', 'c')"],
      [
        "nodes[2]",
        "the stage is not connected: no edge leads to it or from it, and a pattern is one linear chain",
      ],
      ["nodes[3]", unconnected("c")],
    ]);
  });

  it("reports a cycle apart from an unconnected stage", () => {
    const three = PatternBuilder.begin("a").next("b").next("c").build(); // nodes [c, b, a]
    const graph = {
      ...three,
      edges: [
        { source: "b", target: "c", type: "STRICT" as const },
        { source: "c", target: "b", type: "STRICT" as const },
      ],
    };
    expect(errors(graph)).toEqual([
      ["nodes[2]", unconnected("a")],
      [
        "edges",
        "There must be exactly one begin node (a stage no edge leads to), but there are 0 (the edges form a cycle through 'c', 'b')",
      ],
    ]);
  });
});

describe("validatePattern: names", () => {
  it("requires unique stage names across the whole pattern, groups included", () => {
    const graph = PatternBuilder.begin("a").followedBy(PatternBuilder.begin("a").next("y")).build();
    expect(errors(graph)).toEqual([
      ["nodes[1].name", "stage 'a': Duplicate pattern name: a. Names must be unique."],
    ]);
  });

  it("reserves $endState$ and warns about ':'", () => {
    expect(errors(PatternBuilder.begin("$endState$").build())).toEqual([
      [
        "nodes[0].name",
        "stage '$endState$': Duplicate pattern name: $endState$. The name is reserved for Flink's final NFA state.",
      ],
    ]);
    expect(warnings(PatternBuilder.begin("a:1").build())).toEqual([
      [
        "nodes[0].name",
        "stage 'a:1': Flink cuts state names at ':', so matches would list this stage as 'a'",
      ],
    ]);
  });

  it("warns about bidi controls and invisible characters in stage and group names, with their positions", () => {
    // The builder writes nodes last first, as the reference writer does.
    const graph = PatternBuilder.begin("pay\u202eexe")
      .followedBy(PatternBuilder.begin("x\u200b").next("y"))
      .build();
    expect(errors(graph)).toEqual([]);
    expect(warnings(graph)).toEqual([
      [
        "nodes[0].nodes[1].name",
        "stage 'x\u200b': the name holds U+200B ZERO WIDTH SPACE at character 2: it may look equal to a different name. Flink accepts it; retype it if that was not meant",
      ],
      [
        "nodes[1].name",
        "stage 'pay\u202eexe': the name holds U+202E RIGHT-TO-LEFT OVERRIDE (bidi control) at character 4: it may display in another order than it is written. Flink accepts it; retype it if that was not meant",
      ],
    ]);
  });

  it("names at most four hidden characters of a name and counts the rest", () => {
    const [warning] = warnings(PatternBuilder.begin("a\u200b\u200c\u200d\u2060\ufeff\u00ad").build());
    expect(warning?.[1]).toContain("U+2060 WORD JOINER at character 5 and 2 more:");
  });

  it("says nothing of names in other scripts or with emoji", () => {
    expect(warnings(PatternBuilder.begin("שלב_א").followedBy("❤️").build())).toEqual([]);
    expect(warnings(PatternBuilder.begin("просмотр").followedBy("Ορος").build())).toEqual([]);
  });

  it("warns about look-alikes in stage and group names: the letter, its position and its Latin twin", () => {
    const graph = PatternBuilder.begin("v\u0456ew")
      .followedBy(PatternBuilder.begin("p\u0430y\u00a0now").next("y"))
      .build();
    expect(errors(graph)).toEqual([]);
    expect(warnings(graph)).toEqual([
      [
        "nodes[0].nodes[1].name",
        "stage 'p\u0430y\u00a0now': the name holds look-alikes: U+0430 CYRILLIC SMALL LETTER A (looks like Latin 'a') at character 2, U+00A0 NO-BREAK SPACE (looks like a space) at character 4: it is not the name it looks like ('pay now'). Flink accepts it; replace the look-alikes if that was not meant",
      ],
      [
        "nodes[1].name",
        "stage 'v\u0456ew': the name holds a look-alike: U+0456 CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I (looks like Latin 'i') at character 2: it is not the name it looks like ('view'). Flink accepts it; replace the look-alikes if that was not meant",
      ],
    ]);
  });

  it("gives a name with hidden characters and look-alikes one warning for each", () => {
    const found = warnings(PatternBuilder.begin("a\u200b\u2013b").build()).map(([, message]) => message);
    expect(found).toEqual([
      expect.stringContaining("the name holds U+200B ZERO WIDTH SPACE at character 2: it may look equal"),
      expect.stringContaining("the name holds a look-alike: U+2013 EN DASH (looks like '-') at character 3"),
    ]);
  });
});

describe("validateRuleId", () => {
  it("warns about a rule id holding a bidi control, and accepts a plain one", () => {
    expect(validateRuleId("rule\u2067 1")).toEqual([
      {
        severity: "warning",
        stage: null,
        path: "",
        message:
          "rule id 'rule\u2067 1': the id holds U+2067 RIGHT-TO-LEFT ISOLATE (bidi control) at character 5: it may display in another order than it is written. Flink accepts it; retype it if that was not meant",
      },
    ]);
    expect(validateRuleId("rule-1")).toEqual([]);
  });

  it("warns about look-alikes in a rule id", () => {
    expect(validateRuleId("purchase\u2011path").map((d) => [d.severity, d.stage, d.path, d.message])).toEqual(
      [
        [
          "warning",
          null,
          "",
          "rule id 'purchase\u2011path': the id holds a look-alike: U+2011 NON-BREAKING HYPHEN (looks like '-') at character 9: it is not the id it looks like ('purchase-path'). Flink accepts it; replace the look-alikes if that was not meant",
        ],
      ],
    );
  });
});

describe("validatePattern: quantifiers", () => {
  const base = ab().build();

  it("needs exactly one of SINGLE, LOOPING, TIMES", () => {
    const both = withQuantifier(base, "b", { ...loopingQuantifier(1), properties: ["LOOPING", "TIMES"] });
    expect(errors(both)).toEqual([
      [
        "nodes[0].quantifier.properties",
        "stage 'b': Already applied quantifier to this Pattern: properties has both LOOPING and TIMES",
      ],
    ]);
    const singleLoop = withQuantifier(base, "b", {
      ...loopingQuantifier(1),
      properties: ["SINGLE", "LOOPING"],
    });
    // NodeSpec.toPattern has no branch for SINGLE: Flink builds the LOOPING stage.
    expect(errors(singleLoop)).toEqual([]);
    expect(warnings(singleLoop)).toEqual([
      [
        "nodes[0].quantifier.properties",
        "stage 'b': properties has SINGLE together with LOOPING; Flink's reader ignores SINGLE and builds a LOOPING stage",
      ],
    ]);
    const none = withQuantifier(base, "b", { ...singleQuantifier(), properties: ["OPTIONAL"] });
    expect(warnings(none)).toEqual([
      [
        "nodes[0].quantifier.properties",
        "stage 'b': properties names none of SINGLE, LOOPING, TIMES; Flink reads the stage as SINGLE",
      ],
    ]);
    expect(errors(none)).toEqual([]);
  });

  it("needs times for LOOPING and TIMES, and ignores it for SINGLE", () => {
    const noTimes = withQuantifier(base, "b", { ...loopingQuantifier(1), times: null });
    expect(errors(noTimes)).toEqual([
      [
        "nodes[0].quantifier.times",
        "stage 'b': LOOPING needs times {from, to} (oneOrMore() is {from: 1, to: 1}); without it Ververica's reader silently builds a SINGLE stage",
      ],
    ]);
    const singleTimes = withQuantifier(base, "b", {
      ...singleQuantifier(),
      times: { from: 2, to: 2, windowTime: null },
    });
    expect(warnings(singleTimes)).toEqual([
      ["nodes[0].quantifier.times", "stage 'b': times is ignored for a SINGLE stage"],
    ]);
  });

  it("checks times bounds like Quantifier.Times", () => {
    const frac = withQuantifier(base, "b", timesQuantifier(1.5, 2));
    expect(errors(frac)).toEqual([
      [
        "nodes[0].quantifier.times.from",
        "stage 'b': times.from must be a Java int (a whole number), got 1.5",
      ],
    ]);
    const loopZero = withQuantifier(base, "b", loopingQuantifier(0));
    expect(errors(loopZero)).toEqual([
      ["nodes[0].quantifier.times.from", "stage 'b': The from should be a positive number greater than 0."],
    ]);
    const loopTo = withQuantifier(base, "b", {
      ...loopingQuantifier(2),
      times: { from: 2, to: 5, windowTime: null },
    });
    expect(warnings(loopTo)).toEqual([
      [
        "nodes[0].quantifier.times.to",
        "stage 'b': times.to (5) is ignored for LOOPING: timesOrMore(2) has no upper bound",
      ],
    ]);
    const backwards = withQuantifier(base, "b", {
      ...timesQuantifier(3, 3),
      times: { from: 3, to: 2, windowTime: null },
    });
    expect(errors(backwards)).toEqual([
      [
        "nodes[0].quantifier.times.to",
        "stage 'b': The to should be a number greater than or equal to from: 3.",
      ],
    ]);
    const zeroZero = withQuantifier(base, "b", {
      ...timesQuantifier(1, 1),
      times: { from: 0, to: 0, windowTime: null },
    });
    expect(errors(zeroZero)).toEqual([
      [
        "nodes[0].quantifier.times.to",
        "stage 'b': The to should be a number greater than or equal to from: 1.",
      ],
    ]);
    const zeroOptional = withQuantifier(base, "b", {
      ...timesQuantifier(1, 3),
      properties: ["TIMES", "OPTIONAL"],
      times: { from: 0, to: 3, windowTime: null },
    });
    expect(errors(zeroOptional)[0]?.[1]).toMatch(/^stage 'b': Optional already applied!/);
    const zero = withQuantifier(base, "b", {
      ...timesQuantifier(1, 3),
      times: { from: 0, to: 3, windowTime: null },
    });
    expect(validatePattern(zero)).toEqual([]);
  });

  it("warns that Ververica's reader drops a TIMES window", () => {
    const graph = PatternBuilder.begin("a").followedBy("b").times(2, 3, 1000).build();
    expect(warnings(graph)).toEqual([
      [
        "nodes[0].quantifier.times.windowTime",
        "stage 'b': Ververica's JSON reader drops times.windowTime on a TIMES stage (it applies it only to LOOPING)",
      ],
    ]);
  });

  it("rejects negative or fractional time sizes", () => {
    const graph = withQuantifier(base, "b", loopingQuantifier(1, { unit: "SECONDS", size: -1 }));
    expect(errors(graph)).toEqual([
      [
        "nodes[0].quantifier.times.windowTime.size",
        "stage 'b': a time size must be a whole number ≥ 0, got -1",
      ],
    ]);
  });

  it("checks optional()", () => {
    expect(errors(PatternBuilder.begin("a").notNext("b").optional().followedBy("c").build())).toContainEqual([
      "nodes[1].quantifier.properties",
      "stage 'b': NOT pattern cannot be optional",
    ]);
    expect(errors(PatternBuilder.begin("a").oneOrMore().greedy().followedBy("b").optional().build())).toEqual(
      [
        [
          "nodes[0].quantifier.properties",
          "stage 'b': Optional pattern cannot be preceded by greedy pattern ('a' is greedy)",
        ],
      ],
    );
  });

  it("checks greedy()", () => {
    expect(errors(PatternBuilder.begin("a").greedy().build())).toEqual([
      [
        "nodes[0].quantifier.properties",
        "stage 'a': Option not applicable to singleton quantifier: GREEDY needs LOOPING or TIMES",
      ],
    ]);
    // NodeSpec.toPattern calls greedy() before allowCombinations(), which Flink accepts.
    const greedyAny = PatternBuilder.begin("a").oneOrMore().allowCombinations().greedy().build();
    expect(errors(greedyAny)).toEqual([]);
    expect(warnings(greedyAny)).toEqual([
      [
        "nodes[0].quantifier.consumingStrategy",
        "stage 'a': GREEDY with allowCombinations() (SKIP_TILL_ANY) is accepted only in this order: Flink's reader calls greedy() before allowCombinations(); allowCombinations().greedy() throws 'Option not applicable to FollowedByAny pattern'",
      ],
    ]);
    expect(errors(PatternBuilder.begin("a").notNext("b").greedy().followedBy("c").build())).toEqual([
      [
        "nodes[1].quantifier.properties",
        "stage 'b': Option not applicable to NOT pattern: a NOT stage cannot be greedy",
      ],
    ]);
    const group = PatternBuilder.begin("a")
      .followedBy(PatternBuilder.begin("x").next("y"))
      .oneOrMore()
      .greedy()
      .build();
    expect(errors(group)).toEqual([
      [
        "nodes[0].quantifier.properties",
        "stage 'y': Option not applicable to group pattern: a group cannot be greedy",
      ],
    ]);
  });

  it("allows quantifiers on NOT stages never", () => {
    expect(errors(PatternBuilder.begin("a").notNext("b").oneOrMore().followedBy("c").build())).toEqual([
      [
        "nodes[1].quantifier.properties",
        "stage 'b': Option not applicable to NOT pattern: a NOT stage cannot be LOOPING",
      ],
    ]);
  });

  it("allows consecutive() and allowCombinations() only on LOOPING and TIMES", () => {
    expect(errors(PatternBuilder.begin("a").consecutive().build())).toEqual([
      [
        "nodes[0].quantifier.consumingStrategy",
        "stage 'a': Consecutive (STRICT) not applicable to a SINGLE stage: it needs LOOPING or TIMES",
      ],
    ]);
    expect(errors(PatternBuilder.begin("a").allowCombinations().build())).toEqual([
      [
        "nodes[0].quantifier.consumingStrategy",
        "stage 'a': Combinations (SKIP_TILL_ANY) not applicable to a SINGLE stage: it needs LOOPING or TIMES",
      ],
    ]);
  });

  it("allows until() only on LOOPING", () => {
    expect(errors(PatternBuilder.begin("a").followedBy("middle").times(3).until("x > 1").build())).toEqual([
      [
        "nodes[0].quantifier.untilCondition",
        "stage 'middle': The until condition is only applicable to looping states.",
      ],
    ]);
    expect(errors(PatternBuilder.begin("a").followedBy("middle").oneOrMore().until("x > 1").build())).toEqual(
      [],
    );
  });
});

describe("validatePattern: NOT patterns", () => {
  it("rejects a NOT edge into a group", () => {
    const graph = PatternBuilder.begin("a").followedBy(PatternBuilder.begin("x").next("y")).build();
    const notInto = { ...graph, edges: [{ source: "a", target: "y", type: "NOT_NEXT" as const }] };
    expect(errors(notInto)).toEqual([
      [
        "edges[0].type",
        "stage 'y': NOT_NEXT into a group pattern is not supported: Flink has no notNext(Pattern) or notFollowedBy(Pattern)",
      ],
    ]);
  });

  it("rejects a NOT stage after an optional one", () => {
    const zeroTimes = PatternBuilder.begin("a")
      .followedBy("b")
      .times(1, 3)
      .notNext("n")
      .followedBy("c")
      .build();
    const fromZero = withQuantifier(zeroTimes, "b", {
      ...timesQuantifier(1, 3),
      times: { from: 0, to: 3, windowTime: null },
    });
    expect(errors(fromZero)).toEqual([
      [
        "edges[1].type",
        "stage 'n': Specifying a pattern with an optional path to NOT condition is not supported yet: the stage before, 'b', is optional",
      ],
    ]);
    expect(errors(PatternBuilder.begin("a").optional().notNext("b").followedBy("c").build())).toEqual([
      [
        "edges[1].type",
        "stage 'b': Specifying a pattern with an optional path to NOT condition is not supported yet: the stage before, 'a', is optional",
      ],
    ]);
  });

  it("needs a window for a trailing notFollowedBy", () => {
    const message =
      "stage 'b': NotFollowedBy is not supported without windowTime as a last part of a Pattern! Add a window to the rule, or end it with another stage";
    expect(errors(PatternBuilder.begin("a").notFollowedBy("b").build())).toEqual([
      ["edges[0].type", message],
    ]);
    expect(errors(PatternBuilder.begin("a").notFollowedBy("b").within(0).build())).toEqual([
      ["edges[0].type", message],
    ]);
    expect(
      errors(PatternBuilder.begin("a").notFollowedBy("b").within(10, "PREVIOUS_AND_CURRENT").build()),
    ).toEqual([]);
    expect(errors(PatternBuilder.begin("a").notNext("b").build())).toEqual([]);
  });
});

describe("validatePattern: groups and the top level", () => {
  const graph = PatternBuilder.begin("a").followedBy(PatternBuilder.begin("x").next("y")).build();
  const group = graph.nodes[0] as GraphNode;
  const withGroup = (patch: Partial<GraphNode>) => ({
    ...graph,
    nodes: [{ ...group, ...patch }, ...graph.nodes.slice(1)],
  });

  it("warns about what a group ignores", () => {
    expect(
      warnings(
        withGroup({
          condition: { type: "aviator", expression: "x > 1" },
          afterMatchStrategy: AfterMatchSkip.skipPastLastEvent(),
          window: { type: "FIRST_AND_LAST", time: { unit: "SECONDS", size: 5 } },
        }),
      ),
    ).toEqual([
      [
        "nodes[0].condition",
        "stage 'y': GroupPattern does not support where clause: a group's condition is ignored",
      ],
      [
        "nodes[0].afterMatchStrategy",
        "stage 'y': a group's afterMatchStrategy is not used: Flink applies the strategy of the whole pattern (the top level's)",
      ],
      [
        "nodes[0].window",
        "stage 'y': Flink's NFACompiler does not read a FIRST_AND_LAST window set on a group's last stage; put the window on the top level",
      ],
    ]);
  });

  it("warns about an ignored top-level condition", () => {
    expect(warnings({ ...graph, condition: { type: "aviator", expression: "x" } })).toEqual([
      ["condition", "the top-level condition is ignored by Flink's reader"],
    ]);
  });

  it("checks the skip strategy's patternName", () => {
    const skip = (afterMatchStrategy: GraphNode["afterMatchStrategy"]) =>
      validatePattern({ ...graph, afterMatchStrategy });
    expect(skip({ type: "SKIP_TO_FIRST", patternName: null })).toEqual([
      {
        severity: "error",
        stage: null,
        path: "afterMatchStrategy.patternName",
        message:
          "SKIP_TO_FIRST needs patternName: the stage whose first/last event the next match starts from",
      },
    ]);
    expect(skip(AfterMatchSkip.skipToLast("zz"))[0]?.message).toBe(
      "The pattern name specified in AfterMatchSkipStrategy can not be found in the given Pattern: 'zz'",
    );
    expect(skip(AfterMatchSkip.skipToLast("x"))[0]?.message).toMatch(
      /'x' is inside a group; Flink only looks at the stages of the top-level chain/,
    );
    expect(skip(AfterMatchSkip.skipToLast("y"))[0]?.message).toMatch(/'y' is a group/);
    expect(skip(AfterMatchSkip.skipToFirst("a"))).toEqual([]);
    expect(skip({ type: "NO_SKIP", patternName: "a" })).toEqual([
      {
        severity: "warning",
        stage: null,
        path: "afterMatchStrategy.patternName",
        message: "patternName is ignored for NO_SKIP",
      },
    ]);
  });

  it("checks window times against the FIRST_AND_LAST window (checkPatternWindowTimes)", () => {
    const message =
      "stage 'a': The window length between the previous and current event cannot be larger than the window length between the first and last event for a Pattern.";
    const loop = PatternBuilder.begin("a").timesOrMore(2, 10_000).followedBy("b").within(5_000).build();
    expect(errors(loop)).toEqual([["nodes[1].quantifier.times.windowTime", message]]);
    expect(
      errors(PatternBuilder.begin("a").timesOrMore(2, 5_000).followedBy("b").within(5_000).build()),
    ).toEqual([]);
    // times(1) has a single state, which Flink does not record.
    expect(
      errors(PatternBuilder.begin("a").times(1, 1, 10_000).followedBy("b").within(5_000).build()),
    ).toEqual([]);
    const pc = withGroup({ window: { type: "PREVIOUS_AND_CURRENT", time: { unit: "MINUTES", size: 10 } } });
    expect(errors({ ...pc, window: { type: "FIRST_AND_LAST", time: { unit: "MINUTES", size: 5 } } })).toEqual(
      [["nodes[0].window.time", message.replace("'a'", "'y'")]],
    );
  });

  it("warns about a zero window", () => {
    expect(warnings(ab().within(0).build())).toEqual([
      ["window.time.size", "a window of 0 does not limit the match time (Flink treats 0 as no window)"],
    ]);
  });
});

describe("validatePattern: conditions and diagnostics", () => {
  it("rejects empty condition parts, with nested paths", () => {
    const graph = PatternBuilder.begin("a")
      .where({
        type: "or",
        left: { type: "aviator", expression: " " },
        right: { type: "not", inner: { type: "class", className: "" } },
      })
      .followedBy("b")
      .where({ type: "subtype", className: "S", subClassName: "" })
      .oneOrMore()
      .until({ type: "groovy", expression: "" })
      .build();
    expect(errors(graph)).toEqual([
      ["nodes[1].condition.nestedConditions[0].expression", "stage 'a': the condition's expression is empty"],
      [
        "nodes[1].condition.nestedConditions[1].nestedConditions[0].className",
        "stage 'a': the condition's className is empty",
      ],
      ["nodes[0].condition.subClassName", "stage 'b': the subtype condition's subClassName is empty"],
      ["nodes[0].quantifier.untilCondition.expression", "stage 'b': the condition's expression is empty"],
    ]);
  });

  it("names the stage in every stage diagnostic", () => {
    const graph = PatternBuilder.begin("a").greedy().consecutive().notFollowedBy("b").optional().build();
    const diagnostics = validatePattern(graph);
    expect(diagnostics.length).toBeGreaterThan(2);
    expect(hasPatternErrors(diagnostics)).toBe(true);
    for (const d of diagnostics) {
      if (d.stage !== null) expect(d.message.startsWith(`stage '${d.stage}': `)).toBe(true);
    }
  });
});
