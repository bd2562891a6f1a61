/**
 * Every worked example of Flink's CEP documentation (`docs/content/docs/libs/cep.md`, "FlinkCEP -
 * Complex event processing for Flink") that states an input sequence and its matches, built with
 * the Pattern-API-shaped builder, exported as dynamic-CEP JSON and run through `cep-studio run`
 * in process: once in processing time (`--clock`, each event straight to the NFA as Flink's
 * `CepOperator` and the NFA test harness feed it) and once in event time (`--time`, ending with
 * the +∞ watermark of a bounded job). The documentation lists matches as sets; Flink emits each
 * match as soon as it completes, so the tests compare sorted lists (duplicates would count).
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { exportGraphSpec } from "../formats/dynamicCep/index.ts";
import type { GraphNode } from "../model/pattern.ts";
import { AfterMatchSkip, PatternBuilder } from "../model/patternBuilder.ts";
import { parseOutput, runInProcess, writeTempFiles } from "./testing/cliTestSupport.ts";

type Mode = "clock" | "time";
const MODES: readonly Mode[] = ["clock", "time"];

/** `b1` → kind `b`: the documentation names events by their type and a running number. */
function kindOf(name: string): string {
  return name.replace(/\d+$/, "").toLowerCase();
}

/** The events as JSON Lines, one second apart: `{"t":…,"name":"b1","kind":"b"}`. */
function jsonLines(names: readonly string[]): string {
  return names.map((name, i) => JSON.stringify({ t: (i + 1) * 1000, name, kind: kindOf(name) })).join("\n");
}

interface DocRun {
  /** Each match as the documentation writes it, `a b1 c`: events by stage, in pattern order. */
  readonly matches: string[];
  /** Each timed-out partial match as `@timestamp a b1`. */
  readonly timeouts: string[];
}

/** Runs `graph` over `names` through the CLI in the given time mode. */
async function runDoc(graph: GraphNode, names: readonly string[], mode: Mode): Promise<DocRun> {
  const dir = writeTempFiles({ "pattern.json": JSON.stringify(exportGraphSpec(graph)) });
  const timeFlag = mode === "clock" ? "--clock" : "--time";
  const result = await runInProcess(
    ["run", "--pattern", path.join(dir, "pattern.json"), "--events", "-", timeFlag, "t"],
    jsonLines(names),
  );
  expect(result).toMatchObject({ status: 0, stderr: "" });
  const records = parseOutput(result.stdout);
  const eventsOf = (record: (typeof records)[number]): string =>
    Object.values(record.events ?? {})
      .flat()
      .map((event) => String(event["name"]))
      .join(" ");
  return {
    matches: records.filter((r) => r.type === "match").map(eventsOf),
    timeouts: records
      .filter((r) => r.type === "timeout")
      .map((r) => `@${String(r.timestamp)} ${eventsOf(r)}`),
  };
}

const sorted = (items: readonly string[]): string[] => [...items].sort();

/** The documentation's notation, `{a b1 c}, {a b2 c}`, as a list of matches. */
function docMatches(text: string): string[] {
  return [...text.matchAll(/\{([^}]*)\}/g)].map((group) => group[1] ?? "");
}

/** Asserts the matches (in the docs' notation) as a set with multiplicity, in both time modes. */
async function expectMatches(graph: GraphNode, input: string, expected: string | readonly string[]) {
  const names = input.split(" ");
  const want = typeof expected === "string" ? docMatches(expected) : expected;
  for (const mode of MODES) {
    const { matches } = await runDoc(graph, names, mode);
    expect(sorted(matches), mode).toEqual(sorted(want));
  }
}

const kind = (k: string) => `kind == '${k}'`;

describe("Flink CEP docs: Conditions, stop condition (until)", () => {
  it("`a+ until b` over a1 c a2 b a3 gives {a1 a2} {a1} {a2} {a3}", async () => {
    const pattern = PatternBuilder.begin("a").where(kind("a")).oneOrMore().until(kind("b")).build();
    await expectMatches(pattern, "a1 c a2 b a3", "{a1 a2}, {a1}, {a2}, {a3}");
  });
});

