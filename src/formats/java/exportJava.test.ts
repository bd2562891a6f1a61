import { describe, expect, it } from "vitest";
import type { Condition } from "../../model/condition.ts";
import type { GraphNode, Quantifier } from "../../model/pattern.ts";
import { AfterMatchSkip, PatternBuilder } from "../../model/patternBuilder.ts";
import { exportJava } from "./exportJava.ts";
import { seedRules } from "./seedRules.fixture.ts";

/** The `return …;` expression of `pattern()`, one call per line, indentation kept. */
function body(code: string): string {
  const start = code.indexOf("        return ");
  const end = code.indexOf(";\n", start);
  return code.slice(start + "        return ".length, end);
}

/** The calls after the begin line, trimmed. */
function calls(graph: GraphNode, options: Parameters<typeof exportJava>[1] = {}): string[] {
  return body(exportJava(graph, options).code)
    .split("\n")
    .slice(1)
    .map((line) => line.trim());
}

const cls = (className: string, args?: string[]): Condition =>
  args === undefined ? { type: "class", className } : { type: "class", className, args };

describe("exportJava: seed rules", () => {
  it("scenario 1: the whole file", () => {
    const { code, notes } = exportJava(seedRules[1]);
    expect(notes).toEqual([]);
    expect(code).toBe(
      [
        "import org.apache.flink.cep.nfa.aftermatch.AfterMatchSkipStrategy;",
        "import org.apache.flink.cep.pattern.Pattern;",
        "import org.apache.flink.cep.pattern.WithinType;",
        "",
        "import java.time.Duration;",
        "",
        '// Rule "1", version 1, exported by CEP Studio.',
        "public final class CepPattern {",
        "",
        "    private CepPattern() {}",
        "",
        "    /** The rule's pattern; use it as CEP.pattern(keyedStream, CepPattern.pattern()). */",
        "    public static Pattern<Event, ?> pattern() {",
        '        return Pattern.<Event>begin("first_view", AfterMatchSkipStrategy.noSkip())',
        "                .where(new com.alibaba.ververica.cep.demo.condition.FirstViewCondition())",
        '                .next("second_view")',
        "                .where(new com.alibaba.ververica.cep.demo.condition.FirstViewCondition())",
        "                .within(Duration.ofMinutes(5), WithinType.FIRST_AND_LAST);",
        "    }",
        "}",
        "",
      ].join("\n"),
    );
  });

  it("scenario 2: followedBy", () => {
    expect(body(exportJava(seedRules[2]).code)).toBe(
      [
        'Pattern.<Event>begin("cart_add", AfterMatchSkipStrategy.noSkip())',
        "                .where(new com.alibaba.ververica.cep.demo.condition.CartAddCondition())",
        '                .followedBy("purchase")',
        "                .where(new com.alibaba.ververica.cep.demo.condition.PurchaseCondition())",
        "                .within(Duration.ofMinutes(30), WithinType.FIRST_AND_LAST)",
      ].join("\n"),
    );
  });

  it("scenario 3: times(3) with relaxed inner contiguity", () => {
    expect(body(exportJava(seedRules[3]).code)).toBe(
      [
        'Pattern.<Event>begin("initial_view", AfterMatchSkipStrategy.noSkip())',
        "                .where(new com.alibaba.ververica.cep.demo.condition.FirstViewCondition())",
        '                .followedBy("repeat_view")',
        "                .where(new com.alibaba.ververica.cep.demo.condition.FirstViewCondition())",
        "                .times(3)",
        "                .within(Duration.ofMinutes(15), WithinType.FIRST_AND_LAST)",
      ].join("\n"),
    );
  });

  it("scenario 4: three strict stages", () => {
    expect(body(exportJava(seedRules[4]).code)).toBe(
      [
        'Pattern.<Event>begin("initial_view", AfterMatchSkipStrategy.noSkip())',
        "                .where(new com.alibaba.ververica.cep.demo.condition.FirstViewCondition())",
        '                .next("view_price_drop")',
        "                .where(new com.alibaba.ververica.cep.demo.condition.InitialCondition())",
        '                .next("cart_after_price_drop")',
        "                .where(new com.alibaba.ververica.cep.demo.condition.CartCondition())",
        "                .within(Duration.ofMinutes(10), WithinType.FIRST_AND_LAST)",
      ].join("\n"),
    );
  });

  it("scenario 5: timesOrMore(10) notNext, VVR target", () => {
    const { code, notes } = exportJava(seedRules[5], { target: "vvr-1.15", eventType: "ClickEvent" });
    expect(notes).toEqual([]);
    expect(code).toContain("import org.apache.flink.streaming.api.windowing.time.Time;");
    expect(code).not.toContain("java.time");
    expect(code).toContain("    public static Pattern<ClickEvent, ?> pattern() {");
    expect(body(code)).toBe(
      [
        'Pattern.<ClickEvent>begin("first_view", AfterMatchSkipStrategy.noSkip())',
        "                .where(new com.alibaba.ververica.cep.demo.condition.FirstViewCondition())",
        "                .timesOrMore(10)",
        '                .notNext("purchase")',
        "                .where(new com.alibaba.ververica.cep.demo.condition.PurchaseCondition())",
        "                .within(Time.days(7), WithinType.FIRST_AND_LAST)",
      ].join("\n"),
    );
  });
});

