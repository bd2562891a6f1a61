import { changeDocument } from "../document/documentStore.ts";
import { setWindow, setSkipStrategy } from "../document/edits/patternEdits.ts";
import { setRuleFunction, setRuleId } from "../document/edits/ruleEdits.ts";
import type { DocumentRule } from "../document/studioDocument.ts";
import { useDocument } from "../document/useDocument.ts";
import type { SkipStrategyType } from "../model/pattern.ts";
import { DiagnosticsList } from "./DiagnosticsList.tsx";
import { editActiveRule } from "./editActiveRule.ts";
import { CommitTextField } from "./fields/CommitTextField.tsx";
import { LiveTextField } from "./fields/LiveTextField.tsx";
import { SelectField } from "./fields/SelectField.tsx";
import { InspectorSection } from "./InspectorSection.tsx";
import { WindowFields } from "./WindowFields.tsx";
import { revealHiddenCharacters } from "../model/hiddenCharacters.ts";

const SKIP_OPTIONS: readonly { readonly value: SkipStrategyType; readonly label: string }[] = [
  { value: "NO_SKIP", label: "noSkip()" },
  { value: "SKIP_TO_NEXT", label: "skipToNext()" },
  { value: "SKIP_PAST_LAST_EVENT", label: "skipPastLastEvent()" },
  { value: "SKIP_TO_FIRST", label: "skipToFirst(stage)" },
  { value: "SKIP_TO_LAST", label: "skipToLast(stage)" },
];

export interface PatternInspectorProps {
  readonly rule: DocumentRule;
  /** Every atomic stage name, in chain order where known (the skip strategy's stage picker). */
  readonly stageNames: readonly string[];
}

/** The rule as a whole: id, function, window, after-match skip strategy and Flink's verdict. */
export function PatternInspector({ rule, stageNames }: PatternInspectorProps) {
  const { key } = rule;
  const { pattern } = rule.rule;
  const duplicateId = useDocument((s) =>
    s.doc.rules.some((r) => r.key !== key && r.rule.id === rule.rule.id),
  );
  const skip = pattern.afterMatchStrategy;
  const namesStage = skip.type === "SKIP_TO_FIRST" || skip.type === "SKIP_TO_LAST";
  // An option shows text only: hidden characters in a name show as markers there.
  const stageOptions = stageNames.map((n) => ({ value: n, label: revealHiddenCharacters(n) }));
  return (
    <>
      <DiagnosticsList rule={rule} />
      <InspectorSection title="Rule" subtitle={`version ${rule.rule.version}`}>
        <CommitTextField
          label="Rule id"
          code
          value={rule.rule.id}
          testId="inspector.pattern.ruleId"
          validate={(id) => (id.trim() === "" ? "A rule needs an id." : null)}
          hint={
            duplicateId
              ? "Another rule has this id: Flink's rule discoverer would keep only the highest version."
              : undefined
          }
          onCommit={(id) => {
            changeDocument((doc) => setRuleId(doc, key, id));
          }}
        />
        <LiveTextField
          label="Process function"
          code
          value={rule.rule.function ?? ""}
          hint="The PatternProcessFunction class Flink runs for matches (a label here)."
          testId="inspector.pattern.function"
          onChange={(fn) => {
            changeDocument((doc) => setRuleFunction(doc, key, fn === "" ? null : fn), {
              mergeKey: `inspector.pattern.${key}.function`,
            });
          }}
        />
      </InspectorSection>
      <InspectorSection title="Window">
        <WindowFields
          window={pattern.window}
          testId="inspector.pattern"
          onChange={(window, field) => {
            editActiveRule(
              (r) => setWindow(r, [], window),
              field === null ? undefined : `inspector.pattern.${key}.window.${field}`,
            );
          }}
        />
      </InspectorSection>
      <InspectorSection title="After match" subtitle="AfterMatchSkipStrategy">
        <SelectField
          label="Skip strategy"
          value={skip.type}
          options={SKIP_OPTIONS}
          testId="inspector.pattern.skip"
          onChange={(type) => {
            const patternName = skip.patternName ?? stageNames[0] ?? null;
            editActiveRule((r) => setSkipStrategy(r, { type, patternName }));
          }}
        />
        {namesStage && (
          <SelectField
            label="Stage"
            value={skip.patternName ?? ""}
            options={
              skip.patternName === null || stageNames.includes(skip.patternName)
                ? stageOptions
                : [
                    {
                      value: skip.patternName,
                      label: `${revealHiddenCharacters(skip.patternName)} (no such stage)`,
                    },
                    ...stageOptions,
                  ]
            }
            testId="inspector.pattern.skipStage"
            onChange={(patternName) => {
              editActiveRule((r) => setSkipStrategy(r, { type: skip.type, patternName }));
            }}
          />
        )}
      </InspectorSection>
    </>
  );
}
