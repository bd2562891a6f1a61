import { useCallback, useEffect, useRef, useState } from "react";
import type { RunConfig, RunSummary } from "../runtime/session/index.ts";
import type { WorkerCommand } from "../runtime/worker/protocol.ts";
import { WorkerClient, WorkerRequestError } from "./worker/workerClient.ts";

/** What a run needs: rules and bindings as JSON values, the events' text and how to read them. */
export interface RunSetup {
  readonly rulesJson: unknown;
  readonly bindings: unknown;
  readonly eventsText: string;
  readonly fileName: string;
  readonly config: RunConfig;
}

/** A problem to show: a failed request (with every problem named) or a crashed worker. */
export interface RunFailure {
  readonly message: string;
  readonly problems: readonly string[];
}

export interface RunSessionControls {
  /**
   * True once the worker holds the whole run (settings, events and rules). Controls wait for it:
   * a play sent between two load requests would run a half-loaded session.
   */
  readonly loaded: boolean;
  /** The newest summary; null until the worker has loaded the run. */
  readonly summary: RunSummary | null;
  readonly failure: RunFailure | null;
  readonly play: () => void;
  readonly pause: () => void;
  readonly step: () => void;
  readonly reset: () => void;
  /** A fresh worker, loaded again from `setup`; the page itself is untouched. */
  readonly restart: () => void;
}

/** Text chunks sent to the worker (it reads them as a stream, as it would a large file). */
const CHUNK_CHARS = 1 << 16;

async function load(client: WorkerClient, setup: RunSetup): Promise<void> {
  await client.request({ type: "configure", config: setup.config });
  await client.request({ type: "beginEvents", fileName: setup.fileName });
  for (let i = 0; i < setup.eventsText.length; i += CHUNK_CHARS) {
    await client.request({ type: "eventsChunk", text: setup.eventsText.slice(i, i + CHUNK_CHARS) });
  }
  await client.request({ type: "endEvents" });
  await client.request({ type: "loadRules", rules: setup.rulesJson, bindings: setup.bindings });
}

function failureOf(error: unknown): RunFailure {
  if (error instanceof WorkerRequestError) return { message: error.message, problems: error.problems };
  return { message: error instanceof Error ? error.message : String(error), problems: [] };
}

/**
 * Runs `setup` in a CEP worker owned by the calling component (one worker per mount, ended on
 * unmount). `setup` should be stable (memoised): a new one loads a new run.
 */
export function useRunSession(setup: RunSetup): RunSessionControls {
  const [summary, setSummary] = useState<RunSummary | null>(null);
  const [failure, setFailure] = useState<RunFailure | null>(null);
  /** The setup the worker finished loading; a new setup or a restart is not loaded until its load ends. */
  const [loadedSetup, setLoadedSetup] = useState<RunSetup | null>(null);
  const clientRef = useRef<WorkerClient | null>(null);
  /** Counts loads, so a load cut short by a restart or unmount reports nothing. */
  const generation = useRef(0);

  const start = useCallback(
    (client: WorkerClient) => {
      const current = ++generation.current;
      load(client, setup).then(
        () => {
          if (current === generation.current) setLoadedSetup(setup);
        },
        (error: unknown) => {
          if (current === generation.current) setFailure(failureOf(error));
        },
      );
    },
    [setup],
  );

  useEffect(() => {
    const client = new WorkerClient({
      onSummary: setSummary,
      onCrash: (message) => {
        setFailure({ message: `The run stopped: ${message}`, problems: [] });
      },
    });
    clientRef.current = client;
    start(client);
    const counter = generation;
    return () => {
      counter.current++;
      clientRef.current = null;
      client.dispose();
    };
  }, [start]);

  const send = useCallback((command: WorkerCommand) => {
    const client = clientRef.current;
    if (client === null) return;
    setFailure(null);
    client.request(command).catch((error: unknown) => {
      setFailure(failureOf(error));
    });
  }, []);

  const restart = useCallback(() => {
    const client = clientRef.current;
    if (client === null) return;
    setFailure(null);
    setSummary(null);
    setLoadedSetup(null);
    generation.current++;
    client.restart();
    start(client);
  }, [start]);

  return {
    loaded: loadedSetup === setup,
    summary,
    failure,
    play: useCallback(() => {
      send({ type: "play" });
    }, [send]),
    pause: useCallback(() => {
      send({ type: "pause" });
    }, [send]),
    step: useCallback(() => {
      send({ type: "step" });
    }, [send]),
    reset: useCallback(() => {
      send({ type: "reset" });
    }, [send]),
    restart,
  };
}
