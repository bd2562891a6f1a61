/**
 * What an exporter tells the user about its output: errors (the output is missing or would be
 * wrong), warnings (the output runs but differs from the rule in a way the user must accept)
 * and information. Shared by the Java and SQL exporters.
 */

/** One remark about an export, naming the stage it concerns (null = the whole pattern). */
export interface ExportNote {
  readonly severity: "error" | "warning" | "info";
  readonly stage: string | null;
  readonly message: string;
}

/** Collects notes while an exporter walks a pattern. */
export class ExportNotes {
  readonly list: ExportNote[] = [];

  error(stage: string | null, message: string): void {
    this.list.push({ severity: "error", stage, message });
  }
  warning(stage: string | null, message: string): void {
    this.list.push({ severity: "warning", stage, message });
  }
  info(stage: string | null, message: string): void {
    this.list.push({ severity: "info", stage, message });
  }
  get hasErrors(): boolean {
    return this.list.some((note) => note.severity === "error");
  }
}
