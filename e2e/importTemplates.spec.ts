/**
 * Getting rules in: every full dynamic-CEP sample and every seed rule imports (by paste, file
 * picker or drop) and draws exactly its stages and edges; bad files leave the document unchanged
 * with the error's file:line:col; unbound CLASS conditions ask for bindings; every template draws;
 * publishing bumps a changed rule's version; the share link is offered. Screenshots of each
 * dialog go to /tmp/team/shots for a person to look at.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "./pages/fixtures.ts";
import type { AppPage } from "./pages/appPage.ts";
import { expectedDrawing } from "./pages/importPage.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
/** The repository's copies of ../shared/docs/dynamic-cep-samples (same JSON values). */
const SAMPLES = path.join(ROOT, "src/formats/dynamicCep/testdata/samples");
const SEEDS = path.join(ROOT, "src/scenarios/seed");
const SHOTS = "/tmp/team/shots";

/** Full rules and graphs (the `fragment-*` files are pieces of rules, not importable documents). */
const FULL_SAMPLES = [
  "karekin-flink_cep-GraphSpecTest-not-follow-window.json",
  "karekin-flink_cep-init-sql-rule1-v1.json",
  "karekin-flink_cep-init-sql-rule1-v2.json",
  "karekin-flink_cep-init-sql-rule2-v1.json",
  "realtimecompute-zebra_test-README-legacy-CUSTOM_ARGS.json",
  "constructed/c1-fail-loop-until-not-followed.json",
  "constructed/c2-group-pattern.json",
  "constructed/c3-conditions-not-next-times.json",
];

const TEMPLATES = [
  "seed-scenario1",
  "seed-scenario2",
  "seed-scenario3",
  "seed-scenario4",
  "seed-scenario5",
  "seed001-login-logout",
  "seed001-cart-logout",
  "shape-followed-by-within",
  "shape-abandoned-cart",
  "shape-times-within",
  "shape-kleene-until",
];

interface DocumentShape {
  readonly rules: readonly { readonly rule: { readonly id: string; readonly version: number } }[];
  readonly bindings: Readonly<Record<string, string>>;
}

test.beforeEach(async ({ app }) => {
  await app.open();
});

test.afterEach(({ app }) => {
  app.expectCleanRun();
});

async function documentShape(app: AppPage): Promise<DocumentShape> {
  return (await app.document()) as DocumentShape;
}

test.describe("importing the dynamic-CEP samples", () => {
  FULL_SAMPLES.forEach((file, i) => {
    test(`${file} imports and draws its stages and edges`, async ({ app, io }) => {
      const text = readFileSync(path.join(SAMPLES, file), "utf8");
      await io.openImport();
      // Half through the file picker, half pasted: both roads lead to the same review.
      if (i % 2 === 0) await io.chooseFile(path.join(SAMPLES, file));
      else await io.paste(text);
      if (file.includes("CUSTOM_ARGS")) {
        await expect(io.warnings).toContainText('legacy condition type "CUSTOM_ARGS"');
        await io.page.screenshot({ path: `${SHOTS}/D5-import-warning.png` });
      }
      // None of the samples' Java classes is bound in the default document.
      if (text.includes('"CLASS"') || text.includes("CUSTOM_ARGS"))
        await expect(io.bindingsStep).toBeVisible();
      await io.confirm("append");
      await io.expectDrawing(expectedDrawing(JSON.parse(text)));
      expect((await documentShape(app)).rules).toHaveLength(6);
    });
  });
});

test.describe("importing the seed rules", () => {
  [1, 2, 3, 4, 5].forEach((n) => {
    test(`scenario ${n}'s rule replaces the rule set and draws as written`, async ({ app, io }) => {
      const text = readFileSync(path.join(SEEDS, `scenario${n}.rule.json`), "utf8");
      await io.openImport();
      await io.paste(text);
      // The default document binds the seed's classes already: nothing to ask.
      await expect(io.bindingsStep).toHaveCount(0);
      await io.confirm("replace");
      await io.expectDrawing(expectedDrawing(JSON.parse(text)));
      expect(await app.exportActiveRule()).toEqual(JSON.parse(text));
      expect((await documentShape(app)).rules).toHaveLength(1);
    });
  });
});

