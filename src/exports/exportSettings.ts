/**
 * The export panel's choices (what to show, SQL and Java options), kept while the page lives so
 * they survive switching panels and opening the larger export dialog. Not part of the document:
 * never undone, never saved.
 */
import { createStore } from "zustand/vanilla";
import { useStore } from "zustand";
import { DEFAULT_JAVA_SETTINGS, DEFAULT_SQL_SETTINGS } from "./exportPreview.ts";
import type { JavaSettings, SqlSettings } from "./exportPreview.ts";

/** The panel's settings. */
export interface ExportSettings {
  /** The JSON side: the active rule, or the enabled rules as one array. */
  readonly jsonScope: "rule" | "ruleSet";
  /** The code side. */
  readonly target: "sql" | "java";
  /** In a narrow panel one side shows at a time: the JSON or the code. */
  readonly narrowSide: "json" | "code";
  readonly sql: SqlSettings;
  readonly java: JavaSettings;
}

const exportSettingsStore = createStore<ExportSettings>()(() => ({
  jsonScope: "rule",
  target: "sql",
  narrowSide: "json",
  sql: DEFAULT_SQL_SETTINGS,
  java: DEFAULT_JAVA_SETTINGS,
}));

/** The current settings (re-renders on change). */
export function useExportSettings(): ExportSettings {
  return useStore(exportSettingsStore);
}

/** Changes some settings. */
export function updateExportSettings(change: Partial<ExportSettings>): void {
  exportSettingsStore.setState(change);
}