describe("Flink CEP docs: Combining Patterns (relaxed vs non-deterministic relaxed)", () => {
  const input = "a c b1 b2";
  const ab = (contiguity: "next" | "followedBy" | "followedByAny") =>
    PatternBuilder.begin("a").where(kind("a"))[contiguity]("b").where(kind("b")).build();

  it("strict contiguity: no match, c after a discards a", async () => {
    await expectMatches(ab("next"), input, "");
  });
  it("relaxed contiguity: {a b1}", async () => {
    await expectMatches(ab("followedBy"), input, "{a b1}");
  });
  it("non-deterministic relaxed contiguity: {a b1} {a b2}", async () => {
    await expectMatches(ab("followedByAny"), input, "{a b1}, {a b2}");
  });
});

describe("Flink CEP docs: Contiguity within looping patterns (`a b+ c`)", () => {
  const input = "a b1 d1 b2 d2 b3 c";
  /** `a` followedByAny `b+` (with the inner contiguity under test) followedBy `c`. */
  const abc = (inner: "consecutive" | "relaxed" | "allowCombinations") => {
    const b = PatternBuilder.begin("a").where(kind("a")).followedByAny("b").where(kind("b")).oneOrMore();
    const withInner = inner === "relaxed" ? b : b[inner]();
    return withInner.followedBy("c").where(kind("c")).build();
  };

  // The documentation lists only {a b3 c}, but its own consecutive() example ({C A1 B} with A2
  // between A1 and B) shows that consecutive() binds only the loop's iterations: once b1 is taken,
  // `c` (followedBy) ignores d1, b2, d2 and b3, as Flink's NFACompiler proceeds from the loop to
  // `c` and `c`'s SKIP_TILL_NEXT ignore edge skips what is not a `c`. Flink's code gives one match
  // per b (NFAITCase's consecutive tests agree); the documented {a b3 c} is what `next("c")` gives.
  it("strict contiguity (consecutive) then followedBy c: one match per b (docs: {a b3 c})", async () => {
    await expectMatches(abc("consecutive"), input, "{a b1 c}, {a b2 c}, {a b3 c}");
  });
  it("strict contiguity (consecutive) then next c: {a b3 c}, the documented result", async () => {
    const pattern = PatternBuilder.begin("a")
      .where(kind("a"))
      .followedByAny("b")
      .where(kind("b"))
      .oneOrMore()
      .consecutive()
      .next("c")
      .where(kind("c"))
      .build();
    await expectMatches(pattern, input, "{a b3 c}");
  });
  it("relaxed contiguity: six matches, the d's ignored", async () => {
    await expectMatches(
      abc("relaxed"),
      input,
      "{a b1 c}, {a b1 b2 c}, {a b1 b2 b3 c}, {a b2 c}, {a b2 b3 c}, {a b3 c}",
    );
  });
  it("non-deterministic relaxed contiguity (allowCombinations): seven matches, with {a b1 b3 c}", async () => {
    await expectMatches(
      abc("allowCombinations"),
      input,
      "{a b1 c}, {a b1 b2 c}, {a b1 b3 c}, {a b1 b2 b3 c}, {a b2 c}, {a b2 b3 c}, {a b3 c}",
    );
  });
});

/** `start`(c) followedBy `middle`(a).oneOrMore()[inner] followedBy `end1`(b), as the docs write it. */
function cAB(inner: "consecutive" | "relaxed" | "allowCombinations"): GraphNode {
  const middle = PatternBuilder.begin("start")
    .where(kind("c"))
    .followedBy("middle")
    .where(kind("a"))
    .oneOrMore();
  const withInner = inner === "relaxed" ? middle : middle[inner]();
  return withInner.followedBy("end1").where(kind("b")).build();
}
const C_D_A_B = "C D A1 A2 A3 D A4 B";
const WITHOUT_INNER = "{C A1 B}, {C A1 A2 B}, {C A1 A2 A3 B}, {C A1 A2 A3 A4 B}";

