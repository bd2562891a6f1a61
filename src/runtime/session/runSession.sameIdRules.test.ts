/**
 * Two rules may share an id and a version (a rule set imported from several files): the job runs
 * both, and a restored checkpoint (a seek, explain) must give each its own pattern back.
 */
import { expect, it } from "vitest";
import type { Rule } from "../../model/pattern.ts";
import { PatternBuilder } from "../../model/patternBuilder.ts";
import { RunSession } from "./runSession.ts";
import { SessionInput } from "./sessionInput.ts";

const rule = (first: string, second: string): Rule => ({
  id: "1",
  version: 1,
  function: null,
  pattern: PatternBuilder.begin("x")
    .where(`kind == '${first}'`)
    .next("y")
    .where(`kind == '${second}'`)
    .build(),
});
const EVENTS = ["a", "b", "c", "d"].map((kind, i) => ({ t: i + 1, u: "k", kind }));

function matches(seekFirst: boolean): string[] {
  const s = new RunSession({
    rules: [rule("a", "b"), rule("c", "d")],
    config: {
      key: "u",
      time: { field: "t", watermarks: { type: "bounded", delay: 0 }, finalWatermark: true },
      clock: null,
      parallelism: 1,
    },
    input: SessionInput.fromEvents(EVENTS),
  });
  if (seekFirst) s.seek(0);
  s.play();
  while (s.state === "playing") s.tick(16);
  return s.query("matches", 0, 10).records.map((m) => m.stages.map((st) => st.events[0]?.line).join(","));
}

it("a seek keeps two rules that share an id and version apart (as a straight run and the CLI do)", () => {
  expect(matches(false)).toEqual(["1,2", "3,4"]);
  expect(matches(true)).toEqual(["1,2", "3,4"]);
});
