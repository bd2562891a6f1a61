import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { importRule } from "../dynamicCep/index.ts";
import { seedBindings, seedRules } from "./seedRules.fixture.ts";

const seedDir = new URL("../../scenarios/seed/", import.meta.url);

/** The seed JSON with CLASS conditions spelled the model's way; everything else already matches. */
function modelShape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(modelShape);
  if (value === null || typeof value !== "object") return value;
  const record = value as Record<string, unknown>;
  if (record.type === "CLASS") return { type: "class", className: record.className };
  return Object.fromEntries(Object.entries(record).map(([key, item]) => [key, modelShape(item)]));
}

describe("seed rule fixture", () => {
  it.each([1, 2, 3, 4, 5] as const)("scenario %i matches the seed JSON", (n) => {
    const json: unknown = JSON.parse(readFileSync(new URL(`scenario${n}.rule.json`, seedDir), "utf8"));
    expect(seedRules[n]).toEqual(modelShape(json));
    const imported = importRule(json);
    expect(imported.ok && imported.value).toEqual(seedRules[n]);
  });

  it("bindings match the seed's bindings.json", () => {
    const json: unknown = JSON.parse(readFileSync(new URL("bindings.json", seedDir), "utf8"));
    expect(seedBindings).toEqual(json);
  });
});
