import { describe, expect, it } from "vitest";
import type { GraphNode, PatternNode, Quantifier, Rule } from "../model/pattern.ts";
import {
  loopingQuantifier,
  singleQuantifier,
  timesQuantifier,
  withProperty,
  withUntil,
} from "../model/quantifier.ts";
import { validatePattern, validateRuleId } from "../model/validate.ts";
import { applyQuickFix, quickFixesFor } from "./quickFixes.ts";
import type { DocumentRule } from "./studioDocument.ts";
import { aviator, chainGraph, group, stage } from "./testing/ruleFixtures.ts";

function ruleOf(pattern: GraphNode): Rule {
  return { id: "1", version: 1, pattern, function: null };
}

function withQ(name: string, quantifier: Quantifier): PatternNode {
  return { ...stage(name), quantifier };
}

/** Applies the fix labelled `label` for the first diagnostic containing `text`, and revalidates. */
function applyFix(rule: Rule, text: string, label: string): { rule: Rule; messages: string[] } {
  const diagnostic = validatePattern(rule.pattern).find((d) => d.message.includes(text));
  if (!diagnostic) throw new Error(`no diagnostic with '${text}'`);
  const fixes = quickFixesFor(rule, diagnostic);
  const chosen = fixes.find((f) => f.label === label);
  if (!chosen) throw new Error(`no fix '${label}' among ${fixes.map((f) => f.label).join(", ")}`);
  const fixed = chosen.apply(rule);
  return { rule: fixed, messages: validatePattern(fixed.pattern).map((d) => d.message) };
}