describe("Flink CEP docs: consecutive()", () => {
  it("with consecutive applied: {C A1 B} {C A1 A2 B} {C A1 A2 A3 B}", async () => {
    await expectMatches(cAB("consecutive"), C_D_A_B, "{C A1 B}, {C A1 A2 B}, {C A1 A2 A3 B}");
  });
  it("without consecutive applied: four matches", async () => {
    await expectMatches(cAB("relaxed"), C_D_A_B, WITHOUT_INNER);
  });
});

describe("Flink CEP docs: allowCombinations()", () => {
  const ALL_SUBSETS = docMatches(
    "{C A1 B}, {C A1 A2 B}, {C A1 A3 B}, {C A1 A4 B}, {C A1 A2 A3 B}, {C A1 A2 A4 B}, {C A1 A3 A4 B}, " +
      "{C A1 A2 A3 A4 B}, {C A2 B}, {C A2 A3 B}, {C A2 A4 B}, {C A2 A3 A4 B}, {C A3 B}, {C A3 A4 B}, {C A4 B}",
  );
  // The documented code joins `middle` with followedBy, whose SKIP_TILL_NEXT edge must take the
  // first matching event (A1; NFAITCase.testEagerZeroOrMore: never [c a2 b]). So Flink gives the
  // 8 combinations that start with A1; the documented 15 need followedByAny("middle"), as Flink's
  // own allowCombinations tests (NFAITCase.testZeroOrMoreSkipTillAny…) write it.
  it("with combinations enabled, as the docs' code (followedBy middle): the 8 starting at A1", async () => {
    await expectMatches(
      cAB("allowCombinations"),
      C_D_A_B,
      ALL_SUBSETS.filter((match) => match.startsWith("C A1 ")),
    );
  });
  it("with combinations enabled and followedByAny middle: the documented 15", async () => {
    const pattern = PatternBuilder.begin("start")
      .where(kind("c"))
      .followedByAny("middle")
      .where(kind("a"))
      .oneOrMore()
      .allowCombinations()
      .followedBy("end1")
      .where(kind("b"))
      .build();
    await expectMatches(pattern, C_D_A_B, ALL_SUBSETS);
  });
  it("without combinations enabled: four matches", async () => {
    await expectMatches(cAB("relaxed"), C_D_A_B, WITHOUT_INNER);
  });
});

describe("Flink CEP docs: After Match Skip Strategy, `b+ c` over b1 b2 b3 c", () => {
  const input = "b1 b2 b3 c";
  // As Flink's AfterMatchSkipITCase writes this docs example (…WithOneOrMoreAtBeginning).
  const bPlusC = (skip: ReturnType<typeof AfterMatchSkip.noSkip>) =>
    PatternBuilder.begin("b", skip)
      .where(kind("b"))
      .oneOrMore()
      .consecutive()
      .greedy()
      .next("c")
      .where(kind("c"))
      .build();
  const all = ["b1 b2 b3 c", "b2 b3 c", "b3 c"];

  it("NO_SKIP", async () => {
    await expectMatches(bPlusC(AfterMatchSkip.noSkip()), input, all);
  });
  it("SKIP_TO_NEXT: nothing else started at b1", async () => {
    await expectMatches(bPlusC(AfterMatchSkip.skipToNext()), input, all);
  });
  it("SKIP_PAST_LAST_EVENT", async () => {
    await expectMatches(bPlusC(AfterMatchSkip.skipPastLastEvent()), input, "{b1 b2 b3 c}");
  });
  it("SKIP_TO_FIRST[b]: nothing started before b1", async () => {
    await expectMatches(bPlusC(AfterMatchSkip.skipToFirst("b")), input, all);
  });
  it("SKIP_TO_LAST[b]: b2 b3 c is discarded", async () => {
    await expectMatches(bPlusC(AfterMatchSkip.skipToLast("b")), input, "{b1 b2 b3 c}, {b3 c}");
  });

  // Written with a plain (relaxed) b+, the loop also IGNOREs c, so each run lives on past c in
  // its ignore state. Any strategy but NO_SKIP holds a completed match while a partial match
  // that started earlier exists (NFA.processMatchesAccordingToSkipStrategy), so {b2 b3 c} and
  // {b3 c} wait behind the runs that started at b1 and b2 — and, without a window, are never
  // released, even by the final watermark. consecutive() (above) has no ignore state.
  it("SKIP_TO_FIRST[b] with a relaxed b+: the later matches are held behind earlier runs", async () => {
    const relaxed = PatternBuilder.begin("b", AfterMatchSkip.skipToFirst("b"))
      .where(kind("b"))
      .oneOrMore()
      .next("c")
      .where(kind("c"))
      .build();
    await expectMatches(relaxed, input, "{b1 b2 b3 c}");
  });
});