describe("exportJava: quantifiers in Flink's call order", () => {
  const single = (build: (b: PatternBuilder) => PatternBuilder) =>
    calls(build(PatternBuilder.begin("a").where("x > 1")).build());

  it.each<[string, (b: PatternBuilder) => PatternBuilder, string[]]>([
    ["single", (b) => b, []],
    ["optional", (b) => b.optional(), [".optional()"]],
    ["oneOrMore", (b) => b.oneOrMore(), [".oneOrMore()"]],
    ["oneOrMore with window", (b) => b.oneOrMore(10_000), [".timesOrMore(1, Duration.ofSeconds(10))"]],
    ["timesOrMore", (b) => b.timesOrMore(3), [".timesOrMore(3)"]],
    ["timesOrMore with window", (b) => b.timesOrMore(3, 1_500), [".timesOrMore(3, Duration.ofMillis(1500))"]],
    ["times(n)", (b) => b.times(4), [".times(4)"]],
    ["times(n) with window", (b) => b.times(4, 4, 60_000), [".times(4, Duration.ofMinutes(1))"]],
    ["times(from, to)", (b) => b.times(2, 5), [".times(2, 5)"]],
    ["times(from, to) with window", (b) => b.times(2, 5, 7_200_000), [".times(2, 5, Duration.ofHours(2))"]],
    ["times(0, m) is optional", (b) => b.times(0, 3), [".times(1, 3)", ".optional()"]],
    [
      "everything on a loop",
      (b) => b.oneOrMore().optional().greedy().consecutive().until("y == 0"),
      [
        ".oneOrMore()",
        ".optional()",
        ".greedy()",
        ".consecutive()",
        '.until(new AviatorCondition<>("y == 0"))',
      ],
    ],
    ["allowCombinations", (b) => b.times(2, 3).allowCombinations(), [".times(2, 3)", ".allowCombinations()"]],
    [
      "greedy times",
      (b) => b.times(1, 3).greedy().consecutive(),
      [".times(1, 3)", ".greedy()", ".consecutive()"],
    ],
  ])("%s", (_name, build, expected) => {
    expect(single(build)).toEqual(['.where(new AviatorCondition<>("x > 1"))', ...expected]);
  });

  it("writes the JSON's property order even when properties arrive unsorted", () => {
    const quantifier: Quantifier = {
      consumingStrategy: "STRICT",
      properties: ["GREEDY", "OPTIONAL", "LOOPING"],
      times: { from: 2, to: 2, windowTime: null },
      untilCondition: null,
    };
    const graph = PatternBuilder.begin("a").build();
    const node = { ...graph.nodes[0], type: "ATOMIC" as const, name: "a", condition: null, quantifier };
    expect(calls({ ...graph, nodes: [node] })).toEqual([
      ".timesOrMore(2)",
      ".optional()",
      ".greedy()",
      ".consecutive()",
    ]);
  });

  it("refuses consecutive() on a single stage, where Flink would throw", () => {
    const graph = PatternBuilder.begin("a").consecutive().build();
    const { code, notes } = exportJava(graph);
    expect(code).not.toContain("consecutive");
    expect(notes).toEqual([
      {
        severity: "error",
        stage: "a",
        message:
          "Flink rejects this pattern: Consecutive (STRICT) not applicable to a SINGLE stage: it needs LOOPING or TIMES",
      },
    ]);
  });

  it("reads LOOPING without times as a single stage, like Flink's JSON reader", () => {
    const graph = PatternBuilder.begin("a").build();
    const quantifier: Quantifier = {
      consumingStrategy: "SKIP_TILL_NEXT",
      properties: ["LOOPING"],
      times: null,
      untilCondition: null,
    };
    const node = { type: "ATOMIC" as const, name: "a", condition: null, quantifier };
    const { notes } = exportJava({ ...graph, nodes: [node] });
    expect(calls({ ...graph, nodes: [node] })).toEqual([]);
    expect(notes.map((n) => n.severity)).toEqual(["error"]);
    expect(notes[0]?.message).toMatch(/^Flink rejects this pattern: LOOPING needs times/);
  });

  it("uses Time overloads for the VVR target", () => {
    const graph = PatternBuilder.begin("a").times(2, 3, 250).followedBy("b").oneOrMore(3_000).build();
    expect(calls(graph, { target: "vvr-1.15" })).toEqual([
      ".times(2, 3, Time.milliseconds(250))",
      '.followedBy("b")',
      ".timesOrMore(1, Time.seconds(3))",
    ]);
  });
});