test("a file with a syntax error shows file:line:col and leaves the document unchanged", async ({
  app,
  io,
}) => {
  const before = await app.document();
  await io.openImport();
  await io.paste('{\n  "nodes": [\n    oops\n  ]\n}');
  await expect(io.errors).toContainText("pasted text:3:5:");
  await expect(io.page.getByTestId("import.review")).toHaveCount(0);
  await io.page.screenshot({ path: `${SHOTS}/D5-import-error.png` });
  // A model error names its JSON path.
  await io.paste('{"id": "9", "version": 1, "pattern": {"nodes": [], "edges": []}}');
  await expect(io.errors).toContainText("pasted text:1:");
  await expect(io.errors).toContainText("pattern.afterMatchStrategy");
  await io.page.keyboard.press("Escape");
  await expect(io.dialog).toBeHidden();
  expect(await app.document()).toEqual(before);
});

test("a file saved with lone CRs (classic Mac) shows its error at the line the box shows it on", async ({
  io,
}) => {
  await io.openImport();
  await io.chooseFileWithText("mac.json", '{\r  "nodes": [\r    oops\r  ]\r}');
  await expect(io.errors).toContainText("mac.json:3:5:");
  // The box numbers lines as the message does: `oops` is on its third line, at column 5.
  await expect(io.pasteBox).toHaveValue('{\n  "nodes": [\n    oops\n  ]\n}');
});

test("unbound CLASS conditions ask for bindings; invalid ones block, blank ones import unbound", async ({
  app,
  io,
}) => {
  const file = path.join(SAMPLES, "karekin-flink_cep-GraphSpecTest-not-follow-window.json");
  await io.openImport();
  await io.chooseFile(file);
  await expect(io.bindingsStep).toBeVisible();
  await io.bindingInput("demo.condition.StartCondition").fill("action == 0");
  await io.bindingInput("demo.condition.MiddleCondition").fill("action ==");
  await expect(io.bindingsStep).toContainText("1:10:");
  await expect(io.page.getByTestId("import.confirm")).toBeDisabled();
  await io.page.screenshot({ path: `${SHOTS}/D5-import-bindings.png` });
  await io.bindingInput("demo.condition.MiddleCondition").fill("");
  await io.confirm("replace");
  const doc = await documentShape(app);
  expect(doc.bindings["demo.condition.StartCondition"]).toBe("action == 0");
  expect(Object.hasOwn(doc.bindings, "demo.condition.MiddleCondition")).toBe(false);
  // A bare GraphSpec gets a fresh id rather than its made-up "1"... which is free after a replace.
  expect(doc.rules.map((r) => r.rule.id)).toEqual(["1"]);
});

test("the bindings editor opens from the import dialog and edits the table", async ({ app, io }) => {
  await io.openImport();
  await io.chooseFile(path.join(SAMPLES, "karekin-flink_cep-init-sql-rule1-v1.json"));
  await io.page.getByTestId("import.editBindings").click();
  const editor = io.page.getByTestId("bindings.dialog");
  await expect(editor).toBeVisible();
  await io.page.getByTestId("bindings.new.class").fill("demo.condition.EndCondition");
  await io.page.getByTestId("bindings.new.expression").fill("action == 1");
  await io.page.getByTestId("bindings.add").click();
  await expect(io.page.getByTestId("bindings.row.demo.condition.EndCondition")).toBeVisible();
  await io.page.screenshot({ path: `${SHOTS}/D5-bindings-editor.png` });
  await io.page.keyboard.press("Escape");
  await expect(editor).toBeHidden();
  // Bound meanwhile: the import no longer asks for it.
  await expect(io.bindingsStep).toHaveCount(0);
  await io.confirm("append");
  expect((await documentShape(app)).bindings["demo.condition.EndCondition"]).toBe("action == 1");
});

