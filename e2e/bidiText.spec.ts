/**
 * "Trojan Source" text: a stage name or rule id with a RIGHT-TO-LEFT OVERRIDE (U+202E) or a
 * ZERO WIDTH SPACE (U+200B) shows each as a marker (`⟨U+202E⟩`) instead of letting it reorder or
 * hide, and the validator warns about it; event keys with such characters show markers in the
 * Stream table. Look-alikes (a Cyrillic `і` in a Latin name, a NON-BREAKING HYPHEN or NO-BREAK
 * SPACE in a rule id, a Cyrillic letter in a condition's string) are warned about too, the space
 * and dash shown as markers, and one click puts the plain name or id back. Screenshots go to
 * `$CEP_SCREENS` (or test-results/screens) for a person to look at.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "./pages/fixtures.ts";

const SEED_RULE = path.resolve(import.meta.dirname, "../src/scenarios/seed/scenario1.rule.json");

const RLO = "\u202e";
const ZWSP = "\u200b";
/** Reads "first_view" with the override: the card would show "first_weiv" without markers. */
const TROJAN_STAGE = `first_${RLO}view${ZWSP}`;
const TROJAN_ID = `fraud${RLO}1`;

/** Seed scenario 1's rule with its first stage renamed to {@link TROJAN_STAGE} and the id {@link TROJAN_ID}. */
function trojanRule(): string {
  const text = readFileSync(SEED_RULE, "utf8").replaceAll('"first_view"', JSON.stringify(TROJAN_STAGE));
  const rule = JSON.parse(text) as { id: string };
  return JSON.stringify({ ...rule, id: TROJAN_ID }, null, 2);
}

/** "fіrst_view" with U+0456 CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I: reads as first_view. */
const LOOK_ALIKE_STAGE = "f\u0456rst_view";
/** "purchase-path 1" with a NON-BREAKING HYPHEN and a NO-BREAK SPACE. */
const LOOK_ALIKE_ID = "purchase\u2011path\u00a01";

/**
 * Seed scenario 1's rule with its first stage named {@link LOOK_ALIKE_STAGE}, the id
 * {@link LOOK_ALIKE_ID}, and the second stage's condition comparing with a Cyrillic 'vіew'.
 */
function lookAlikeRule(): string {
  const text = readFileSync(SEED_RULE, "utf8").replaceAll('"first_view"', JSON.stringify(LOOK_ALIKE_STAGE));
  const rule = JSON.parse(text) as {
    id: string;
    pattern: { nodes: Array<{ name: string; condition: unknown }> };
  };
  const nodes = rule.pattern.nodes.map((node) =>
    node.name === "second_view"
      ? { ...node, condition: { type: "AVIATOR", expression: "eventType == 'v\u0456ew'" } }
      : node,
  );
  return JSON.stringify({ ...rule, id: LOOK_ALIKE_ID, pattern: { ...rule.pattern, nodes } }, null, 2);
}

test.afterEach(({ app }) => {
  app.expectCleanRun();
});

