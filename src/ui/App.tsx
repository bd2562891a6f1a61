import { useState } from "react";
import { seedScenarios } from "../scenarios/seedScenarios.ts";
import { ScenarioView } from "./ScenarioView.tsx";

/** The app shell: seed scenarios on the left, the selected one on the right. */
export function App() {
  const [selectedId, setSelectedId] = useState(seedScenarios[0]?.id ?? "");
  const selected = seedScenarios.find((s) => s.id === selectedId) ?? seedScenarios[0];
  return (
    <div className="app">
      <header className="app-header">
        <h1>CEP Studio</h1>
        <span className="tagline">Flink CEP patterns — designed, run and exported</span>
      </header>
      <nav className="scenario-list" aria-label="Scenarios">
        <h2>Seed scenarios</h2>
        <ul>
          {seedScenarios.map((s) => (
            <li key={s.id}>
              <button
                type="button"
                aria-current={s.id === selected?.id ? "true" : undefined}
                onClick={() => {
                  setSelectedId(s.id);
                }}
              >
                <span className="scenario-title">{s.title}</span>
                <span className="scenario-summary">{s.summary}</span>
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <main className="scenario-main">
        {selected && <ScenarioView key={selected.id} scenario={selected} />}
      </main>
    </div>
  );
}
