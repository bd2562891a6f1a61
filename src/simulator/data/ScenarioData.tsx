import { seedScenarios } from "../../scenarios/seedScenarios.ts";
import { simulator } from "../controller/simulatorController.ts";

/** One click per seed scenario: its clickstream, or its clickstream with its rule as the only one running. */
export function ScenarioData() {
  return (
    <section className="sim-data-section" aria-label="Scenario data">
      <h4>Seed scenarios</h4>
      <ul className="sim-scenarios">
        {seedScenarios.map((scenario, i) => (
          <li key={scenario.id}>
            <span className="sim-scenario-title">
              {i + 1}. {scenario.title}
            </span>
            <span className="sim-muted sim-scenario-summary">{scenario.summary}</span>
            <span className="sim-scenario-actions">
              <button
                type="button"
                data-testid={`sim.scenario.${scenario.id}.data`}
                title="Load this scenario's clickstream; the rule set stays as it is"
                onClick={() => void simulator().loadData({ type: "scenario", scenario })}
              >
                Load data
              </button>
              <button
                type="button"
                data-testid={`sim.scenario.${scenario.id}.run`}
                title="Load its clickstream and run only its rule (enabled and shown on the canvas; undoable)"
                onClick={() => void simulator().runScenario(scenario)}
              >
                Data + its rule
              </button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
