/**
 * One rule in the rule list: enabled toggle, then a button that makes it the active rule, showing
 * id, version, whether it changed since it was published, its stage chain and function label.
 */
import type { KeyboardEvent, Ref } from "react";
import { simpleClassName } from "../designer/conditionSummary.ts";
import { changedSincePublish } from "../document/edits/publishEdits.ts";
import type { DocumentRule } from "../document/studioDocument.ts";
import { chainText } from "../templates/templateSummary.ts";
import { revealHiddenCharacters } from "../model/hiddenCharacters.ts";
import { VisibleSentence, VisibleText } from "../ui/text/VisibleText.tsx";
import { stageChain } from "../model/stageChain.ts";

export interface RuleRowProps {
  readonly entry: DocumentRule;
  readonly active: boolean;
  /** Shares its id with another rule (a rule-set problem). */
  readonly clashing: boolean;
  readonly buttonRef: Ref<HTMLButtonElement>;
  readonly onActivate: () => void;
  readonly onToggleEnabled: (enabled: boolean) => void;
  readonly onKeyDown: (event: KeyboardEvent<HTMLButtonElement>) => void;
}

function publishState(entry: DocumentRule): { className: string; text: string } | null {
  if (entry.published === null) return { className: "ruleset-dot--never", text: "Never published" };
  if (changedSincePublish(entry)) {
    return {
      className: "ruleset-dot--changed",
      text: `Changed since version ${entry.published.version} was published`,
    };
  }
  return null;
}

/** A rule row. */
export function RuleRow(props: RuleRowProps) {
  const { entry, active, clashing, buttonRef, onActivate, onToggleEnabled, onKeyDown } = props;
  const { rule } = entry;
  const dot = publishState(entry);
  return (
    <li
      className={`ruleset-row${active ? " ruleset-row--active" : ""}${entry.enabled ? "" : " ruleset-row--disabled"}`}
      data-testid={`ruleset.row.${entry.key}`}
      data-rule-id={rule.id}
    >
      <input
        type="checkbox"
        className="ruleset-row__enabled"
        checked={entry.enabled}
        aria-label={`Rule ${revealHiddenCharacters(rule.id)} enabled`}
        title={entry.enabled ? "Enabled: runs in the simulator" : "Disabled: not run, not published"}
        data-testid={`ruleset.enabled.${entry.key}`}
        onChange={(event) => {
          onToggleEnabled(event.currentTarget.checked);
        }}
      />
      <button
        ref={buttonRef}
        type="button"
        className="ruleset-row__select"
        aria-current={active ? "true" : undefined}
        tabIndex={active ? 0 : -1}
        data-testid={`ruleset.select.${entry.key}`}
        onClick={onActivate}
        onKeyDown={onKeyDown}
      >
        <span className="ruleset-row__head">
          <span className={`ruleset-row__id${clashing ? " ruleset-row__id--clash" : ""}`}>
            Rule <VisibleText text={rule.id} />
            {clashing && <span className="ruleset-row__clash"> (id clash)</span>}
          </span>
          <span className="ruleset-row__version" data-testid={`ruleset.version.${entry.key}`}>
            v{rule.version}
          </span>
          {dot && (
            <span
              className={`ruleset-dot ${dot.className}`}
              title={dot.text}
              data-testid={`ruleset.dot.${entry.key}`}
            >
              <span className="app-visually-hidden">{dot.text}</span>
            </span>
          )}
          <span
            className="ruleset-row__function"
            title={rule.function === null ? "no process function" : revealHiddenCharacters(rule.function)}
          >
            {rule.function === null ? "no function" : <VisibleText text={simpleClassName(rule.function)} />}
          </span>
        </span>
        <span className="ruleset-row__chain">
          <VisibleSentence
            text={chainText(rule)}
            names={stageChain(rule.pattern).links.map((link) => link.node.name)}
          />
        </span>
      </button>
    </li>
  );
}
