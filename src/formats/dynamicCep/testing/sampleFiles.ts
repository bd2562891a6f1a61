/**
 * The dynamic-CEP files the format tests read (`../testdata/`, see its README): every full
 * GraphSpec sample (verbatim and constructed) and the five seed rules, with readers for them.
 */
import { readFileSync } from "node:fs";

/** Samples that hold a whole GraphSpec (the `fragment-…` ones hold only a part). */
export const FULL_GRAPH_SAMPLES: readonly string[] = [
  "samples/karekin-flink_cep-GraphSpecTest-not-follow-window.json",
  "samples/karekin-flink_cep-init-sql-rule1-v1.json",
  "samples/karekin-flink_cep-init-sql-rule1-v2.json",
  "samples/karekin-flink_cep-init-sql-rule2-v1.json",
  "samples/constructed/c1-fail-loop-until-not-followed.json",
  "samples/constructed/c2-group-pattern.json",
  "samples/constructed/c3-conditions-not-next-times.json",
];

/** The seed rules `{id, version, pattern, function}`, as ../shared/scenarios holds them. */
export const SEED_RULE_FILES: readonly string[] = [1, 2, 3, 4, 5].map(
  (n) => `scenarios/scenario${n}.rule.json`,
);

/** A test-data file's text. */
export function fixtureText(name: string): string {
  return readFileSync(new URL(`../testdata/${name}`, import.meta.url), "utf8");
}

/** A test-data file's JSON value. */
export function fixture(name: string): unknown {
  return JSON.parse(fixtureText(name));
}