describe("exportJava: contiguity, skip strategies, windows", () => {
  it("writes every edge type", () => {
    const graph = PatternBuilder.begin("a")
      .next("b")
      .followedBy("c")
      .followedByAny("d")
      .notNext("e")
      .followedBy("f")
      .notFollowedBy("g")
      .followedBy("h")
      .build();
    expect(calls(graph)).toEqual([
      '.next("b")',
      '.followedBy("c")',
      '.followedByAny("d")',
      '.notNext("e")',
      '.followedBy("f")',
      '.notFollowedBy("g")',
      '.followedBy("h")',
    ]);
  });

  it.each([
    [AfterMatchSkip.noSkip(), "AfterMatchSkipStrategy.noSkip()"],
    [AfterMatchSkip.skipToNext(), "AfterMatchSkipStrategy.skipToNext()"],
    [AfterMatchSkip.skipPastLastEvent(), "AfterMatchSkipStrategy.skipPastLastEvent()"],
    [AfterMatchSkip.skipToFirst("b"), 'AfterMatchSkipStrategy.skipToFirst("b")'],
    [AfterMatchSkip.skipToLast("b"), 'AfterMatchSkipStrategy.skipToLast("b")'],
  ])("skip strategy %o", (skip, expected) => {
    const graph = PatternBuilder.begin("a", skip).next("b").build();
    expect(body(exportJava(graph).code).split("\n")[0]).toBe(`Pattern.<Event>begin("a", ${expected})`);
  });

  it("reports SKIP_TO_FIRST without a stage name", () => {
    const graph = PatternBuilder.begin("a").build();
    const { notes } = exportJava({
      ...graph,
      afterMatchStrategy: { type: "SKIP_TO_FIRST", patternName: null },
    });
    expect(notes).toEqual([
      {
        severity: "error",
        stage: null,
        message:
          "Flink rejects this pattern: SKIP_TO_FIRST needs patternName: the stage whose first/last event the next match starts from",
      },
    ]);
  });

  it.each([
    ["NANOSECONDS", "Duration.ofNanos(7)", "Time.of(7, TimeUnit.NANOSECONDS)"],
    ["MICROSECONDS", "Duration.of(7, ChronoUnit.MICROS)", "Time.of(7, TimeUnit.MICROSECONDS)"],
    ["MILLISECONDS", "Duration.ofMillis(7)", "Time.milliseconds(7)"],
    ["SECONDS", "Duration.ofSeconds(7)", "Time.seconds(7)"],
    ["MINUTES", "Duration.ofMinutes(7)", "Time.minutes(7)"],
    ["HOURS", "Duration.ofHours(7)", "Time.hours(7)"],
    ["DAYS", "Duration.ofDays(7)", "Time.days(7)"],
  ] as const)("window in %s", (unit, duration, time) => {
    const graph: GraphNode = {
      ...PatternBuilder.begin("a").build(),
      window: { type: "PREVIOUS_AND_CURRENT", time: { unit, size: 7 } },
    };
    const flink = exportJava(graph).code;
    expect(calls(graph)).toEqual([`.within(${duration}, WithinType.PREVIOUS_AND_CURRENT)`]);
    expect(calls(graph, { target: "vvr-1.15" })).toEqual([
      `.within(${time}, WithinType.PREVIOUS_AND_CURRENT)`,
    ]);
    expect(flink.includes("import java.time.temporal.ChronoUnit;")).toBe(unit === "MICROSECONDS");
  });

  it("writes sizes beyond int as long literals", () => {
    const graph: GraphNode = {
      ...PatternBuilder.begin("a").build(),
      window: { type: "FIRST_AND_LAST", time: { unit: "MILLISECONDS", size: 3_000_000_000 } },
    };
    expect(calls(graph)).toEqual([".within(Duration.ofMillis(3000000000L), WithinType.FIRST_AND_LAST)"]);
  });
});

