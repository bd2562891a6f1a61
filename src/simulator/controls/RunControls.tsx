import { simulator } from "../controller/simulatorController.ts";
import { SPEED_STEPS, speedLabel, speedStepIndex } from "../controller/runSettings.ts";
import { useSimulation } from "../simulationStore.ts";
import { RunClock } from "./RunClock.tsx";
import { RunSettingsBar } from "./RunSettingsBar.tsx";
import { SeekSlider } from "./SeekSlider.tsx";
import { runStateLabel } from "./runStateLabel.ts";
import { speedShortLabel } from "./speedShortLabel.ts";
import "./RunControls.css";

/**
 * The run-controls bar, always visible at the top of the dock: play / pause, step one event,
 * step to the next watermark, reset, speed, the seek slider, the clocks and the run settings.
 */
export function RunControls() {
  const summary = useSimulation((s) => s.summary);
  const loading = useSimulation((s) => s.loading !== null);
  const speed = useSimulation((s) => s.settings.speed);
  const noRules = useSimulation((s) => s.ruleCount === 0);
  const state = summary?.state ?? null;
  const playing = state === "playing";
  const stopped = state === "finished" || state === "error";
  const ready = summary !== null;
  const run = simulator();
  const speedIndex = speedStepIndex(speed);

  return (
    <div className="sim-controls" role="toolbar" aria-label="Run controls">
      <div className="sim-transport">
        {playing ? (
          <button type="button" data-testid="sim.pause" onClick={() => void run.send({ type: "pause" })}>
            <span aria-hidden="true">❚❚</span> Pause
          </button>
        ) : (
          <button
            type="button"
            className="sim-primary"
            data-testid="sim.play"
            disabled={!ready || stopped || noRules}
            onClick={() => void run.send({ type: "play" })}
          >
            <span aria-hidden="true">▶</span> Play
          </button>
        )}
        <button
          type="button"
          data-testid="sim.step"
          title="Process the next event"
          aria-label="Step one event"
          disabled={!ready || stopped}
          onClick={() => void run.send({ type: "step" })}
        >
          <span aria-hidden="true">▸</span> Step
        </button>
        <button
          type="button"
          data-testid="sim.stepWatermark"
          title="Step to watermark: process events until the watermark moves"
          aria-label="Step to watermark"
          disabled={!ready || stopped}
          onClick={() => void run.send({ type: "stepToWatermark" })}
        >
          <span aria-hidden="true">⇥</span> To watermark
        </button>
        <button
          type="button"
          data-testid="sim.reset"
          title="Back to the start of the data"
          disabled={!ready}
          onClick={() => void run.sendRewinding({ type: "reset" })}
        >
          <span aria-hidden="true">↺</span> Reset
        </button>
      </div>
      <label className="sim-speed" title={`Speed: ${speedLabel(speed)}`}>
        <span className="sim-muted">Speed</span>
        <input
          type="range"
          min={0}
          max={SPEED_STEPS.length - 1}
          step={1}
          value={speedIndex}
          data-testid="sim.speed"
          aria-valuetext={speedLabel(speed)}
          onChange={(e) => {
            const next = SPEED_STEPS[Number(e.target.value)];
            if (next !== undefined) void run.changeSettings({ speed: next });
          }}
        />
        <output className="sim-speed-value">{speedShortLabel(speed)}</output>
      </label>
      <SeekSlider summary={summary} disabled={!ready} />
      <span
        className={`sim-state sim-state-${loading ? "loading" : (state ?? "starting")}`}
        data-testid="sim.state"
      >
        {loading ? "loading" : runStateLabel(summary)}
      </span>
      <RunClock summary={summary} />
      <RunSettingsBar />
    </div>
  );
}
