import { CurrentData } from "./CurrentData.tsx";
import { FileData } from "./FileData.tsx";
import { GeneratorForm } from "./GeneratorForm.tsx";
import { ScenarioData } from "./ScenarioData.tsx";
import "./DataTab.css";

/** Where the run's events come from: the current data, seed scenarios, a file, or the generator. */
export function DataTab() {
  return (
    <div className="sim-tab-body sim-data-tab">
      <div className="sim-data-column">
        <CurrentData />
        <ScenarioData />
      </div>
      <div className="sim-data-column">
        <FileData />
        <GeneratorForm />
      </div>
    </div>
  );
}
