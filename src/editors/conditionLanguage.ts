/**
 * The `cep-condition` Monaco language: the Monarch colouring, completion (event fields, stage
 * names in `getEventsForPattern('…')`, `config.` keys, builtin functions with their docs), hover
 * docs and live error markers for every model of the language. The decisions are made by the
 * pure modules next to this one; this file only adapts them to Monaco's provider API.
 */
import type { editor, IDisposable, languages } from "monaco-editor/editor/editor.api.js";
import { activeRule } from "../document/documentQueries.ts";
import { documentStore } from "../document/documentStore.ts";
import type { GraphNode } from "../model/pattern.ts";
import { conditionCompletions } from "./conditionCompletion.ts";
import type { CompletionSources, ConditionCompletion } from "./conditionCompletion.ts";
import { conditionContextStore } from "./conditionContext.ts";
import { conditionProblem } from "./conditionDiagnostics.ts";
import { conditionHover } from "./conditionHover.ts";
import {
  CONDITION_LANGUAGE_ID,
  conditionLanguageConfiguration,
  conditionMonarch,
} from "./conditionMonarch.ts";
import type { MonacoApi } from "./monacoSetup.ts";

/** Owner of the condition markers (Monaco keeps markers per owner). */
const MARKER_OWNER = "cep-condition";

/** Stage names each condition model may reference, by model URI (set by `ConditionEditor`). */
const stageNamesByModel = new Map<string, readonly string[]>();

/** Tells completion which stages the condition in `model` may name in `getEventsForPattern`. */
export function setModelStageNames(model: editor.ITextModel, names: readonly string[]): void {
  stageNamesByModel.set(model.uri.toString(), names);
}

/** Registers the language and its providers once; Monaco keeps them for the page's lifetime. */
export function registerConditionLanguage(monaco: MonacoApi): void {
  monaco.languages.register({ id: CONDITION_LANGUAGE_ID, aliases: ["CEP condition", "Aviator"] });
  monaco.languages.setLanguageConfiguration(CONDITION_LANGUAGE_ID, conditionLanguageConfiguration);
  monaco.languages.setMonarchTokensProvider(CONDITION_LANGUAGE_ID, conditionMonarch);
  monaco.languages.registerCompletionItemProvider(CONDITION_LANGUAGE_ID, {
    triggerCharacters: [".", "'", '"', "("],
    provideCompletionItems(model, position, context) {
      const offset = model.getOffsetAt(position);
      const byCharacter = context.triggerKind === monaco.languages.CompletionTriggerKind.TriggerCharacter;
      const items = conditionCompletions(model.getValue(), offset, sourcesFor(model), byCharacter);
      return { suggestions: items.map((item) => toSuggestion(monaco, model, item)) };
    },
  });
  monaco.languages.registerHoverProvider(CONDITION_LANGUAGE_ID, {
    provideHover(model, position) {
      const hover = conditionHover(model.getValue(), model.getOffsetAt(position), sourcesFor(model));
      if (!hover) return null;
      return {
        range: rangeOf(monaco, model, hover.start, hover.end),
        contents: [{ value: fenced(hover.code) }, { value: escapeMarkdown(hover.text) }],
      };
    },
  });
  const watched = new Map<string, IDisposable>();
  const watch = (model: editor.ITextModel) => {
    if (model.getLanguageId() !== CONDITION_LANGUAGE_ID || watched.has(model.uri.toString())) return;
    const check = () => {
      updateMarkers(monaco, model);
    };
    watched.set(model.uri.toString(), model.onDidChangeContent(check));
    check();
  };
  monaco.editor.onDidCreateModel(watch);
  monaco.editor.onWillDisposeModel((model) => {
    const key = model.uri.toString();
    watched.get(key)?.dispose();
    watched.delete(key);
    stageNamesByModel.delete(key);
  });
  monaco.editor.getModels().forEach(watch);
}

function updateMarkers(monaco: MonacoApi, model: editor.ITextModel): void {
  const problem = conditionProblem(model.getValue());
  monaco.editor.setModelMarkers(
    model,
    MARKER_OWNER,
    problem === null
      ? []
      : [
          {
            severity: monaco.MarkerSeverity.Error,
            message: problem.detail,
            startLineNumber: problem.line,
            startColumn: problem.column,
            endLineNumber: problem.endLine,
            endColumn: problem.endColumn,
          },
        ],
  );
}

function sourcesFor(model: editor.ITextModel): CompletionSources {
  const { eventFields, configKeys } = conditionContextStore.getState();
  const stageNames = stageNamesByModel.get(model.uri.toString()) ?? activeStageNames();
  return { eventFields, configKeys, stageNames };
}

/** The atomic stage names of the rule on the canvas, groups' inner stages included. */
function activeStageNames(): readonly string[] {
  const rule = activeRule(documentStore.getState().doc);
  if (!rule) return [];
  const names: string[] = [];
  const visit = (graph: GraphNode) => {
    for (const node of graph.nodes) {
      if (node.type === "COMPOSITE") visit(node);
      else names.push(node.name);
    }
  };
  visit(rule.rule.pattern);
  return names;
}

/** Fields first, then stages and config keys, functions, keywords last. */
const SORT_GROUP: Readonly<Record<ConditionCompletion["kind"], number>> = {
  field: 0,
  stage: 1,
  config: 2,
  function: 3,
  keyword: 4,
};

function toSuggestion(
  monaco: MonacoApi,
  model: editor.ITextModel,
  item: ConditionCompletion,
): languages.CompletionItem {
  const kinds = monaco.languages.CompletionItemKind;
  const kind = {
    field: kinds.Field,
    function: kinds.Function,
    keyword: kinds.Keyword,
    stage: kinds.Reference,
    config: kinds.Constant,
  }[item.kind];
  const suggestion: languages.CompletionItem = {
    label: { label: item.label, description: item.detail },
    kind,
    insertText: item.insertText,
    detail: item.detail,
    documentation: item.documentation,
    range: rangeOf(monaco, model, item.start, item.end),
    sortText: `${SORT_GROUP[item.kind]}${item.label}`,
  };
  if (item.snippet) {
    suggestion.insertTextRules = monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet;
  }
  if (item.retrigger) suggestion.command = { id: "editor.action.triggerSuggest", title: "Suggest stages" };
  return suggestion;
}

function rangeOf(monaco: MonacoApi, model: editor.ITextModel, start: number, end: number) {
  const from = model.getPositionAt(start);
  const to = model.getPositionAt(end);
  return new monaco.Range(from.lineNumber, from.column, to.lineNumber, to.column);
}

/** A code block that no name can break out of (names come from the loaded data). */
function fenced(code: string): string {
  const fence = code.includes("```") ? "~~~~" : "```";
  return `${fence}${CONDITION_LANGUAGE_ID}\n${code}\n${fence}`;
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|~]/g, "\\$&");
}
