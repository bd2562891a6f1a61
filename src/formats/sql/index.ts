/** Flink SQL MATCH_RECOGNIZE export. */
export { exportSql } from "./exportSql.ts";
export type { SqlExport, SqlExportOptions, SqlMeasure } from "./exportSql.ts";
export type { ExportNote } from "../exportNote.ts";
