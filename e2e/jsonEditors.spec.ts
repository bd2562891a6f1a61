/**
 * Typing into the app's Monaco editors, key by key and in one go as a paste does: JSON with
 * nested objects over all of the broadcast schedule's or the rule Source view's text raises no
 * page error (Monaco 0.57's token store lost the length of an empty line typed on, and reported
 * "Token length and text length do not match!" as `{` was typed: src/editors/emptyLineTokens.ts),
 * and typed spaces reach the editor (React Flow took Space for its pan key: EDITOR_KEYS_CLASS in
 * src/editors/editorOptions.ts).
 */
import { expect, test } from "./pages/fixtures.ts";

const SCHEDULE = '[{"at": 0, "config": {"minPrice": 100}}]';
const RULE = '{"id": "1", "version": 1, "pattern": {"nodes": [{"name": "a", "condition": {}}]}}';

for (const how of ["type", "insertText"] as const) {
  test(`the broadcast schedule takes nested JSON (${how})`, async ({ app, demo, panels, editors }) => {
    await expect(demo.position).toHaveText("event 0 / 4");
    await panels.openTab("broadcast");
    const editor = panels.byId("sim.broadcast.editor");
    await editors.typeOver(editor, SCHEDULE, how);
    await expect.poll(() => editors.visibleLine(editor)).toBe(SCHEDULE);
    app.expectCleanRun();
  });

  test(`the rule's Source view takes nested JSON (${how})`, async ({ app, editors }) => {
    await app.open();
    await app.showRightTab("source");
    await editors.expectSourceReady();
    await editors.typeOver(editors.sourceEditor, RULE, how);
    await expect.poll(() => editors.visibleLine(editors.sourceEditor)).toBe(RULE);
    app.expectCleanRun();
  });
}

test("a condition typed key by key keeps its spaces and nested parentheses", async ({
  app,
  designer,
  editors,
  inspector,
}) => {
  await app.open();
  await designer.clickNode("first_view");
  await inspector.choose("inspector.stage.condition.kind", "aviator");
  const editor = inspector.field("inspector.stage.condition.expression");
  const condition = "eventType == 'view' && (price > 100 || (brand == 'x'))";
  await editors.typeOver(editor, condition, "type");
  await expect.poll(() => editors.visibleLine(editor)).toBe(condition);
  app.expectCleanRun();
});
