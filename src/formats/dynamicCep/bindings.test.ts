import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatDiagnostic, loadBindings, parseBindingsText } from "./index.ts";

const scenarioBindings = readFileSync(new URL("./testdata/scenarios/bindings.json", import.meta.url), "utf8");

describe("loadBindings", () => {
  it("loads the seed scenarios' binding table", () => {
    const result = parseBindingsText(scenarioBindings, "bindings.json");
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.warnings).toEqual([]);
    expect(Object.keys(result.value)).toHaveLength(5);
    expect(result.value["com.alibaba.ververica.cep.demo.condition.CartAddCondition"]).toBe(
      "eventType == 'cart' && price > 200",
    );
  });

  it("rejects anything but an object of non-empty strings, with paths", () => {
    expect(loadBindings(["a"])).toEqual({
      ok: false,
      errors: [
        {
          path: "",
          message: 'expected a binding table {"<Java class name>": "<expression>", ...}, got an array',
        },
      ],
      warnings: [],
    });
    expect(loadBindings({ "com.x.A": 5, "com.x.B": " ", "com.x.C": "ok" })).toEqual({
      ok: false,
      errors: [
        { path: '["com.x.A"]', message: "expected the expression for com.x.A (a string), got 5" },
        { path: '["com.x.B"]', message: "the expression for com.x.B is empty" },
      ],
      warnings: [],
    });
  });

  it("warns about keys that cannot be Java class names", () => {
    expect(loadBindings({ "my condition": "x > 1", Outer$Inner: "y" })).toEqual({
      ok: true,
      value: { "my condition": "x > 1", Outer$Inner: "y" },
      warnings: [
        {
          path: '["my condition"]',
          message: '"my condition" is not a Java class name, so no CLASS condition can use this binding',
        },
      ],
    });
  });

  it("points errors in binding files at their line", () => {
    const result = parseBindingsText('{\n  "com.x.A": "a",\n  "com.x.B": null\n}', "b.json");
    expect(result.ok ? [] : result.errors.map(formatDiagnostic)).toEqual([
      'b.json:3:14: ["com.x.B"]: expected the expression for com.x.B (a string), got null',
    ]);
    expect(result.ok ? [] : result.errors.length).toBe(1);
  });
});
