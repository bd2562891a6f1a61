import { useState } from "react";
import { GENERATED_SCHEMAS, type GeneratedSchema } from "../../formats/generator/index.ts";
import { simulator } from "../controller/simulatorController.ts";
import { DEFAULT_GENERATOR_SETTINGS, generatorProblem, type GeneratorSettings } from "./generatorSettings.ts";

type NumberKnob = {
  [K in keyof GeneratorSettings]: GeneratorSettings[K] extends number ? K : never;
}[keyof GeneratorSettings];

/** The numeric knobs, in the order shown, with their labels and help. */
const KNOBS: readonly { key: NumberKnob; label: string; help: string; step?: number }[] = [
  { key: "seed", label: "Seed", help: "The same seed and knobs give the same stream, byte for byte" },
  { key: "users", label: "Users", help: "The key population" },
  { key: "events", label: "Events", help: "How many events to generate" },
  { key: "eventsPerSecond", label: "Rate (events/s)", help: "Events per second of event time", step: 0.1 },
  {
    key: "maxOutOfOrdernessMs",
    label: "Max disorder (ms)",
    help: "Out-of-orderness: each event arrives up to this much after its timestamp",
  },
  {
    key: "lateFraction",
    label: "Late fraction",
    help: "Share of events later than the out-of-orderness",
    step: 0.001,
  },
  {
    key: "lateDelayMs",
    label: "Late delay (ms)",
    help: "How much later than the out-of-orderness late events arrive",
  },
  { key: "partitions", label: "Partitions", help: "Source partitions the users are spread over" },
  {
    key: "idleEveryMs",
    label: "Idle every (ms)",
    help: "Length of an idle cycle of a partition (0: never idle)",
  },
  { key: "idleForMs", label: "Idle for (ms)", help: "The quiet stretch at the end of each idle cycle" },
];

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
        {KNOBS.map((knob) => (
          <label key={knob.key} title={knob.help}>
            <span>{knob.label}</span>
            <input
              type="number"
              value={settings[knob.key]}
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