test("a stage name and rule id with a bidi override and a zero-width space show markers and warnings", async ({
  app,
  io,
  designer,
  editors,
  hidden,
}) => {
  await app.open();
  await io.importText(trojanRule(), "replace");

  const name = hidden.stageName(TROJAN_STAGE);
  await expect(name).toHaveText("first_⟨U+202E⟩view⟨U+200B⟩");
  // The characters themselves are not in the card: nothing left to reorder or hide.
  expect(await hidden.textOf(name)).not.toMatch(/[\u202e\u200b]/u);
  await expect(hidden.markers(name, "U+202E")).toHaveAttribute(
    "title",
    /^U\+202E RIGHT-TO-LEFT OVERRIDE: a bidirectional control/,
  );
  await expect(hidden.markers(name, "U+200B")).toHaveAttribute("title", /ZERO WIDTH SPACE/);
  await expect(hidden.stageBadge(TROJAN_STAGE)).toHaveAttribute(
    "aria-label",
    /U\+202E RIGHT-TO-LEFT OVERRIDE \(bidi control\) at character 7/,
  );
  await app.screenshot("bidi-canvas");

  await designer.selectStage(TROJAN_STAGE);
  // A warning, not an error: Flink accepts the name.
  await expect(hidden.stageDiagnostics).toContainText("Warning");
  await expect(hidden.stageDiagnostics).not.toContainText("Error");
  await expect(hidden.stageDiagnostics).toContainText(
    "stage 'first_⟨U+202E⟩view⟨U+200B⟩': the name holds U+202E RIGHT-TO-LEFT OVERRIDE (bidi control) at character 7, U+200B ZERO WIDTH SPACE at character 12",
  );
  await expect(hidden.markers(hidden.stageDiagnostics)).toHaveCount(2);
  // The name field keeps the raw text: what is edited is what Flink gets.
  await expect(designer.page.getByTestId("inspector.stage.name")).toHaveValue(TROJAN_STAGE);

  await designer.selectPattern();
  await expect(hidden.patternDiagnostics).toContainText(
    "rule id 'fraud⟨U+202E⟩1': the id holds U+202E RIGHT-TO-LEFT OVERRIDE (bidi control) at character 6",
  );
  await expect(designer.pattern).toContainText("Rule fraud⟨U+202E⟩1");
  await expect(io.ruleRows.first()).toContainText("Rule fraud⟨U+202E⟩1");
  await expect(io.ruleRows.first()).toContainText("first_⟨U+202E⟩view⟨U+200B⟩ next second_view");
  await app.screenshot("bidi-inspector");

  // Monaco keeps the raw text and draws the control itself (renderControlCharacters).
  await app.showRightTab("source");
  await editors.expectSourceReady();
  await expect.poll(() => editors.visibleText(editors.sourceEditor)).toContain('"fraud[U+202E]1"');
  // Its problem list quotes the name with markers: the override does not reverse the message.
  await expect(editors.sourceProblems).toContainText("stage 'first_⟨U+202E⟩view⟨U+200B⟩': the name holds");
  await app.screenshot("bidi-source");
});

test("the warnings' fixes rename the stage and the rule id without their hidden characters, and the references follow", async ({
  app,
  io,
  designer,
  hidden,
}) => {
  await app.open();
  await io.importText(trojanRule(), "replace");
  await designer.selectStage(TROJAN_STAGE);
  await expect(hidden.stageFirstFix).toHaveText("Rename to 'first_view', without the hidden characters");
  await hidden.stageFirstFix.click();
  await expect(hidden.stageName("first_view")).toHaveText("first_view");
  await expect(designer.node(TROJAN_STAGE)).toHaveCount(0);
  await expect(io.ruleRows.first()).toContainText("first_view next second_view");

  // The rule id's fix, in the pattern's Validation.
  await designer.selectPattern();
  await expect(hidden.patternFirstFix).toHaveText(
    "Rename the rule to 'fraud1', without the hidden characters",
  );
  await hidden.patternFirstFix.click();
  await expect(io.ruleRows.first()).toContainText("Rule fraud1");
  await expect(designer.page.getByTestId("inspector.pattern.ruleId")).toHaveValue("fraud1");
});

test("event keys with a bidi override show markers in the Stream table", async ({ app, sim, hidden }) => {
  await app.open();
  const events = [
    { user: `alice${RLO}live`, t: 1000, type: "view" },
    { user: `bob${ZWSP}`, t: 2000, type: `cart${RLO}` },
    { user: "carol", t: 3000, type: "view" },
  ];
  await sim.loadFile("trojan.jsonl", events.map((e) => JSON.stringify(e)).join("\n"), {
    key: "user",
    time: "t",
  });
  await sim.waitReady(3);
  await sim.openTab("stream");
  const rows = sim.rows("stream");
  await expect(rows).toHaveCount(3);
  await expect(hidden.streamKeyCell(rows.nth(0))).toHaveText("alice⟨U+202E⟩live");
  await expect(hidden.streamKeyCell(rows.nth(1))).toHaveText("bob⟨U+200B⟩");
  await expect(hidden.streamKeyCell(rows.nth(2))).toHaveText("carol");
  // The type column and the fields' JSON show the same markers.
  await expect(rows.nth(1)).toContainText("cart⟨U+202E⟩");
  await expect(rows.nth(0)).toContainText('"user":"alice⟨U+202E⟩live"');
  expect(await hidden.textOf(sim.page.getByTestId("sim.stream"))).not.toMatch(/[\u202e\u200b]/u);
  await app.screenshot("bidi-stream");
  // The timeline draws lane labels on a canvas: a person checks them on the screenshot.
  await sim.openTab("timeline");
  await app.screenshot("bidi-timeline");
});