describe("Flink CEP docs: After Match Skip Strategy, `(a | b | c) (b | c) c+.greedy d`", () => {
  const input = "a b c1 c2 c3 d";
  // As Flink's AfterMatchSkipITCase.testSkipToFirstDiscarding writes this docs example, with the
  // docs' first stage (a | b | c); that test's `a or c` cannot start at b, NO_SKIP's second match.
  const pattern = (skip: ReturnType<typeof AfterMatchSkip.noSkip>) =>
    PatternBuilder.begin("a or b or c", skip)
      .where("kind == 'a' || kind == 'b' || kind == 'c'")
      .followedBy("b or c")
      .where("kind == 'b' || kind == 'c'")
      .followedBy("c*")
      .where(kind("c"))
      .oneOrMore()
      .greedy()
      .followedBy("d")
      .where(kind("d"))
      .build();

  it("NO_SKIP", async () => {
    await expectMatches(
      pattern(AfterMatchSkip.noSkip()),
      input,
      "{a b c1 c2 c3 d}, {b c1 c2 c3 d}, {c1 c2 c3 d}",
    );
  });
  it("SKIP_TO_FIRST[c*]: b c1 c2 c3 d is discarded", async () => {
    await expectMatches(pattern(AfterMatchSkip.skipToFirst("c*")), input, "{a b c1 c2 c3 d}, {c1 c2 c3 d}");
  });
});

describe("Flink CEP docs: After Match Skip Strategy, `a b+` over a b1 b2 b3", () => {
  const input = "a b1 b2 b3";
  const pattern = (skip: ReturnType<typeof AfterMatchSkip.noSkip>) =>
    PatternBuilder.begin("a", skip).where(kind("a")).next("b").where(kind("b")).oneOrMore().build();

  it("NO_SKIP: {a b1} {a b1 b2} {a b1 b2 b3}", async () => {
    await expectMatches(pattern(AfterMatchSkip.noSkip()), input, "{a b1}, {a b1 b2}, {a b1 b2 b3}");
  });
  it("SKIP_TO_NEXT: only {a b1}", async () => {
    await expectMatches(pattern(AfterMatchSkip.skipToNext()), input, "{a b1}");
  });
});

/** Runs a dynamic-CEP GraphSpec built from `graph` and returns the CLI's status and stderr. */
async function loadStatus(graph: GraphNode): Promise<{ status: number; stderr: string }> {
  const dir = writeTempFiles({ "pattern.json": JSON.stringify(exportGraphSpec(graph)) });
  const { status, stderr } = await runInProcess(
    ["run", "--pattern", path.join(dir, "pattern.json"), "--events", "-"],
    jsonLines(["a"]),
  );
  return { status, stderr };
}