describe("exportJava: conditions", () => {
  it("writes class, class with args, subtype and the Rich* combinators", () => {
    const graph = PatternBuilder.begin("a")
      .where(cls("com.x.Foo"))
      .next("b")
      .where(cls("com.x.Args", ["A", 'q"uote']))
      .next("c")
      .where({
        type: "subtype",
        className: "org.apache.flink.cep.pattern.conditions.SubtypeCondition",
        subClassName: "com.x.Sub",
      })
      .next("d")
      .where("price > 10")
      .where({ type: "subtype", className: "", subClassName: "com.x.Outer$Inner" })
      .next("e")
      .where({
        type: "not",
        inner: {
          type: "or",
          left: cls("com.x.A"),
          right: { type: "subtype", className: "", subClassName: "com.x.S" },
        },
      })
      .next("f")
      .where("a == 1")
      .where("b == 2")
      .or("c == 3")
      .build();
    expect(calls(graph)).toEqual([
      ".where(new com.x.Foo())",
      '.next("b")',
      '.where(new com.x.Args(new String[] {"A", "q\\"uote"}))',
      '.next("c")',
      ".subtype(com.x.Sub.class)",
      '.next("d")',
      '.where(new AviatorCondition<>("price > 10"))',
      ".subtype(com.x.Outer.Inner.class)",
      '.next("e")',
      ".where(new RichNotCondition<>(new RichOrCondition<>(new com.x.A(), new SubtypeCondition<>(com.x.S.class))))",
      '.next("f")',
      '.where(new RichOrCondition<>(new RichAndCondition<>(new AviatorCondition<>("a == 1"), new AviatorCondition<>("b == 2")), new AviatorCondition<>("c == 3")))',
    ]);
    const { code } = exportJava(graph);
    for (const name of ["RichAndCondition", "RichOrCondition", "RichNotCondition", "SubtypeCondition"]) {
      expect(code).toContain(`import org.apache.flink.cep.pattern.conditions.${name};`);
    }
  });

  it("writes subtype() after the quantifier calls, so until() still takes event-typed conditions", () => {
    const graph = PatternBuilder.begin("a")
      .where("x > 1")
      .where({ type: "subtype", className: "", subClassName: "com.x.Sub" })
      .oneOrMore()
      .until(cls("com.x.Stop"))
      .build();
    expect(calls(graph)).toEqual([
      '.where(new AviatorCondition<>("x > 1"))',
      ".oneOrMore()",
      ".until(new com.x.Stop())",
      ".subtype(com.x.Sub.class)",
    ]);
  });

  it("nests its own AviatorCondition for vanilla Flink and imports Ververica's for VVR", () => {
    const graph = PatternBuilder.begin("a").where("x == 'y'").build();
    const flink = exportJava(graph);
    expect(flink.code).toContain(
      "    public static final class AviatorCondition<T> extends SimpleCondition<T> {",
    );
    expect(flink.code).toContain("import com.googlecode.aviator.AviatorEvaluator;");
    expect(flink.notes.map((n) => n.severity)).toEqual(["info"]);
    const vvr = exportJava(graph, { target: "vvr-1.15" });
    expect(vvr.code).toContain("import org.apache.flink.cep.dynamic.condition.AviatorCondition;");
    expect(vvr.code).not.toContain("class AviatorCondition");
    expect(vvr.notes).toEqual([]);
  });

  it("escapes expressions as Java strings", () => {
    const graph = PatternBuilder.begin("a").where("name == \"x\\y\" && s =~ /\\d+/ && t == '\n'").build();
    expect(calls(graph)[0]).toBe(
      '.where(new AviatorCondition<>("name == \\"x\\\\y\\" && s =~ /\\\\d+/ && t == \'\\n\'"))',
    );
  });

  it("warns that getEventsForPattern does not survive in AviatorCondition", () => {
    const graph = PatternBuilder.begin("a")
      .next("b")
      .where("price < first(getEventsForPattern('a')).price")
      .build();
    expect(exportJava(graph, { target: "vvr-1.15" }).notes).toEqual([
      {
        severity: "warning",
        stage: "b",
        message:
          "the expression calls getEventsForPattern, which AviatorCondition cannot evaluate (it binds the event's fields only); write this condition as an IterativeCondition",
      },
    ]);
  });

  it("refuses class names code cannot name", () => {
    const graph = PatternBuilder.begin("a")
      .where(cls("com.x.Outer$1"))
      .next("b")
      .where(cls("x(); evil"))
      .build();
    const { code, notes } = exportJava(graph);
    expect(code).toContain(".where(new InvalidClassName())");
    expect(notes.map((n) => [n.severity, n.stage, n.message])).toEqual([
      ["error", "a", "'com.x.Outer$1' is not a Java class name that code can refer to"],
      ["error", "b", "'x(); evil' is not a Java class name that code can refer to"],
    ]);
  });

  it("flags GROOVY conditions as an error", () => {
    const graph = PatternBuilder.begin("a").where({ type: "groovy", expression: "a == 1" }).build();
    const { code, notes } = exportJava(graph);
    expect(code).toContain('.where(new GroovyCondition<>("a == 1"))');
    expect(notes[0]?.severity).toBe("error");
  });
});