test("look-alikes in a stage name, a rule id and a condition's string: warnings, markers and both one-click fixes", async ({
  app,
  io,
  designer,
  hidden,
}) => {
  await app.open();
  await io.importText(lookAlikeRule(), "replace");

  // A Cyrillic letter is visible: the card shows it as it is, the warning names it.
  const name = hidden.stageName(LOOK_ALIKE_STAGE);
  await expect(name).toHaveText(LOOK_ALIKE_STAGE);
  await expect(hidden.markers(name)).toHaveCount(0);
  await designer.selectStage(LOOK_ALIKE_STAGE);
  await expect(hidden.stageDiagnostics).toContainText(
    "stage 'f\u0456rst_view': the name holds a look-alike: U+0456 CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I (looks like Latin 'i') at character 2: it is not the name it looks like ('first_view')",
  );
  await expect(hidden.stageDiagnostics).not.toContainText("Error");
  await expect(hidden.stageFirstFix).toHaveText("Replace look-alikes: rename to 'first_view'");
  await app.screenshot("lookalike-stage-warning");

  // The rule id's space and hyphen show as markers, in the rule list, on the canvas and in the warning.
  await expect(io.ruleRows.first()).toContainText("Rule purchase⟨U+2011⟩path⟨U+00A0⟩1");
  await expect(hidden.markers(io.ruleRows.first(), "U+00A0")).toHaveAttribute(
    "title",
    "U+00A0 NO-BREAK SPACE: it looks like a space but is another character",
  );
  await expect(designer.pattern).toContainText("Rule purchase⟨U+2011⟩path⟨U+00A0⟩1");

  // The stage's fix: renamed in its place, its edge follows, the canvas and the rule list say first_view.
  const before = await designer.node(LOOK_ALIKE_STAGE).boundingBox();
  await hidden.stageFirstFix.click();
  await expect(hidden.stageName("first_view")).toHaveText("first_view");
  await expect(designer.node(LOOK_ALIKE_STAGE)).toHaveCount(0);
  await expect(io.ruleRows.first()).toContainText("first_view next second_view");
  const after = await designer.node("first_view").boundingBox();
  expect(after && { x: Math.round(after.x), y: Math.round(after.y) }).toEqual(
    before && { x: Math.round(before.x), y: Math.round(before.y) },
  );

  // The condition's string is a warning on its stage, naming the literal and the letter.
  await designer.selectStage("second_view");
  await expect(hidden.stageDiagnostics).toContainText(
    "stage 'second_view': the string 'v\u0456ew' in the condition holds a look-alike: U+0456 CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I (looks like Latin 'i') at character 2: it never equals the text it looks like ('view')",
  );

  await designer.selectPattern();
  await expect(hidden.patternDiagnostics).toContainText(
    "rule id 'purchase⟨U+2011⟩path⟨U+00A0⟩1': the id holds look-alikes: U+2011 NON-BREAKING HYPHEN (looks like '-') at character 9, U+00A0 NO-BREAK SPACE (looks like a space) at character 14: it is not the id it looks like ('purchase-path 1')",
  );
  await expect(hidden.patternFirstFix).toHaveText(
    "Replace look-alikes: rename the rule to 'purchase-path 1'",
  );
  await app.screenshot("lookalike-rule-id");

  // The rule id's fix: the id as it reads, everywhere; undone in one step like any change.
  await hidden.patternFirstFix.click();
  await expect(io.ruleRows.first()).toContainText("Rule purchase-path 1");
  await expect(hidden.markers(io.ruleRows.first())).toHaveCount(0);
  await expect(designer.pattern).toContainText("Rule purchase-path 1");
  await expect(hidden.patternDiagnostics).not.toContainText("rule id");
  await app.undoButton.click();
  await expect(io.ruleRows.first()).toContainText("Rule purchase⟨U+2011⟩path⟨U+00A0⟩1");
  await expect(io.ruleRows.first()).toContainText("first_view next second_view");
});
