/**
 * Page object for getting rules in and out of the document: the import dialog (paste, file
 * picker, drag-and-drop, bindings step, append / replace), the template gallery, the share
 * dialog and the rule-set panel — plus reading what the canvas drew, so a spec can compare the
 * drawing with the JSON it imported.
 */
import { expect } from "@playwright/test";
import type { Locator, Page } from "@playwright/test";

/** Flink's Pattern API word for each edge contiguity, as the canvas labels edges. */
const CONTIGUITY_WORDS: Readonly<Record<string, string>> = {
  STRICT: "next",
  SKIP_TILL_NEXT: "followedBy",
  SKIP_TILL_ANY: "followedByAny",
  NOT_NEXT: "notNext",
  NOT_FOLLOW: "notFollowedBy",
};

/** What a GraphSpec should look like on the canvas: stage keys and edges with their labels. */
export interface ExpectedDrawing {
  /** `designer.node.<stage key>` test ids' keys (`group/inner` inside groups), sorted. */
  readonly nodes: readonly string[];
  /** `designer.edge.<path/source>.<target>` keys → label text, sorted by key. */
  readonly edges: readonly (readonly [string, string])[];
}

interface JsonGraph {
  readonly name: string;
  readonly nodes?: readonly JsonGraph[];
  readonly edges?: readonly { readonly source: string; readonly target: string; readonly type: string }[];
}

function isGraph(value: unknown): value is JsonGraph {
  return typeof value === "object" && value !== null && "name" in value;
}

/** The drawing a GraphSpec (or a rule's `pattern`) should produce, read from the JSON itself. */
export function expectedDrawing(json: unknown): ExpectedDrawing {
  const graph = isGraph(json) && "nodes" in json ? json : (json as { pattern: JsonGraph }).pattern;
  const nodes: string[] = [];
  const edges: [string, string][] = [];
  const visit = (g: JsonGraph, path: readonly string[]) => {
    for (const node of g.nodes ?? []) {
      nodes.push([...path, node.name].join("/"));
      if (node.nodes) visit(node, [...path, node.name]);
    }
    for (const edge of g.edges ?? []) {
      edges.push([
        `${[...path, edge.source].join("/")}.${edge.target}`,
        CONTIGUITY_WORDS[edge.type] ?? edge.type,
      ]);
    }
  };
  visit(graph, []);
  return { nodes: nodes.sort(), edges: edges.sort(([a], [b]) => a.localeCompare(b)) };
}

/** Sub-element test ids under a node or edge (`designer.node.x.count`) — not nodes themselves. */
const PART_SUFFIX = /\.(count|quantifier|diagnostics)$/;

/** The browser's DataTransfer, declared here because e2e code compiles without the DOM library. */
declare const DataTransfer: new () => { readonly items: { add(file: File): unknown } };