describe("exportJava: group patterns", () => {
  it("begins with a group and follows with groups, quantifiers on the group", () => {
    const graph = PatternBuilder.begin(
      PatternBuilder.begin("a").where("x == 1").next("b"),
      AfterMatchSkip.skipToNext(),
    )
      .followedBy(PatternBuilder.begin("c").followedByAny("d"))
      .oneOrMore()
      .optional()
      .consecutive()
      .next("e")
      .build();
    expect(body(exportJava(graph).code)).toBe(
      [
        "Pattern.begin(",
        '                        Pattern.<Event>begin("a")',
        '                                .where(new AviatorCondition<>("x == 1"))',
        '                                .next("b"),',
        "                        AfterMatchSkipStrategy.skipToNext())",
        "                .followedBy(",
        '                        Pattern.<Event>begin("c")',
        '                                .followedByAny("d"))',
        "                .oneOrMore()",
        "                .optional()",
        "                .consecutive()",
        '                .next("e")',
      ].join("\n"),
    );
  });

  it("retypes a group that follows a subtype-narrowed stage", () => {
    const graph = PatternBuilder.begin("a")
      .where({ type: "subtype", className: "", subClassName: "com.x.Sub" })
      .next(PatternBuilder.begin("b").next("c"))
      .build();
    const { code } = exportJava(graph);
    expect(body(code)).toContain(".next(retype(\n");
    expect(code).toContain(
      "    private static <F extends Event> Pattern<Event, F> retype(Pattern<Event, ?> group) {",
    );
  });

  it("reports what Flink cannot do with groups", () => {
    const group = PatternBuilder.begin("b").next("c").build();
    const base = PatternBuilder.begin("a").build();
    const graph: GraphNode = {
      ...base,
      nodes: [
        {
          ...group,
          condition: { type: "aviator", expression: "x == 1" },
          quantifier: {
            consumingStrategy: "SKIP_TILL_NEXT",
            properties: ["LOOPING", "GREEDY"],
            times: { from: 1, to: 1, windowTime: null },
            untilCondition: { type: "aviator", expression: "y" },
          },
        },
        ...base.nodes,
      ],
      edges: [{ source: "a", target: group.name, type: "NOT_NEXT" }],
    };
    expect(exportJava(graph).notes.map((n) => `${n.severity} ${n.stage ?? "-"}: ${n.message}`)).toEqual([
      "error c: Flink rejects this pattern: Option not applicable to NOT pattern: a NOT stage cannot be LOOPING",
      "error c: Flink rejects this pattern: Option not applicable to NOT pattern: a NOT stage cannot be greedy",
      "error c: Flink rejects this pattern: NOT_NEXT into a group pattern is not supported: Flink has no notNext(Pattern) or notFollowedBy(Pattern)",
      "warning c: a group's own condition is ignored by Flink's reader and is not exported",
      "info -: Aviator conditions use the AviatorCondition class nested in the output (needs com.googlecode.aviator:aviator); on VVR export with target vvr-1.15 to use Ververica's class",
    ]);
  });

  it("writes a looping group's until(), which NFACompiler applies to the group's inner stages", () => {
    const graph = PatternBuilder.begin("a")
      .followedBy(PatternBuilder.begin("b").next("c"))
      .oneOrMore()
      .until("x == 0")
      .build();
    const { code, notes } = exportJava(graph, { target: "vvr-1.15" });
    expect(notes).toEqual([]);
    expect(
      body(code)
        .split("\n")
        .slice(-2)
        .map((l) => l.trim()),
    ).toEqual([".oneOrMore()", '.until(new AviatorCondition<>("x == 0"))']);
  });

  it("reports duplicate stage names across groups and broken chains", () => {
    const graph = PatternBuilder.begin("a").next(PatternBuilder.begin("a").next("b")).build();
    expect(exportJava(graph).notes).toContainEqual({
      severity: "error",
      stage: "a",
      message: "Flink rejects this pattern: Duplicate pattern name: a. Names must be unique.",
    });
    const broken: GraphNode = { ...PatternBuilder.begin("x").next("y").build(), edges: [] };
    expect(exportJava(broken).notes[0]).toEqual({
      severity: "error",
      stage: "y",
      message:
        "Flink rejects this pattern: the stage is not connected: no edge leads to it or from it, and a pattern is one linear chain",
    });
  });
});

