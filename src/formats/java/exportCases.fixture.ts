/**
 * Test fixture: small patterns that together use every feature the exporters translate — each
 * quantifier, inner and edge contiguity, group pattern form, skip strategy, window type and unit,
 * and condition kind. The Java compile test exports all of them; a feature missing here is a
 * feature javac never checks.
 */
import type { Condition } from "../../model/condition.ts";
import type { GraphNode } from "../../model/pattern.ts";
import { AfterMatchSkip, PatternBuilder } from "../../model/patternBuilder.ts";

/** A named pattern to export. */
export interface ExportCase {
  readonly name: string;
  readonly graph: GraphNode;
}

const cls = (className: string, args?: string[]): Condition =>
  args === undefined ? { type: "class", className } : { type: "class", className, args };
const sub = (subClassName: string): Condition => ({
  type: "subtype",
  className: "org.apache.flink.cep.pattern.conditions.SubtypeCondition",
  subClassName,
});

/** `a` then a stage `b` shaped by `shape`, then `c`: the stage under test sits mid-pattern. */
function middle(shape: (b: PatternBuilder) => PatternBuilder): GraphNode {
  return shape(PatternBuilder.begin("a").where("x == 1").followedBy("b").where("x == 2"))
    .followedBy("c")
    .where("x == 3")
    .build();
}

const QUANTIFIERS: readonly [string, (b: PatternBuilder) => PatternBuilder][] = [
  ["single", (b) => b],
  ["optional", (b) => b.optional()],
  ["oneOrMore", (b) => b.oneOrMore()],
  ["oneOrMore window", (b) => b.oneOrMore(2_000)],
  ["timesOrMore", (b) => b.timesOrMore(3)],
  ["timesOrMore window", (b) => b.timesOrMore(3, 90_000)],
  ["times(n)", (b) => b.times(4)],
  ["times(n) window", (b) => b.times(4, 4, 60_000)],
  ["times(from, to)", (b) => b.times(2, 5)],
  ["times(from, to) window", (b) => b.times(2, 5, 7_200_000)],
  ["times(0, m)", (b) => b.times(0, 3)],
  ["oneOrMore optional", (b) => b.oneOrMore().optional()],
  ["oneOrMore greedy", (b) => b.oneOrMore().greedy()],
  ["times greedy consecutive", (b) => b.times(2, 4).greedy().consecutive()],
  ["oneOrMore consecutive", (b) => b.oneOrMore().consecutive()],
  ["oneOrMore allowCombinations", (b) => b.oneOrMore().allowCombinations()],
  ["times allowCombinations", (b) => b.times(3).allowCombinations()],
  ["oneOrMore until", (b) => b.oneOrMore().until("x == 9")],
  ["timesOrMore optional until", (b) => b.timesOrMore(2).optional().until("x == 9")],
];

const group = (first: string) =>
  PatternBuilder.begin(`${first}1`).where("x == 5").followedBy(`${first}2`).where("x == 6");

function groupCases(): ExportCase[] {
  return [
    { name: "begin(group)", graph: PatternBuilder.begin(group("g")).next("z").build() },
    {
      name: "begin(group, skip)",
      graph: PatternBuilder.begin(group("g"), AfterMatchSkip.skipPastLastEvent()).followedBy("z").build(),
    },
    { name: "next(group)", graph: PatternBuilder.begin("a").next(group("g")).build() },
    { name: "followedBy(group)", graph: PatternBuilder.begin("a").followedBy(group("g")).build() },
    { name: "followedByAny(group)", graph: PatternBuilder.begin("a").followedByAny(group("g")).build() },
    {
      name: "group oneOrMore consecutive",
      graph: PatternBuilder.begin("a").followedBy(group("g")).oneOrMore().consecutive().next("z").build(),
    },
    {
      name: "group times optional",
      graph: PatternBuilder.begin("a").followedBy(group("g")).times(2, 3).optional().followedBy("z").build(),
    },
    {
      name: "group timesOrMore window allowCombinations",
      graph: PatternBuilder.begin("a").next(group("g")).timesOrMore(2, 5_000).allowCombinations().build(),
    },
    {
      name: "group oneOrMore until",
      graph: PatternBuilder.begin("a").followedBy(group("g")).oneOrMore().until("x == 0").next("z").build(),
    },
    {
      name: "nested groups",
      graph: PatternBuilder.begin("a")
        .followedBy(PatternBuilder.begin("h0").next(group("h")).oneOrMore())
        .times(2)
        .build(),
    },
    {
      name: "group after a subtype stage",
      graph: PatternBuilder.begin("a").where(sub("demo.events.Click")).followedBy(group("g")).build(),
    },
    {
      name: "group ending in a subtype stage, then another group",
      graph: PatternBuilder.begin(PatternBuilder.begin("g1").next("g2").where(sub("demo.events.Click")))
        .next(group("h"))
        .build(),
    },
    {
      name: "group ending in a subtype stage after a plain stage",
      graph: PatternBuilder.begin("a")
        .next(PatternBuilder.begin("g1").where(sub("demo.events.Click")))
        .build(),
    },
  ];
}

