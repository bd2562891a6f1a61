import { describe, expect, it } from "vitest";
import { templateCatalog } from "../../templates/templateCatalog.ts";
import { generatorProblem } from "./generatorSettings.ts";
import { dataSpecOfTemplate } from "./templateData.ts";

describe("dataSpecOfTemplate", () => {
  it("gives every template of the gallery loadable demo data", () => {
    for (const template of templateCatalog) {
      const spec = dataSpecOfTemplate(template.dataHint);
      expect(spec, template.id).not.toBeNull();
      if (spec?.type === "generator") expect(generatorProblem(spec.settings), template.id).toBeNull();
    }
  });

  it("loads a seed scenario's own clickstream for its template", () => {
    const spec = dataSpecOfTemplate({ kind: "seedCsv", scenario: "scenario2" });
    expect(spec?.type === "scenario" ? spec.scenario.id : null).toBe("scenario2");
  });

  it("keeps the hint's schema, seed, users and events for generated data", () => {
    const spec = dataSpecOfTemplate({
      kind: "generator",
      schema: "seed001",
      seed: 7,
      users: 20,
      events: 500,
    });
    expect(spec?.type === "generator" ? spec.settings : null).toMatchObject({
      schema: "seed001",
      seed: 7,
      users: 20,
      events: 500,
    });
  });
});