describe("exportJava: names and options", () => {
  it("escapes stage names with quotes, backslashes, line breaks and non-ASCII", () => {
    const graph = PatternBuilder.begin('say "hi"\\').next("vue\u00e9\n\u{1F600}").build();
    expect(
      body(exportJava(graph).code)
        .split("\n")
        .map((l) => l.trim()),
    ).toEqual([
      'Pattern.<Event>begin("say \\"hi\\"\\\\", AfterMatchSkipStrategy.noSkip())',
      '.next("vue\\u00e9\\n\\ud83d\\ude00")',
    ]);
  });

  it("keeps the rule id inert in its comment", () => {
    const graph = PatternBuilder.begin("a").build();
    const { code } = exportJava({ id: "x\\u000a */ y\nz", version: 3, pattern: graph, function: null });
    expect(code).toContain('// Rule "x\\\\u000a */ y\\nz", version 3, exported by CEP Studio.\n');
  });

  it("takes a package, class name and qualified event type; rejects invalid ones", () => {
    const graph = PatternBuilder.begin("a").build();
    const ok = exportJava(graph, {
      packageName: "com.acme.cep",
      className: "Fraud",
      eventType: "com.acme.Click",
    });
    expect(ok.code.startsWith("package com.acme.cep;\n\n")).toBe(true);
    expect(ok.code).toContain("public final class Fraud {");
    expect(ok.code).toContain('Pattern.<com.acme.Click>begin("a"');
    const bad = exportJava(graph, { packageName: "com.1x", className: "class", eventType: "List<String>" });
    expect(bad.code).toContain("public final class CepPattern {");
    expect(bad.code).not.toContain("package");
    expect(bad.notes.map((n) => n.message)).toEqual([
      "'class' is not a valid Java class name; using CepPattern",
      "'List<String>' is not a valid Java type name; using Event",
      "'com.1x' is not a Java package name; omitted",
    ]);
  });
});
