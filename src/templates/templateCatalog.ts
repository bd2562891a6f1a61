/**
 * The template gallery's catalog: the five seed scenarios, seed 001's two action patterns and the
 * common shapes, in that order. Pure data built once; the catalog's tests check that every rule
 * round-trips through dynamic-CEP JSON, passes Flink's pattern rules and compiles.
 */
import { seed001Templates } from "./seed001Templates.ts";
import { seedScenarioTemplates } from "./seedTemplates.ts";
import { shapeTemplates } from "./shapeTemplates.ts";
import type { Template, TemplateGroup } from "./template.ts";

/** Every template, grouped: seed scenarios, seed 001, common shapes. */
export const templateCatalog: readonly Template[] = [
  ...seedScenarioTemplates(),
  ...seed001Templates(),
  ...shapeTemplates(),
];

/** Gallery section headings, in display order. */
export const TEMPLATE_GROUPS: readonly { readonly group: TemplateGroup; readonly title: string }[] = [
  { group: "seed", title: "Seed scenarios (dynamic CEP e-commerce demo)" },
  { group: "seed001", title: "Seed 001: action patterns" },
  { group: "shape", title: "Common shapes" },
];
