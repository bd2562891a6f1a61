import { describe, expect, it } from "vitest";
import { GENERATED_SCHEMAS, generatedText } from "../../formats/generator/index.ts";
import { sampleEvents } from "./fileSample.ts";
import {
  DEFAULT_GENERATOR_SETTINGS,
  generatedName,
  generatedSchema,
  generatedTextOptions,
  generatorProblem,
} from "./generatorSettings.ts";

describe("generator settings", () => {
  it("accepts the defaults and names a bad knob", () => {
    expect(generatorProblem(DEFAULT_GENERATOR_SETTINGS)).toBeNull();
    expect(generatorProblem({ ...DEFAULT_GENERATOR_SETTINGS, users: 0 })).toBe(
      "Users must be a whole number ≥ 1, got 0",
    );
    expect(generatorProblem({ ...DEFAULT_GENERATOR_SETTINGS, lateFraction: 2 })).toBe(
      "Late fraction must be between 0 and 1, got 2",
    );
    expect(generatorProblem({ ...DEFAULT_GENERATOR_SETTINGS, eventsPerSecond: 0 })).toBe(
      "Rate (events/s) must be a positive number, got 0",
    );
    expect(generatorProblem({ ...DEFAULT_GENERATOR_SETTINGS, idleEveryMs: 1000, idleForMs: 0 })).toBe(
      "Idle for (ms) must be above 0 and below Idle every (ms) (1000), got 0",
    );
  });

  it("asks for a number in a field left empty (NaN), naming the field", () => {
    expect(generatorProblem({ ...DEFAULT_GENERATOR_SETTINGS, events: Number.NaN })).toBe(
      "Events: enter a number",
    );
  });

  it("maps each generated schema to the fields the sources recognise", () => {
    for (const schema of GENERATED_SCHEMAS) {
      const settings = { ...DEFAULT_GENERATOR_SETTINGS, schema, events: 50 };
      const text = [...generatedText(generatedTextOptions(settings))].join("");
      const sample = sampleEvents(text, "generated.csv", true);
      const { mapping } = generatedSchema(schema);
      const fields = sample.schema.fields.map((f) => f.name);
      expect(fields).toContain(mapping.key);
      if (mapping.time !== null) expect(fields).toContain(mapping.time);
      if (mapping.type !== null) expect(fields).toContain(mapping.type);
    }
  });

  it("is reproducible: the same settings give the same text", () => {
    const settings = {
      ...DEFAULT_GENERATOR_SETTINGS,
      events: 200,
      maxOutOfOrdernessMs: 5000,
      lateFraction: 0.05,
    };
    const once = [...generatedText(generatedTextOptions(settings))].join("");
    const twice = [...generatedText(generatedTextOptions(settings))].join("");
    expect(once).toBe(twice);
  });

  it("names the data by schema, size and seed", () => {
    expect(generatedName({ ...DEFAULT_GENERATOR_SETTINGS, events: 1_000_000, seed: 7 })).toBe(
      "generated scenarios · 1 000 000 events · seed 7",
    );
  });
});
