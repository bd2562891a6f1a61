/**
 * Page object for the app shell: loading the app, the `window.__cepTest` hook, the header's
 * history buttons, the right panel's tabs, the message banner, and the offline guarantee.
 */
import { expect } from "@playwright/test";
import type { Locator, Page } from "@playwright/test";

/**
 * The shape of `window.__cepTest` (src/app/testApi.ts) as the specs use it. Declared here because
 * e2e code compiles without the DOM library and outside the app's project.
 */
interface CepTestHook {
  getDocument(): unknown;
  exportActiveRule(): unknown;
  runCommand(id: string): boolean;
  loadRuleSet(json: unknown): void;
}

declare global {
  var __cepTest: CepTestHook | undefined;
}

/** Origins a CEP Studio page may talk to: itself, and in-page blob:/data: URLs. */
function isLocalRequest(url: string, baseURL: string): boolean {
  return url.startsWith(baseURL) || url.startsWith("blob:") || url.startsWith("data:");
}

export class AppPage {
  /** Every request that left the page for another origin, recorded since construction. */
  readonly externalRequests: string[] = [];
  readonly pageErrors: string[] = [];

  constructor(
    readonly page: Page,
    baseURL = "http://127.0.0.1:4173",
  ) {
    page.on("request", (request) => {
      if (!isLocalRequest(request.url(), baseURL)) this.externalRequests.push(request.url());
    });
    page.on("pageerror", (error) => this.pageErrors.push(error.message));
  }

  /** Opens the app (optionally at a URL with a share fragment) and waits for the shell. */
  async open(path = "/"): Promise<void> {
    await this.page.goto(path);
    await expect(this.page.getByTestId("inspector")).toBeVisible();
  }

  /** The active rule as dynamic-CEP JSON, read through `globalThis.__cepTest`. */
  exportActiveRule(): Promise<unknown> {
    return this.page.evaluate(() => globalThis.__cepTest?.exportActiveRule() ?? null);
  }

  /** The whole document as plain JSON. */
  document(): Promise<unknown> {
    return this.page.evaluate(
      () => JSON.parse(JSON.stringify(globalThis.__cepTest?.getDocument() ?? null)) as unknown,
    );
  }

  /**
   * The document text persistence last wrote to IndexedDB (database "cep-studio", store
   * "documents", key "document"), or null before the first save.
   */
  savedDocumentText(): Promise<string | null> {
    // A string expression: e2e code compiles without the DOM library's IndexedDB types.
    return this.page.evaluate<string | null>(`new Promise((resolve, reject) => {
      const open = indexedDB.open("cep-studio");
      open.onerror = () => reject(new Error("IndexedDB does not open"));
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains("documents")) {
          db.close();
          resolve(null);
          return;
        }
        const get = db.transaction("documents").objectStore("documents").get("document");
        get.onsuccess = () => {
          db.close();
          resolve(typeof get.result === "string" ? get.result : null);
        };
      };
    })`);
  }

  /**
   * The copies of unsaved changes persistence keeps in localStorage, one per page load
   * (`cep-studio:unsaved:<page load>`), while a page is hidden with a change IndexedDB does not
   * hold yet: their stored values, in key order.
   */
  unsavedCopies(): Promise<string[]> {
    return this.page.evaluate<string[]>(
      `Object.keys(localStorage).filter((k) => k.startsWith("cep-studio:unsaved")).sort().map((k) => localStorage.getItem(k))`,
    );
  }

  /** The unsaved copies' stored values (see {@link unsavedCopies}), joined, or null when there is none. */
  async unsavedCopyText(): Promise<string | null> {
    const copies = await this.unsavedCopies();
    return copies.length === 0 ? null : copies.join("\n");
  }

  /** Runs a registered command on the current selection. */
  async runCommand(id: string): Promise<void> {
    const ran = await this.page.evaluate(
      (commandId) => globalThis.__cepTest?.runCommand(commandId) ?? false,
      id,
    );
    expect(ran, `command ${id} ran`).toBe(true);
  }

  /** Replaces the document's rules with a rule file's JSON value. */
  async loadRuleSet(json: unknown): Promise<void> {
    await this.page.evaluate((value) => {
      globalThis.__cepTest?.loadRuleSet(value);
    }, json);
  }

  get undoButton(): Locator {
    return this.page.getByTestId("app.undo");
  }

  get redoButton(): Locator {
    return this.page.getByTestId("app.redo");
  }

  /** Shows one of the right panel's tabs: "inspector", "source" or "export". */
  async showRightTab(id: "inspector" | "source" | "export"): Promise<void> {
    await this.page.getByTestId(`app.right.tab.${id}`).click();
  }

  /** The right panel's status while a tab's chunk loads ("loading") or after it failed ("error"). */
  rightPanelStatus(kind: "loading" | "error"): Locator {
    return this.page.getByTestId(`app.right.panel.${kind}`);
  }

  get banner(): Locator {
    return this.page.getByTestId("app.banner");
  }

  /**
   * Saves a screenshot for a person to look at (not compared by the tests), in
   * `$CEP_SCREENS` or `test-results/screens`.
   */
  async screenshot(name: string): Promise<void> {
    const dir = process.env.CEP_SCREENS ?? "test-results/screens";
    await this.page.screenshot({ path: `${dir}/${name}.png` });
  }

  /** Asserts nothing left the page and no script error occurred. */
  expectCleanRun(): void {
    expect(this.externalRequests, "requests to other origins").toEqual([]);
    expect(this.pageErrors, "uncaught page errors").toEqual([]);
  }
}