function conditionCases(): ExportCase[] {
  const stage = (condition: Condition) => PatternBuilder.begin("a").where(condition).next("b").build();
  const aviator: Condition = { type: "aviator", expression: "price > 10 && name =~ /a.*/" };
  return [
    { name: "class condition", graph: stage(cls("demo.conditions.Start")) },
    { name: "class condition with args", graph: stage(cls("demo.conditions.Args", ["A", 'q"uote'])) },
    { name: "subtype", graph: stage(sub("demo.events.Click")) },
    {
      name: "aviator and subtype",
      graph: stage({ type: "and", left: aviator, right: sub("demo.events.Click") }),
    },
    {
      name: "subtype and aviator",
      graph: stage({ type: "and", left: sub("demo.events.Click"), right: aviator }),
    },
    {
      name: "two subtypes",
      graph: stage({
        type: "and",
        left: { type: "and", left: aviator, right: sub("demo.events.Click") },
        right: sub("demo.events.Purchase"),
      }),
    },
    {
      name: "and / or / not",
      graph: stage({
        type: "or",
        left: { type: "not", inner: cls("demo.conditions.Start") },
        right: { type: "and", left: aviator, right: { type: "not", inner: sub("demo.events.Click") } },
      }),
    },
    {
      name: "subtype loop with until",
      graph: PatternBuilder.begin("a")
        .where(sub("demo.events.Click"))
        .oneOrMore()
        .until(cls("demo.conditions.Stop"))
        .next("b")
        .where(sub("demo.events.Purchase"))
        .within(60_000)
        .build(),
    },
    { name: "no condition at all", graph: PatternBuilder.begin("a").followedBy("b").build() },
  ];
}

function edgeAndWindowCases(): ExportCase[] {
  const base = () => PatternBuilder.begin("a").where("x == 1");
  const windowed = (unit: GraphNode["window"]): GraphNode => ({
    ...base().next("b").build(),
    window: unit,
  });
  return [
    { name: "next", graph: base().next("b").build() },
    { name: "followedBy", graph: base().followedBy("b").build() },
    { name: "followedByAny", graph: base().followedByAny("b").oneOrMore().build() },
    { name: "notNext", graph: base().notNext("n").where("x == 2").followedBy("c").build() },
    { name: "notFollowedBy mid", graph: base().notFollowedBy("n").where("x == 2").next("c").build() },
    {
      name: "notFollowedBy last with window",
      graph: base().notFollowedBy("n").where("x == 2").within(10_000).build(),
    },
    {
      name: "window previous-and-current",
      graph: base().next("b").within(1_500, "PREVIOUS_AND_CURRENT").build(),
    },
    ...(["NANOSECONDS", "MICROSECONDS", "MILLISECONDS", "SECONDS", "MINUTES", "HOURS", "DAYS"] as const).map(
      (unit) => ({
        name: `window ${unit}`,
        graph: windowed({ type: "FIRST_AND_LAST", time: { unit, size: 7 } }),
      }),
    ),
    {
      name: "window beyond int",
      graph: windowed({ type: "FIRST_AND_LAST", time: { unit: "MILLISECONDS", size: 5_000_000_000 } }),
    },
  ];
}

function skipCases(): ExportCase[] {
  return [
    AfterMatchSkip.noSkip(),
    AfterMatchSkip.skipToNext(),
    AfterMatchSkip.skipPastLastEvent(),
    AfterMatchSkip.skipToFirst("b"),
    AfterMatchSkip.skipToLast("b"),
  ].map((skip) => ({
    name: `skip ${skip.type}`,
    graph: PatternBuilder.begin("a", skip).next("b").oneOrMore().consecutive().next("c").build(),
  }));
}

/** Every generated case. */
export function exportCases(): ExportCase[] {
  return [
    ...QUANTIFIERS.map(([name, shape]) => ({ name: `quantifier ${name}`, graph: middle(shape) })),
    ...edgeAndWindowCases(),
    ...groupCases(),
    ...conditionCases(),
    ...skipCases(),
  ];
}
