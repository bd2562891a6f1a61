/**
 * The code editors against the built app: the JSON source view and the canvas following each
 * other both ways, invalid JSON kept (with its error placed) while the canvas keeps the last
 * valid rule, a condition's syntax error at its line and column, the SQL and Java previews with
 * the exporters' notes, downloads — and Monaco with its workers served from our own origin only.
 */
import { readFile } from "node:fs/promises";
import { expect, test } from "./pages/fixtures.ts";
import type { AppPage } from "./pages/appPage.ts";

interface DocumentView {
  readonly activeRuleKey: string | null;
  readonly rules: readonly {
    readonly key: string;
    readonly rule: {
      readonly id: string;
      readonly pattern: { readonly nodes: readonly { readonly name: string }[] };
    };
  }[];
}

const workerUrls: string[] = [];
const cspViolations: string[] = [];

async function activeStageNames(app: AppPage): Promise<string[]> {
  const doc = (await app.document()) as DocumentView;
  const rule = doc.rules.find((r) => r.key === doc.activeRuleKey);
  return rule ? rule.rule.pattern.nodes.map((n) => n.name) : [];
}

test.beforeEach(async ({ page, app, designer }) => {
  workerUrls.length = 0;
  cspViolations.length = 0;
  page.on("worker", (worker) => workerUrls.push(worker.url()));
  page.on("console", (message) => {
    if (message.text().includes("Content Security Policy")) cspViolations.push(message.text());
  });
  await app.open();
  await expect(designer.node("first_view")).toBeVisible();
});

test.afterEach(({ baseURL, app }) => {
  app.expectCleanRun();
  expect(cspViolations, "Content-Security-Policy violations").toEqual([]);
  // Monaco's editor and JSON workers (and the engine's) are scripts of our own origin.
  for (const url of workerUrls) expect(url.startsWith(baseURL ?? "http://127.0.0.1:4173")).toBe(true);
});

test("renaming a stage in the JSON source renames it on the canvas", async ({
  page,
  app,
  designer,
  editors,
}) => {
  // Monaco runs under the built app's policy, which allows no eval-like code.
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  expect(policy).toContain("script-src 'self';");
  expect(policy).not.toContain("unsafe-eval");

  await app.showRightTab("source");
  await editors.expectSourceReady();
  await editors.replaceAllInSource('"first_view"', '"landing"');

  await expect(designer.node("landing")).toBeVisible();
  await expect(designer.node("first_view")).toHaveCount(0);
  await expect(editors.sourceStatus).toHaveText("In sync with the canvas");
  expect(await activeStageNames(app)).toEqual(["second_view", "landing"]);
  await app.screenshot("editors-source-renamed");
});

test("a change made elsewhere replaces the JSON text", async ({ app, editors }) => {
  await app.showRightTab("source");
  await editors.expectSourceReady();
  await expect.poll(() => editors.visibleText(editors.sourceEditor)).toContain('"name": "second_view"');

  await app.runCommand("addRule");
  await expect.poll(() => editors.visibleText(editors.sourceEditor)).toContain('"name": "start"');
  await expect.poll(() => editors.visibleText(editors.sourceEditor)).toContain('"id": "6"');

  // Undo (a document change too) brings the first rule's text back.
  await app.undoButton.click();
  await expect.poll(() => editors.visibleText(editors.sourceEditor)).toContain('"name": "second_view"');
});

test("invalid JSON shows its error with the line, and the canvas keeps the last valid rule", async ({
  page,
  app,
  designer,
  editors,
}) => {
  await app.showRightTab("source");
  await editors.expectSourceReady();
  const before = await app.exportActiveRule();
  // Line 2 is `  "id": "1",`: without its comma the next member is a syntax error at line 3.
  await editors.deleteLastCharacterOfLine(2);

  await expect(editors.sourceStatus).toHaveText("Not applied: 1 error");
  await expect(editors.sourceBanner).toContainText("The canvas shows the last valid version");
  await expect(editors.sourceProblems).toContainText(/3:3\s*expected ','/);
  await expect(editors.errorMarks(editors.sourceEditor).first()).toBeVisible();
  await expect(designer.node("first_view")).toBeVisible();
  expect(await app.exportActiveRule()).toEqual(before);
  await page.screenshot({ path: "test-results/screens/editors-source-invalid.png" });

  // A change from elsewhere never overwrites the unapplied text; Discard shows the rule as it is.
  await designer.clickNode("second_view");
  await app.runCommand("deleteSelection");
  await expect(designer.node("second_view")).toHaveCount(0);
  await app.showRightTab("source");
  await expect(editors.sourceBanner).toContainText("also changed elsewhere");
  await expect(editors.sourceStatus).toHaveText("Not applied: 1 error");
  await editors.sourceDiscard.click();
  await expect(editors.sourceStatus).toHaveText("In sync with the canvas");
  await expect(editors.sourceBanner).toHaveCount(0);
  await expect.poll(() => editors.visibleText(editors.sourceEditor)).toContain('"name": "first_view"');
  expect(await activeStageNames(app)).toEqual(["first_view"]);
});

