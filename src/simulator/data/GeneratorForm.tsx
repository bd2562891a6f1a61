import { useState } from "react";
import { GENERATED_SCHEMAS, type GeneratedSchema } from "../../formats/generator/index.ts";
import { simulator } from "../controller/simulatorController.ts";
import {
  DEFAULT_GENERATOR_SETTINGS,
  GENERATOR_KNOBS,
  generatorProblem,
  type GeneratorSettings,
} from "./generatorSettings.ts";

/** Every knob of the seeded clickstream generator; generated text is streamed to the worker in chunks. */
export function GeneratorForm() {
  const [settings, setSettings] = useState<GeneratorSettings>(DEFAULT_GENERATOR_SETTINGS);
  const problem = generatorProblem(settings);
  return (
    <section className="sim-data-section" aria-label="Generate data">
      <h4>Generated clickstream</h4>
      <form
        className="sim-generator"
        data-testid="sim.generator"
        onSubmit={(e) => {
          e.preventDefault();
          if (problem === null) void simulator().loadData({ type: "generator", settings });
        }}
      >
        <label>
          <span>Schema</span>
          <select
            value={settings.schema}
            data-testid="sim.generator.schema"
            onChange={(e) => {
              setSettings({ ...settings, schema: e.target.value as GeneratedSchema });
            }}
          >
            {GENERATED_SCHEMAS.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        {GENERATOR_KNOBS.map((knob) => (
          <label key={knob.key} title={knob.help}>
            <span>{knob.label}</span>
            <input
              type="number"
              // An emptied field is NaN, which an input cannot show: it shows empty.
              value={Number.isNaN(settings[knob.key]) ? "" : settings[knob.key]}
              step={knob.step ?? 1}
              min={0}
              data-testid={`sim.generator.${knob.key}`}
              onChange={(e) => {
                setSettings({ ...settings, [knob.key]: e.target.valueAsNumber });
              }}
            />
          </label>
        ))}
        <label>
          <span>Disorder spread</span>
          <select
            value={settings.outOfOrderness}
            data-testid="sim.generator.outOfOrderness"
            onChange={(e) => {
              setSettings({
                ...settings,
                outOfOrderness: e.target.value === "exponential" ? "exponential" : "uniform",
              });
            }}
          >
            <option value="uniform">uniform</option>
            <option value="exponential">exponential</option>
          </select>
        </label>
        <div className="sim-generator-actions">
          <button
            type="submit"
            className="sim-primary"
            disabled={problem !== null}
            data-testid="sim.generate"
          >
            Generate and load
          </button>
          {problem !== null && (
            <span className="sim-error-text" role="alert">
              {problem}
            </span>
          )}
        </div>
      </form>
    </section>
  );
}
