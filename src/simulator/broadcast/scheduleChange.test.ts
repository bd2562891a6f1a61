/**
 * The broadcast schedule in the document's undo history: a gesture that changes the rules and
 * the schedule is one undo step for both.
 */
import { describe, expect, it } from "vitest";
import { changeDocument, documentStore, redo, undo } from "../../document/documentStore.ts";
import { findRule } from "../../document/documentQueries.ts";
import { broadcastStore, scheduleChange, setDraft } from "./broadcastStore.ts";
import { scheduleRuleVersion } from "./scheduleRule.ts";

describe("scheduleChange", () => {
  it("one undo takes back a scheduled rule version and its record; redo brings both again", () => {
    const start = documentStore.getState().doc;
    const key = start.activeRuleKey ?? "";
    setDraft("[]\n");
    const outcome = scheduleRuleVersion(start, key, "[]\n", 60_000, 1);
    if (!outcome.ok) throw new Error(outcome.error);
    changeDocument(() => outcome.doc, {
      linked: scheduleChange({ draft: "[]\n" }, { draft: outcome.schedule }),
    });
    setDraft(outcome.schedule);
    expect(findRule(documentStore.getState().doc, key)?.published?.version).toBe(2);

    undo();
    expect(documentStore.getState().doc).toBe(start);
    expect(broadcastStore.getState().draft).toBe("[]\n");

    redo();
    expect(findRule(documentStore.getState().doc, key)?.published?.version).toBe(2);
    expect(broadcastStore.getState().draft).toBe(outcome.schedule);
    expect(outcome.schedule).toContain('"version":2');
  });

  it("leaves the run's schedule alone when the change only edited the text", () => {
    broadcastStore.setState({ draft: "[]\n", applied: "[run]" });
    changeDocument((doc) => doc, { linked: scheduleChange({ draft: "[]\n" }, { draft: "[edited]" }) });
    setDraft("[edited]");
    undo();
    expect(broadcastStore.getState()).toMatchObject({ draft: "[]\n", applied: "[run]" });
  });
});