describe("quickFixesFor", () => {
  it("renames a duplicate in another graph with its edges there", () => {
    const rule = ruleOf(chainGraph([stage("a"), group("g", [stage("a"), stage("b")])]));
    const { rule: fixed, messages } = applyFix(rule, "Duplicate pattern name: a", "Rename this one to 'a_2'");
    expect(messages).toEqual([]);
    expect(fixed.pattern.nodes.map((n) => n.name)).toEqual(["g", "a_2"]);
    expect(fixed.pattern.edges).toEqual([{ source: "a_2", target: "g", type: "SKIP_TILL_NEXT" }]);
  });

  it("renames only the node of a duplicate within one graph", () => {
    const rule = ruleOf({
      ...chainGraph([stage("a"), stage("b")]),
      nodes: [stage("b"), stage("a"), stage("a")],
    });
    const diagnostic = validatePattern(rule.pattern).find((d) => d.message.includes("same name"));
    expect(diagnostic?.path).toBe("nodes[2].name");
    const fixes = diagnostic ? quickFixesFor(rule, diagnostic) : [];
    expect(fixes.map((f) => f.label)).toEqual(["Rename this one to 'a_2'"]);
    const fixed = fixes[0]?.apply(rule);
    expect(fixed?.pattern.nodes.map((n) => n.name)).toEqual(["b", "a", "a_2"]);
    expect(fixed?.pattern.edges).toEqual(rule.pattern.edges);
  });

  it("renames a stage without its hidden characters, with its edges, references and skip target", () => {
    const hidden = "fir\u202est\u200b";
    const rule = ruleOf({
      ...chainGraph([
        stage(hidden, aviator("type == 'view'")),
        stage("b", aviator(`count(getEventsForPattern('${hidden}')) > 0`)),
      ]),
      afterMatchStrategy: { type: "SKIP_TO_FIRST", patternName: hidden },
    });
    const { rule: fixed, messages } = applyFix(
      rule,
      "retype it if that was not meant",
      "Rename to 'first', without the hidden characters",
    );
    expect(messages).toEqual([]);
    expect(fixed.pattern.nodes.map((n) => n.name).sort()).toEqual(["b", "first"]);
    expect(fixed.pattern.edges).toEqual([{ source: "first", target: "b", type: "SKIP_TILL_NEXT" }]);
    expect(fixed.pattern.nodes.find((n) => n.name === "b")?.condition).toEqual(
      aviator("count(getEventsForPattern('first')) > 0"),
    );
    expect(fixed.pattern.afterMatchStrategy.patternName).toBe("first");
  });

  it("renames to a fresh name when the name without hidden characters is taken, and offers nothing for a name of only hidden characters", () => {
    const rule = ruleOf(chainGraph([stage("a"), stage("a\u200b")]));
    const { rule: fixed } = applyFix(
      rule,
      "retype it if that was not meant",
      "Rename to 'a_2', without the hidden characters",
    );
    expect(fixed.pattern.nodes.map((n) => n.name).sort()).toEqual(["a", "a_2"]);
    const invisible = ruleOf(chainGraph([stage("a"), stage("\u200b")]));
    const diagnostic = validatePattern(invisible.pattern).find((d) => d.message.includes("retype it"));
    expect(diagnostic && quickFixesFor(invisible, diagnostic)).toEqual([]);
  });

  it("replaces the look-alikes of a stage name, and its edges, references and skip target follow", () => {
    const lookAlike = "v\u0456ew";
    const rule = ruleOf({
      ...chainGraph([
        stage(lookAlike, aviator("type == 'view'")),
        stage("b", aviator(`count(getEventsForPattern('${lookAlike}')) > 0`)),
      ]),
      afterMatchStrategy: { type: "SKIP_TO_LAST", patternName: lookAlike },
    });
    const { rule: fixed, messages } = applyFix(
      rule,
      "the name holds a look-alike",
      "Replace look-alikes: rename to 'view'",
    );
    expect(messages).toEqual([]);
    expect(fixed.pattern.nodes.map((n) => n.name).sort()).toEqual(["b", "view"]);
    expect(fixed.pattern.edges).toEqual([{ source: "view", target: "b", type: "SKIP_TILL_NEXT" }]);
    expect(fixed.pattern.nodes.find((n) => n.name === "b")?.condition).toEqual(
      aviator("count(getEventsForPattern('view')) > 0"),
    );
    expect(fixed.pattern.afterMatchStrategy.patternName).toBe("view");
  });

  it("replaces look-alikes in a group's name, and takes a fresh name when the plain one is taken", () => {
    const rule = ruleOf(chainGraph([stage("pay"), group("p\u0430y", [stage("x"), stage("y")])]));
    const { rule: fixed, messages } = applyFix(
      rule,
      "the name holds a look-alike",
      "Replace look-alikes: rename to 'pay_2'",
    );
    expect(messages).toEqual([]);
    expect(fixed.pattern.nodes.map((n) => n.name).sort()).toEqual(["pay", "pay_2"]);
    expect(fixed.pattern.edges).toEqual([{ source: "pay", target: "pay_2", type: "SKIP_TILL_NEXT" }]);
  });

  it("a renamed stage or group keeps its canvas place, and the stages inside a group keep theirs", () => {
    const rule = ruleOf(chainGraph([stage("v\u0456ew"), group("p\u0430y", [stage("x"), stage("y")])]));
    const entry: DocumentRule = {
      key: "r1",
      rule,
      enabled: true,
      published: null,
      positions: { "v\u0456ew": { x: 1, y: 2 }, "p\u0430y": { x: 3, y: 4 }, "p\u0430y/x": { x: 5, y: 6 } },
    };
    const fixesOf = (text: string) => {
      const diagnostic = validatePattern(rule.pattern).find((d) => d.message.includes(text));
      return diagnostic ? quickFixesFor(rule, diagnostic) : [];
    };
    const [stageFix] = fixesOf("stage 'v\u0456ew'");
    const [groupFix] = fixesOf("stage 'p\u0430y'");
    if (stageFix === undefined || groupFix === undefined) throw new Error("no fix");
    const fixed = applyQuickFix(applyQuickFix(entry, stageFix), groupFix);
    expect(fixed.positions).toEqual({ view: { x: 1, y: 2 }, pay: { x: 3, y: 4 }, "pay/x": { x: 5, y: 6 } });
    expect(fixed.rule.pattern.nodes.map((n) => n.name).sort()).toEqual(["pay", "view"]);
  });

  it("a name with hidden characters and look-alikes gets one fix for each, each doing its own part", () => {
    const rule = ruleOf(chainGraph([stage("a"), stage("v\u0456e\u200bw")]));
    const hidden = applyFix(rule, "retype it", "Rename to 'v\u0456ew', without the hidden characters");
    expect(hidden.messages).toEqual([expect.stringContaining("holds a look-alike")]);
    const both = applyFix(hidden.rule, "holds a look-alike", "Replace look-alikes: rename to 'view'");
    expect(both.messages).toEqual([]);
  });

  it("removes greedy where Flink forbids it and keeps the top-level mirror in step", () => {
    const greedySingle = withProperty(singleQuantifier(), "GREEDY");
    const rule = ruleOf(chainGraph([stage("a"), withQ("b", greedySingle)]));
    const { rule: fixed, messages } = applyFix(rule, "GREEDY needs LOOPING or TIMES", "Remove greedy()");
    expect(messages).toEqual([]);
    expect(fixed.pattern.quantifier).toEqual(singleQuantifier());
  });

  it("offers both sides of 'optional preceded by greedy'", () => {
    const greedy = withProperty(loopingQuantifier(1), "GREEDY");
    const optional = withProperty(singleQuantifier(), "OPTIONAL");
    const rule = ruleOf(chainGraph([withQ("a", greedy), withQ("b", optional), stage("c")]));
    expect(applyFix(rule, "preceded by greedy", "Remove optional()").messages).toEqual([]);
    expect(applyFix(rule, "preceded by greedy", "Remove greedy() from 'a'").messages).toEqual([]);
  });

  it("NOT stages: removes optional, and makes the stage before a NOT required", () => {
    const optional = withProperty(singleQuantifier(), "OPTIONAL");
    const notOptional = ruleOf(
      chainGraph([stage("a"), withQ("b", optional), stage("c")], ["NOT_NEXT", "STRICT"]),
    );
    expect(applyFix(notOptional, "NOT pattern cannot be optional", "Remove optional()").messages).toEqual([]);
    const beforeNot = ruleOf(
      chainGraph(
        [stage("a"), withQ("b", optional), stage("c"), stage("d")],
        ["STRICT", "NOT_NEXT", "STRICT"],
      ),
    );
    expect(applyFix(beforeNot, "optional path to NOT", "Make 'b' required").messages).toEqual([]);
  });

  it("until on a non-looping stage: remove it or make the stage looping", () => {
    const rule = ruleOf(
      chainGraph([withQ("a", withUntil(singleQuantifier(), aviator("price > 1"))), stage("b")]),
    );
    expect(applyFix(rule, "until condition", "Remove until()").messages).toEqual([]);
    const looping = applyFix(rule, "until condition", "Make it oneOrMore()");
    expect(looping.messages).toEqual([]);
    expect(looping.rule.pattern.nodes[1]?.quantifier?.untilCondition).toEqual(aviator("price > 1"));
  });

  it("a trailing notFollowedBy gets a 10-minute window", () => {
    const rule = ruleOf(chainGraph([stage("a"), stage("b")], ["NOT_FOLLOW"]));
    const { rule: fixed, messages } = applyFix(
      rule,
      "NotFollowedBy is not supported",
      "Add a 10-minute window",
    );
    expect(messages).toEqual([]);
    expect(fixed.pattern.window).toEqual({ type: "FIRST_AND_LAST", time: { unit: "MINUTES", size: 10 } });
  });

  it("a zero window is removed", () => {
    const rule = ruleOf({
      ...chainGraph([stage("a")]),
      window: { type: "FIRST_AND_LAST", time: { unit: "SECONDS", size: 0 } },
    });
    expect(applyFix(rule, "a window of 0", "Remove the window").messages).toEqual([]);
  });

  it("fixes times bounds and contiguity on single stages", () => {
    const badTimes: Quantifier = { ...timesQuantifier(3, 3), times: { from: 3, to: 2, windowTime: null } };
    expect(
      applyFix(
        ruleOf(chainGraph([withQ("a", badTimes)])),
        "greater than or equal to from",
        "Set times.to = times.from",
      ).messages,
    ).toEqual([]);
    const zeroFrom: Quantifier = { ...timesQuantifier(0, 3), times: { from: 0, to: 3, windowTime: null } };
    const from1 = applyFix(
      ruleOf(chainGraph([withQ("a", zeroFrom)])),
      "Optional already applied",
      "Set times.from to 1",
    );
    expect(from1.messages).toEqual([]);
    expect(from1.rule.pattern.nodes[0]?.quantifier?.properties).toEqual(["TIMES", "OPTIONAL"]);
    const strictSingle: Quantifier = { ...singleQuantifier(), consumingStrategy: "STRICT" };
    expect(
      applyFix(
        ruleOf(chainGraph([withQ("a", strictSingle)])),
        "SINGLE stage",
        "Reset to the default contiguity",
      ).messages,
    ).toEqual([]);
    const loopingTo: Quantifier = { ...loopingQuantifier(2), times: { from: 2, to: 5, windowTime: null } };
    expect(
      applyFix(
        ruleOf(chainGraph([withQ("a", loopingTo)])),
        "is ignored for LOOPING",
        "Set times.to = times.from",
      ).messages,
    ).toEqual([]);
  });

  it("removes a self-loop edge and clears an unused patternName", () => {
    const loop: GraphNode = {
      ...chainGraph([stage("a"), stage("b")]),
      edges: [
        { source: "a", target: "b", type: "STRICT" },
        { source: "b", target: "b", type: "STRICT" },
      ],
    };
    const fixed = applyFix(ruleOf(loop), "to itself", "Remove this edge");
    expect(fixed.rule.pattern.edges).toEqual([{ source: "a", target: "b", type: "STRICT" }]);
    const named = ruleOf({
      ...chainGraph([stage("a")]),
      afterMatchStrategy: { type: "NO_SKIP", patternName: "a" },
    });
    expect(applyFix(named, "patternName is ignored", "Clear patternName").messages).toEqual([]);
  });

  it("renames a rule id without its hidden characters or look-alikes, to a fresh id when another rule has it", () => {
    const fixesOf = (id: string, ruleIds: ReadonlySet<string>) => {
      const rule = { ...ruleOf(chainGraph([stage("a")])), id };
      return validateRuleId(id).map((d) => quickFixesFor(rule, d, ruleIds));
    };
    const [hiddenFixes, lookAlikeFixes] = fixesOf(
      "fraud\u202e1\u2011x",
      new Set(["fraud\u202e1\u2011x", "2"]),
    );
    expect(hiddenFixes?.map((f) => f.label)).toEqual([
      "Rename the rule to 'fraud1\u2011x', without the hidden characters",
    ]);
    expect(lookAlikeFixes?.map((f) => f.label)).toEqual([
      "Replace look-alikes: rename the rule to 'fraud\u202e1-x'",
    ]);
    const rule = { ...ruleOf(chainGraph([stage("a")])), id: "purchase\u2011path" };
    const [diagnostic] = validateRuleId(rule.id);
    if (diagnostic === undefined) throw new Error("no warning");
    const [fresh] = quickFixesFor(rule, diagnostic, new Set([rule.id, "purchase-path"]));
    expect(fresh?.label).toBe("Replace look-alikes: rename the rule to 'purchase-path_2'");
    const fixed = fresh?.apply(rule);
    expect(fixed?.id).toBe("purchase-path_2");
    expect(fixed && validateRuleId(fixed.id)).toEqual([]);
    // The rest of the rule is left as it was.
    expect(fixed?.pattern).toBe(rule.pattern);
  });

  it("offers no rule-id fix for an id of only hidden characters, and trims what is left", () => {
    const [onlyHidden] = validateRuleId("\u200b\u2060");
    const rule = { ...ruleOf(chainGraph([stage("a")])), id: "\u200b\u2060" };
    expect(onlyHidden && quickFixesFor(rule, onlyHidden)).toEqual([]);
    const spaced = { ...rule, id: "\u00a0rule 7\u3000" };
    const [lookAlike] = validateRuleId(spaced.id);
    expect(lookAlike && quickFixesFor(spaced, lookAlike).map((f) => f.label)).toEqual([
      "Replace look-alikes: rename the rule to 'rule 7'",
    ]);
  });

  it("offers nothing where the fix is a choice", () => {
    const rule = ruleOf({ ...chainGraph([stage("a"), stage("b")]), edges: [] });
    const diagnostic = validatePattern(rule.pattern).find((d) =>
      d.message.includes("the stage is not connected"),
    );
    expect(diagnostic).toBeDefined();
    if (diagnostic) expect(quickFixesFor(rule, diagnostic)).toEqual([]);
  });
});