export class ImportPage {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByTestId("import.dialog");
  }

  get errors(): Locator {
    return this.page.getByTestId("import.errors");
  }

  get warnings(): Locator {
    return this.page.getByTestId("import.warnings");
  }

  get bindingsStep(): Locator {
    return this.page.getByTestId("import.bindings");
  }

  bindingInput(className: string): Locator {
    return this.page.getByTestId(`import.binding.${className}`);
  }

  async openImport(): Promise<void> {
    await this.page.getByTestId("import.button").click();
    await expect(this.dialog).toBeVisible();
  }

  /** Pastes `text` into the dialog and reads it (the dialog must be open). */
  async paste(text: string): Promise<void> {
    await this.page.getByTestId("import.paste").fill(text);
    await this.page.getByTestId("import.readPasted").click();
  }

  /** Picks a file through the dialog's file input (the dialog must be open). */
  async chooseFile(path: string): Promise<void> {
    await this.page.getByTestId("import.fileInput").setInputFiles(path);
  }

  /** Picks a file named `name` holding `text` through the dialog's file input (the dialog must be open). */
  async chooseFileWithText(name: string, text: string): Promise<void> {
    await this.page
      .getByTestId("import.fileInput")
      .setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(text) });
  }

  /** Drags a file with `text` over the window and drops it, as a user dropping a .json file. */
  async dropFile(name: string, text: string): Promise<void> {
    const transfer = await this.page.evaluateHandle(
      ([fileName, content]) => {
        const data = new DataTransfer();
        data.items.add(new File([content], fileName, { type: "application/json" }));
        return data;
      },
      [name, text] as const,
    );
    await this.page.dispatchEvent("body", "dragenter", { dataTransfer: transfer });
    await expect(this.page.getByTestId("import.dropOverlay")).toBeVisible();
    await this.page.dispatchEvent("body", "dragover", { dataTransfer: transfer });
    await this.page.dispatchEvent("body", "drop", { dataTransfer: transfer });
    await expect(this.page.getByTestId("import.dropOverlay")).toBeHidden();
  }

  /** Confirms the review step with "append" or "replace" and waits for the dialog to close. */
  /** Opens Import, pastes `text` and confirms it with `mode`. */
  async importText(text: string, mode: "append" | "replace"): Promise<void> {
    await this.openImport();
    await this.paste(text);
    await this.confirm(mode);
  }

  async confirm(mode: "append" | "replace"): Promise<void> {
    await expect(this.page.getByTestId("import.review")).toBeVisible();
    await this.page.getByTestId(`import.mode.${mode}`).check();
    await this.page.getByTestId("import.confirm").click();
    await expect(this.dialog).toBeHidden();
  }

  /** The dialog's paste box. */
  get pasteBox(): Locator {
    return this.page.getByTestId("import.paste");
  }

  /** The muted "Draft kept from last time" line shown when the dialog opens with a kept draft. */
  get draftNote(): Locator {
    return this.page.getByTestId("import.draft");
  }

  /** Focuses the paste box and types `text` key by key at the end of its text, as a person would. */
  async typeInPasteBox(text: string): Promise<void> {
    await this.pasteBox.focus();
    await this.page.keyboard.press("Control+End");
    await this.page.keyboard.type(text);
  }

  /** Focuses the paste box and inserts `text` in one input, as a clipboard paste does. */
  async pasteIntoPasteBox(text: string): Promise<void> {
    await this.pasteBox.focus();
    await this.page.keyboard.insertText(text);
  }

  /** Presses Escape and waits for the dialog to close. */
  async closeWithEscape(): Promise<void> {
    await this.page.keyboard.press("Escape");
    await expect(this.dialog).toBeHidden();
  }

  /** Clicks the draft line's Clear button. */
  async clearDraft(): Promise<void> {
    await this.page.getByTestId("import.clearDraft").click();
  }

  /** Opens the template gallery. */
  async openTemplates(): Promise<void> {
    await this.page.getByTestId("templates.button").click();
    await expect(this.page.getByTestId("templates.dialog")).toBeVisible();
  }

  /** Uses template `id` from the open gallery. */
  async useTemplate(id: string, mode: "append" | "replace"): Promise<void> {
    await this.page.getByTestId(`templates.${mode === "append" ? "add" : "replace"}.${id}`).click();
    await expect(this.page.getByTestId("templates.dialog")).toBeHidden();
  }

  /** Opens the Share dialog (the header's Share: the rule set's link). */
  async openShare(): Promise<void> {
    await this.page.getByTestId("share.button").click();
    await expect(this.page.getByTestId("share.dialog")).toBeVisible();
  }

  /** The rule rows of the rule-set panel, in order. */
  get ruleRows(): Locator {
    return this.page.locator('[data-testid^="ruleset.row."]');
  }

  /** What the canvas draws now: node keys and edges with label texts, sorted as {@link expectedDrawing}. */
  async drawing(): Promise<ExpectedDrawing> {
    await expect(this.page.getByTestId("designer.canvas")).toBeVisible();
    const nodes: string[] = [];
    for (const el of await this.page.locator('[data-testid^="designer.node."]').all()) {
      const id = (await el.getAttribute("data-testid")) ?? "";
      if (!PART_SUFFIX.test(id)) nodes.push(id.slice("designer.node.".length));
    }
    const edges: [string, string][] = [];
    for (const el of await this.page.locator('[data-testid^="designer.edge."]').all()) {
      const id = (await el.getAttribute("data-testid")) ?? "";
      if (PART_SUFFIX.test(id)) continue;
      // The label's own word, without its ⊘ marker and validation badge (`!`, `▲`, a count).
      const word = (await el.innerText()).replace(/[⊘!▲\d\s]/gu, "");
      edges.push([id.slice("designer.edge.".length), word]);
    }
    return { nodes: nodes.sort(), edges: edges.sort(([a], [b]) => a.localeCompare(b)) };
  }

  /** Waits until the canvas draws exactly `expected`. */
  async expectDrawing(expected: ExpectedDrawing): Promise<void> {
    await expect.poll(() => this.drawing()).toEqual(expected);
  }
}
