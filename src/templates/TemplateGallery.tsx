/**
 * The template gallery: one card per template, grouped (seed scenarios, seed 001, common shapes).
 * "Add to rule set" appends the template's rules; "Replace rule set" puts them in place of the
 * current rules; "Try it" replaces them and loads the template's demo data into the simulator.
 * Each is one undoable change, and the new rule becomes the active one.
 */
import { changeDocument } from "../document/documentStore.ts";
import { simulator } from "../simulator/controller/simulatorController.ts";
import { dataSpecOfTemplate } from "../simulator/data/templateData.ts";
import { ModalDialog } from "../importExport/ModalDialog.tsx";
import type { ImportMode } from "../importExport/importPlan.ts";
import { applyTemplate } from "./applyTemplate.ts";
import { CodeSpans } from "./CodeSpans.tsx";
import type { Template } from "./template.ts";
import { TEMPLATE_GROUPS, templateCatalog } from "./templateCatalog.ts";
import { chainText, dataHintText, patternFacts } from "./templateSummary.ts";
import "./TemplateGallery.css";

export interface TemplateGalleryProps {
  readonly onClose: () => void;
}

/** The gallery dialog. */
export function TemplateGallery({ onClose }: TemplateGalleryProps) {
  const apply = (template: Template, mode: ImportMode) => {
    changeDocument((doc) => applyTemplate(doc, template, mode));
    onClose();
  };
  const tryIt = (template: Template) => {
    apply(template, "replace");
    // Loading data restarts the run on the document's rules, which are now the template's.
    const spec = dataSpecOfTemplate(template.dataHint);
    if (spec !== null) void simulator().loadData(spec);
  };
  return (
    <ModalDialog title="Templates" testId="templates.dialog" onClose={onClose} size="wide">
      <p className="templates-intro">
        Start from a seed scenario or a common pattern shape. Adding keeps your rules; replacing swaps the
        whole rule set. Both can be undone.
      </p>
      {TEMPLATE_GROUPS.map(({ group, title }) => (
        <section key={group} className="templates-group" aria-label={title}>
          <h3 className="templates-group__title">{title}</h3>
          <ul className="templates-grid">
            {templateCatalog
              .filter((t) => t.group === group)
              .map((t) => (
                <TemplateCard key={t.id} template={t} onUse={apply} onTry={tryIt} />
              ))}
          </ul>
        </section>
      ))}
    </ModalDialog>
  );
}

interface TemplateCardProps {
  readonly template: Template;
  readonly onUse: (template: Template, mode: ImportMode) => void;
  readonly onTry: (template: Template) => void;
}

function TemplateCard({ template, onUse, onTry }: TemplateCardProps) {
  const titleId = `template-${template.id}-title`;
  return (
    <li className="templates-card" aria-labelledby={titleId} data-testid={`templates.card.${template.id}`}>
      <h4 id={titleId} className="templates-card__title">
        {template.title}
      </h4>
      {template.rules.map((rule, i) => (
        <p key={i} className="templates-card__chain">
          <code>{chainText(rule)}</code>
          <span className="templates-card__facts">{patternFacts(rule)}</span>
        </p>
      ))}
      <p className="templates-card__description">
        <CodeSpans text={template.description} />
      </p>
      <p className="templates-card__data">Demo data: {dataHintText(template.dataHint)}</p>
      <div className="templates-card__actions">
        <button
          type="button"
          className="app-button app-button--primary"
          data-testid={`templates.add.${template.id}`}
          onClick={() => {
            onUse(template, "append");
          }}
        >
          Add to rule set
        </button>
        <button
          type="button"
          className="app-button"
          data-testid={`templates.replace.${template.id}`}
          onClick={() => {
            onUse(template, "replace");
          }}
        >
          Replace rule set
        </button>
        <button
          type="button"
          className="app-button"
          data-testid={`templates.try.${template.id}`}
          title="Replace the rule set with this template and load its demo data into the simulator"
          onClick={() => {
            onTry(template);
          }}
        >
          Try it with its data
        </button>
      </div>
    </li>
  );
}
