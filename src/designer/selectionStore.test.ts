import { describe, expect, it } from "vitest";
import { changeDocument, documentStore, undo } from "../document/documentStore.ts";
import { setActiveRule, updateRule } from "../document/edits/ruleEdits.ts";
import { deleteStages } from "../document/edits/stageEdits.ts";
import { select, selectionStore } from "./selectionStore.ts";

describe("selectionStore", () => {
  it("follows the document: a new active rule clears it, deleted stages drop out of it", () => {
    const { doc } = documentStore.getState();
    const [first, second] = doc.rules;
    if (!first || !second) throw new Error("the default document has five rules");
    const names = first.rule.pattern.nodes.map((n) => n.name);
    select({ type: "stages", graphPath: [], names });
    expect(selectionStore.getState().selection).toEqual({ type: "stages", graphPath: [], names });

    const [gone, kept] = names;
    if (gone === undefined || kept === undefined) throw new Error("rule 1 has two stages");
    changeDocument((d) => updateRule(d, first.key, (r) => deleteStages(r, [], [gone])));
    expect(selectionStore.getState().selection).toEqual({ type: "stages", graphPath: [], names: [kept] });
    undo();

    changeDocument((d) => setActiveRule(d, second.key), { history: "skip" });
    expect(selectionStore.getState()).toEqual({ selection: { type: "none" }, ruleKey: second.key });
  });
});