test("an unapplied source text survives a reload of the tab, and still says when the rule changed meanwhile", async ({
  page,
  app,
  designer,
  editors,
}) => {
  await app.showRightTab("source");
  await editors.expectSourceReady();
  await editors.deleteLastCharacterOfLine(2);
  await expect(editors.sourceStatus).toHaveText("Not applied: 1 error");

  await page.reload();
  await app.showRightTab("source");
  await expect(editors.sourceStatus).toHaveText("Not applied: 1 error");
  await expect(editors.sourceProblems).toContainText(/3:3\s*expected ','/);
  await expect(editors.sourceBanner).not.toContainText("also changed elsewhere");

  // The rule changes elsewhere, then another reload: the draft knows it was written against the old rule.
  await designer.clickNode("second_view");
  await app.runCommand("deleteSelection");
  await page.reload();
  await app.showRightTab("source");
  await expect(editors.sourceBanner).toContainText("also changed elsewhere");
  await editors.sourceDiscard.click();
  await expect(editors.sourceStatus).toHaveText("In sync with the canvas");
  await page.reload();
  await app.showRightTab("source");
  await expect(editors.sourceStatus).toHaveText("In sync with the canvas");
});

test("a condition's syntax error is shown with its line and column", async ({
  page,
  app,
  designer,
  editors,
  inspector,
}) => {
  await designer.clickNode("first_view");
  await expect(page.getByTestId("inspector.stage.name")).toHaveValue("first_view");
  await inspector.setExpressionCondition("price > 10 && eventType = 'view'");

  const editor = page.getByTestId("inspector.stage.condition.expression");
  const error = page.getByTestId("inspector.stage.condition.expression.error");
  await expect(error).toHaveText("Line 1, column 25: assignment '=' is not supported; use '==' to compare");
  await expect(editors.errorMarks(editor).first()).toBeVisible();
  await app.screenshot("editors-condition-error");

  await inspector.typeExpression("inspector.stage.condition.expression", "price > 10 && eventType == 'view'");
  await expect(error).toBeHidden();
  await expect(designer.node("first_view")).toContainText("eventType");
});

test("the SQL preview refuses NO_SKIP with a plain note; other strategies and Java export code", async ({
  page,
  app,
  editors,
}) => {
  // Room for the whole query: Monaco draws only the lines in view.
  await page.getByTestId("app.toggleDock").click();
  await app.showRightTab("export");
  await editors.showExportCode();
  await editors.chooseExportTarget("sql");

  await expect(editors.exportRefusal).toContainText("Flink SQL cannot express this rule");
  await expect(editors.exportCodeNotes).toContainText(
    "after-match NO_SKIP has no equivalent in Apache Flink SQL",
  );
  await expect(editors.exportCode.getByTestId("export.code.download")).toBeDisabled();

  await editors.chooseAfterMatch("SKIP_PAST_LAST_EVENT");
  await expect(editors.exportCodeEditor).toHaveAttribute("data-ready", "true");
  await expect.poll(() => editors.visibleText(editors.exportCodeEditor)).toContain("MATCH_RECOGNIZE");
  await expect
    .poll(() => editors.visibleText(editors.exportCodeEditor))
    .toContain("AFTER MATCH SKIP PAST LAST ROW");
  await app.screenshot("editors-export-sql");

  await editors.chooseExportTarget("java");
  await expect
    .poll(() => editors.visibleText(editors.exportCodeEditor))
    .toContain("public final class Rule1Pattern");
  await expect.poll(() => editors.visibleText(editors.exportCodeEditor)).toContain('begin("first_view"');
  await app.screenshot("editors-export-java");
});

test("downloads save the rule's JSON and the SQL query as files", async ({ app, editors }) => {
  await app.showRightTab("export");
  await editors.showExportJson();
  const json = await editors.download("export.json");
  expect(json.suggestedFilename()).toBe("1.json");
  const saved: unknown = JSON.parse(await readFile(await json.path(), "utf8"));
  expect(saved).toEqual(await app.exportActiveRule());

  await editors.showExportCode();
  await editors.chooseExportTarget("sql");
  await editors.chooseAfterMatch("SKIP_TO_NEXT");
  const sql = await editors.download("export.code");
  expect(sql.suggestedFilename()).toBe("1.sql");
  expect(await readFile(await sql.path(), "utf8")).toContain("AFTER MATCH SKIP TO NEXT ROW");
});