test("a file dropped on the window opens the import with it, and a bare GraphSpec gets the next free id", async ({
  app,
  io,
}) => {
  const text = readFileSync(path.join(SAMPLES, "constructed/c2-group-pattern.json"), "utf8");
  await io.dropFile("c2-group-pattern.json", text);
  await expect(io.page.getByTestId("import.review")).toContainText("it becomes rule 6, version 1");
  await io.page.screenshot({ path: `${SHOTS}/D5-import-review.png` });
  await io.confirm("append");
  await io.expectDrawing(expectedDrawing(JSON.parse(text)));
  expect((await documentShape(app)).rules.map((r) => r.rule.id)).toEqual(["1", "2", "3", "4", "5", "6"]);
  // One undo step takes the whole import back.
  await app.undoButton.click();
  expect((await documentShape(app)).rules).toHaveLength(5);
});

test("every template opens and draws", async ({ app, io }) => {
  await io.openTemplates();
  await io.page.screenshot({ path: `${SHOTS}/D5-templates.png` });
  await io.page.keyboard.press("Escape");
  for (const id of TEMPLATES) {
    await io.openTemplates();
    await io.useTemplate(id, "replace");
    const rule = await app.exportActiveRule();
    const expected = expectedDrawing(rule);
    expect(expected.nodes.length, id).toBeGreaterThan(0);
    await io.expectDrawing(expected);
    expect((await documentShape(app)).rules, id).toHaveLength(1);
  }
  await io.openTemplates();
  await io.useTemplate("shape-abandoned-cart", "append");
  expect((await documentShape(app)).rules.map((r) => r.rule.id)).toEqual(["1", "2"]);
});

test("Try it replaces the rule set with a template and runs it on the template's demo data", async ({
  app,
  io,
  sim,
}) => {
  await io.openTemplates();
  await io.page.getByTestId("templates.try.seed-scenario2").click();
  await expect(io.page.getByTestId("templates.dialog")).toBeHidden();
  expect((await documentShape(app)).rules).toHaveLength(1);
  // Scenario 2's own clickstream: one high-value cart bought in time, one abandoned.
  await sim.waitReady(3);
  await sim.runToEnd();
  await sim.expectCounts(1, 1, 0);
});

test("publishing bumps the version of a changed rule", async ({ io, inspector }) => {
  const rows = io.ruleRows;
  await expect(rows).toHaveCount(5);
  const publish = io.page.getByTestId("ruleset.publish");
  await publish.click(); // first publish of rule 1 keeps version 1
  await expect(io.page.getByTestId("ruleset.version.r1")).toHaveText("v1");
  await expect(publish).toBeDisabled();
  await inspector.commitText("inspector.pattern.function", "com.example.AlertFunction");
  await expect(io.page.getByTestId("ruleset.dot.r1")).toBeVisible();
  await publish.click();
  await expect(io.page.getByTestId("ruleset.version.r1")).toHaveText("v2");
  await expect(io.page.getByTestId("ruleset.status")).toContainText("published as version 2");
  await io.page.screenshot({ path: `${SHOTS}/D5-ruleset.png` });
});

test("rules are chosen with the arrow keys; deleting offers Undo", async ({ io }) => {
  await io.page.getByTestId("ruleset.select.r1").focus();
  await io.page.keyboard.press("ArrowDown");
  await expect(io.page.getByTestId("ruleset.select.r2")).toBeFocused();
  await expect(io.page.getByTestId("ruleset.select.r2")).toHaveAttribute("aria-current", "true");
  await io.page.getByTestId("ruleset.delete").click();
  await expect(io.page.getByTestId("ruleset.status")).toContainText("Rule 2 deleted");
  await expect(io.ruleRows).toHaveCount(4);
  await io.page.getByTestId("ruleset.undo").click();
  await expect(io.ruleRows).toHaveCount(5);
});

test("the share dialog offers the link to copy", async ({ baseURL, io }) => {
  await io.page.getByTestId("share.button").click();
  const url = io.page.getByTestId("share.url");
  await expect(url).toHaveValue(new RegExp(`^${baseURL ?? ""}/#doc=[A-Za-z0-9_-]+$`));
  await expect(io.page.getByTestId("share.status")).not.toContainText("Copying");
  await io.page.screenshot({ path: `${SHOTS}/D5-share.png` });
});
