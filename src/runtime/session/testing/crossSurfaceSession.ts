/**
 * The session side of the cross-surface properties (`crossSurface.test.ts`): a case's settings
 * as a {@link RunConfig}, and a {@link RunSession} over a case driven the way the UI drives one
 * (text arriving in chunks while it runs, ticks, steps, seeks, the same rules, settings and
 * broadcast stream applied again) and then played to the end.
 */
import { importRuleSet } from "../../../formats/dynamicCep/index.ts";
import type { ConditionBindings, Rule } from "../../../model/pattern.ts";
import { RunSession } from "../runSession.ts";
import { SessionInput } from "../sessionInput.ts";
import type { RunConfig } from "../sessionTypes.ts";
import type { CaseSettings, CrossCase, SessionDrive } from "./crossSurfaceCases.ts";
import type { ProcessorCase } from "./crossSurfaceProcessors.ts";

/** The session's settings for a case's (the CLI's flags for them: `crossSurface.test.ts`). */
export function runConfig(s: CaseSettings): RunConfig {
  const time: RunConfig["time"] =
    s.time === "event"
      ? {
          field: "eventTime",
          watermarks: {
            type: "bounded",
            delay: s.delay,
            intervalMs: s.intervalMs,
            idleTimeoutMs: s.idleTimeoutMs,
          },
          finalWatermark: s.finalWatermark,
          partitions: s.partitions,
          partitionField: s.partitionField ? "partition" : null,
        }
      : s.time === "explicit"
        ? { field: "eventTime", watermarks: { type: "explicit" }, finalWatermark: s.finalWatermark }
        : null;
  return {
    key: "userId",
    time,
    clock: s.time === "clock" ? "eventTime" : null,
    parallelism: s.parallelism,
    ...(s.parallelismFlag
      ? {
          keyType: s.keyType,
          ...(s.maxParallelism === null ? {} : { maxParallelism: Math.max(s.maxParallelism, s.parallelism) }),
        }
      : {}),
    ...(s.cap === null ? {} : { maxPartialMatches: s.cap }),
  };
}

function importRules(json: readonly unknown[]): Rule[] {
  const imported = importRuleSet(json);
  if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
  return imported.value;
}

/** A session over the case (with the seed's `bindings`), driven by its steps, then played to the end. */
export function runCaseSession(c: CrossCase, bindings: ConditionBindings): RunSession {
  const rules = importRules(c.rules);
  const input = SessionInput.fromText({ fileName: c.events.fileName });
  const session = new RunSession({
    rules,
    bindings,
    broadcast: c.broadcast,
    config: runConfig(c.settings),
    input,
    keep: c.drive.keep,
    checkpointInterval: c.drive.checkpointInterval,
  });
  return driveToEnd(session, c.events.text, c.drive, { rules, bindings });
}

/**
 * Drives `session` by `drive`'s steps while its input text arrives chunk by chunk, then plays it
 * to the end. `apply`, `configure` and `loadBroadcast` give it what it already runs again.
 */
function driveToEnd(
  session: RunSession,
  text: string,
  drive: SessionDrive,
  ruleSet: { readonly rules: readonly Rule[]; readonly bindings: ConditionBindings },
): RunSession {
  const { input } = session;
  let pushed = 0;
  const pushNext = (): void => {
    if (pushed < text.length) {
      input.push(text.slice(pushed, pushed + drive.chunkChars));
      pushed += drive.chunkChars;
    } else if (!input.done) input.end();
  };
  for (const step of drive.steps) {
    switch (step.op) {
      case "push":
        pushNext();
        break;
      case "tick":
        session.play();
        session.tick(16, { maxEvents: step.maxEvents });
        break;
      case "step":
        session.step();
        break;
      case "stepToWatermark":
        session.stepToWatermark();
        break;
      case "seek":
        session.seek(Math.floor(step.fraction * input.items.length));
        break;
      case "apply":
        session.applyRuleSet(ruleSet.rules, ruleSet.bindings);
        break;
      case "configure":
        session.configure(session.runConfig);
        break;
      case "loadBroadcast":
        session.loadBroadcast(session.broadcastRecords);
        break;
    }
  }
  while (!input.done) pushNext();
  session.play();
  for (let i = 0; i < 10_000 && session.state === "playing"; i++) session.tick(16);
  const { error } = session.summary();
  if (error !== null) throw new Error(`the session failed: ${JSON.stringify(error)}`);
  if (session.state !== "finished") throw new Error(`the session did not finish (${session.state})`);
  return session;
}

/** A session running the processor case's processor, driven by its steps, then played to the end. */
export function runProcessorSession(c: ProcessorCase): RunSession {
  const session = new RunSession({
    rules: [],
    processor: c.processor,
    broadcast: c.broadcast,
    config: {
      // Both processors key by userId, as the CLI does for them.
      key: "userId",
      time:
        c.delay === null
          ? null
          : { field: "eventTime", watermarks: { type: "bounded", delay: c.delay }, finalWatermark: true },
      clock: null,
      parallelism: c.parallelism,
    },
    input: SessionInput.fromText({ fileName: c.fileName }),
    keep: c.drive.keep,
    checkpointInterval: c.drive.checkpointInterval,
  });
  return driveToEnd(session, c.text, c.drive, { rules: [], bindings: {} });
}
