/** Commands on the document and the active rule: history, new rule, publish, automatic layout. */
import { layoutRule } from "../../designer/layout.ts";
import { changeDocument, documentStore, redo, undo } from "../documentStore.ts";
import { publishBlocker, publishRule } from "../edits/publishEdits.ts";
import { addRule, setPositions } from "../edits/ruleEdits.ts";
import { currentRule } from "./activeRuleAccess.ts";
import type { Command } from "./commandTypes.ts";

export const ruleCommands: readonly Command[] = [
  {
    id: "undo",
    label: "Undo",
    keys: ["Mod+Z"],
    isAvailable: () => documentStore.getState().canUndo,
    run: undo,
  },
  {
    id: "redo",
    label: "Redo",
    keys: ["Mod+Shift+Z", "Mod+Y"],
    isAvailable: () => documentStore.getState().canRedo,
    run: redo,
  },
  {
    id: "addRule",
    label: "New rule",
    run() {
      changeDocument(addRule);
    },
  },
  {
    id: "publishRule",
    label: "Publish rule",
    // The same verdict as the rule list's Publish button: never a rule Flink would reject.
    isAvailable: () => publishBlocker(currentRule()) === null,
    run() {
      const rule = currentRule();
      if (rule) changeDocument((doc) => publishRule(doc, rule.key));
    },
  },
  {
    id: "autoLayout",
    label: "Arrange stages",
    isAvailable: () => currentRule() !== null,
    run() {
      const rule = currentRule();
      if (rule) changeDocument((doc) => setPositions(doc, rule.key, layoutRule(rule.rule)));
    },
  },
];