describe("Flink CEP docs: Combining Patterns, NOT patterns", () => {
  it("a pattern sequence cannot end with notFollowedBy() without within()", async () => {
    const pattern = PatternBuilder.begin("start")
      .where(kind("a"))
      .notFollowedBy("end")
      .where(kind("b"))
      .build();
    const { status, stderr } = await loadStatus(pattern);
    expect(status).toBe(2);
    expect(stderr).toMatch(/NotFollowedBy is not supported without windowTime/);
  });

  it("a NOT pattern cannot be preceded by an optional one", async () => {
    const pattern = PatternBuilder.begin("start")
      .where(kind("a"))
      .followedBy("middle")
      .where(kind("c"))
      .optional()
      .notFollowedBy("end")
      .where(kind("b"))
      .within(10_000)
      .build();
    const { status, stderr } = await loadStatus(pattern);
    expect(status).toBe(2);
    expect(stderr).toMatch(/optional/i);
  });

  // The documented pattern (Scala tab): start(a) notFollowedBy end(b) within 10 s. The docs give no
  // input; these streams show what "can end with notFollowedBy() with temporal constraint" means:
  // the match is released once the window passes without a `b`, never by a later event alone.
  const pattern = PatternBuilder.begin("start")
    .where(kind("a"))
    .notFollowedBy("end")
    .where(kind("b"))
    .within(10_000)
    .build();

  it("ends with notFollowedBy within 10 s: a b inside the window discards the a", async () => {
    for (const mode of MODES) {
      expect((await runDoc(pattern, ["a1", "x1", "b1", "x2"], mode)).matches, mode).toEqual([]);
    }
  });
  it("ends with notFollowedBy within 10 s: without a b the a matches when the window passes", async () => {
    // Event time: the end-of-input +∞ watermark passes a1's window. Events are 1 s apart.
    expect((await runDoc(pattern, ["a1", "x1"], "time")).matches).toEqual(["a1"]);
    // Processing time: nothing fires at the end of input; a later event past the window does.
    expect((await runDoc(pattern, ["a1", "x1"], "clock")).matches).toEqual([]);
    const late = ["a1", ...Array.from({ length: 11 }, (_, i) => `x${i + 1}`)];
    expect((await runDoc(pattern, late, "clock")).matches).toEqual(["a1"]);
  });
});

describe("Flink CEP docs: Examples (start, middle(error) -> end(critical) within 10 s, keyed by id)", () => {
  // The docs give the pattern and "keyed by their ids, within 10 seconds, event time", not an
  // input; this stream has one key whose alert completes in time and one whose critical comes late.
  const pattern = PatternBuilder.begin("start")
    .next("middle")
    .where("name == 'error'")
    .followedBy("end")
    .where("name == 'critical'")
    .within(10_000)
    .build();
  const events = [
    { id: 1, t: 1000, name: "login" },
    { id: 2, t: 1500, name: "login" },
    { id: 1, t: 2000, name: "error" },
    { id: 2, t: 2500, name: "error" },
    { id: 1, t: 5000, name: "critical" },
    { id: 2, t: 12_000, name: "critical" },
  ];

  it("alerts key 1 and times out key 2's partial match at first + 10 s", async () => {
    const dir = writeTempFiles({ "pattern.json": JSON.stringify(exportGraphSpec(pattern)) });
    const result = await runInProcess(
      ["run", "--pattern", path.join(dir, "pattern.json"), "--events", "-", "--key", "id", "--time", "t"],
      events.map((event) => JSON.stringify(event)).join("\n"),
    );
    expect(result).toMatchObject({ status: 0, stderr: "" });
    const lines = parseOutput(result.stdout).map((record) => {
      const names = Object.entries(record.events ?? {})
        .map(([stage, list]) => `${stage}=${list.map((e) => String(e["name"])).join("|")}`)
        .join(" ");
      const at = record.type === "timeout" ? ` @${String(record.timestamp)}` : "";
      return `${record.type} ${record.key ?? "null"}${at} ${names}`;
    });
    // Key 2's [login, error] expires when the watermark passes 1500 + 10 s, before critical@12000
    // is processed. Every event can also start a match (`start` has no condition): each key's
    // [critical] waits for its `middle` until the end-of-input +∞ watermark times it out.
    expect(lines).toEqual([
      "match 1 start=login middle=error end=critical",
      "timeout 2 @11500 start=login middle=error",
      "timeout 1 @15000 start=critical",
      "timeout 2 @22000 start=critical",
    ]);
  });
});
