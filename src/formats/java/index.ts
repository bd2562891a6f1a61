/** Java Pattern API export. */
export { exportJava } from "./exportJava.ts";
export type { JavaExport, JavaExportOptions } from "./exportJava.ts";
export type { ExportNote } from "../exportNote.ts";
export type { JavaTarget } from "./javaSyntax.ts";
