/**
 * Reads a picked or dropped rule file as text, refusing oversized files before reading them so a
 * stray video dropped on the window never freezes the tab.
 */
import type { ImportFileProblem, ImportSource } from "./importDialogStore.ts";
import { MAX_IMPORT_CHARS } from "./importPlan.ts";

/** The file's text, or why it cannot be imported. */
export async function readImportFile(file: File): Promise<ImportSource | ImportFileProblem> {
  // UTF-8 spends at most 3 bytes per UTF-16 code unit, so a file of more than 3 × the bound holds
  // more characters than the importer accepts; the exact bound is checked on the text.
  if (file.size > MAX_IMPORT_CHARS * 3) {
    return {
      fileName: file.name,
      message: `the file is ${formatBytes(file.size)}, too large for a rule file`,
    };
  }
  try {
    return { fileName: file.name, text: await file.text() };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { fileName: file.name, message: `the file could not be read: ${detail}` };
  }
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
