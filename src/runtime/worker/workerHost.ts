/**
 * The CEP worker's logic, apart from the worker global so it runs (and is tested) in Node: it
 * answers {@link WorkerRequest}s with a {@link RunSession} and, while the session plays, ticks
 * it in slices of about {@link TICK_BUDGET_MS} — short enough that pause and step requests
 * queued behind a slice are handled promptly — posting a summary at most every
 * {@link SUMMARY_INTERVAL_MS} (and whenever the run stops), so the UI thread gets no more than
 * it can draw.
 */
import { importRulesAndBindings, RuleSetError, RunSession, SessionInput } from "../session/index.ts";
import type { ConditionBindings } from "../../model/pattern.ts";
import type { BuiltInProcessorName } from "../job/index.ts";
import type { RunConfig, RunSessionOptions } from "../session/index.ts";
import type { QueryResult, WorkerRequest, WorkerResponse } from "./protocol.ts";

/** What the host needs from its surroundings (the worker global, or a test). */
/** A streaming UTF-8 decoder (`TextDecoder`): `stream: true` keeps a split character for the next call. */
export interface TextDecoderLike {
  decode(bytes?: Uint8Array, options?: { readonly stream?: boolean }): string;
}

export interface WorkerHostEnvironment {
  post(message: WorkerResponse): void;
  /** A fresh UTF-8 decoder for byte chunks (`() => new TextDecoder()`); without it only text chunks are read. */
  createDecoder?(): TextDecoderLike;
  /** Milliseconds (`performance.now`). */
  now(): number;
  /** Calls `callback` once after about `delayMs` (`setTimeout`). */
  schedule(callback: () => void, delayMs: number): void;
}

/** Most time one play slice takes before yielding to queued requests. */
export const TICK_BUDGET_MS = 12;
/** Least time between two summaries posted while playing. */
export const SUMMARY_INTERVAL_MS = 50;
/** The pause between slices at a set speed (about a frame). */
const PACED_TICK_MS = 16;

/** Until the app configures the run: unkeyed, in processing time by position. */
const DEFAULT_CONFIG: RunConfig = { key: null, time: null, clock: null, parallelism: 1 };

/** See the module comment. */
export class WorkerHost {
  /** Until rules are loaded, a session without rules: every request still gets its answer. */
  private session: RunSession;
  private input = SessionInput.empty();
  /** Decodes the text input's byte chunks; null until bytes arrive. */
  private decoder: TextDecoderLike | null = null;
  private loopScheduled = false;
  private lastTick = 0;
  private lastPost = Number.NEGATIVE_INFINITY;

  constructor(private readonly env: WorkerHostEnvironment) {
    this.session = this.newSession([], {}, DEFAULT_CONFIG, [], null);
  }

  /** Answers one request; never throws (failures are posted as `error` responses). */
  handle(request: WorkerRequest): void {
    try {
      this.dispatch(request);
    } catch (error) {
      const problems = error instanceof RuleSetError ? error.problems : [];
      const message = error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error);
      this.env.post({ type: "error", replyTo: request.id, message, problems });
    }
    this.keepPlaying();
  }

  private dispatch(request: WorkerRequest): void {
    const { id } = request;
    switch (request.type) {
      case "loadRules": {
        const { rules, bindings } = importRulesAndBindings(request.rules, request.bindings);
        const previous = this.session;
        this.session = this.newSession(
          rules,
          bindings,
          previous.runConfig,
          previous.broadcastRecords,
          previous.processor,
        );
        this.session.setSpeed(previous.currentSpeed);
        break;
      }
      case "applyRuleSet": {
        const { rules, bindings } = importRulesAndBindings(request.rules, request.bindings);
        this.session.applyRuleSet(rules, bindings);
        break;
      }
      case "loadBroadcast":
        this.session.loadBroadcast(request.records);
        break;
      case "loadProcessor":
        this.session.loadProcessor(request.processor, request.records ?? []);
        break;
      case "configure":
        this.session.configure(request.config);
        break;
      case "beginEvents":
        this.decoder = null;
        this.useInput(
          SessionInput.fromText({
            ...(request.fileName === undefined ? {} : { fileName: request.fileName }),
            ...(request.totalBytes === undefined ? {} : { totalBytes: request.totalBytes }),
          }),
        );
        this.env.post({ type: "progress", replyTo: id, progress: this.progress() });
        return;
      case "eventsChunk": {
        const progress =
          "bytes" in request
            ? this.input.push(this.decode(request.bytes), request.bytes.byteLength)
            : this.input.push(request.text, request.byteLength);
        this.env.post({ type: "progress", replyTo: id, progress });
        return;
      }
      case "endEvents": {
        // A character cut off at the very end decodes as U+FFFD, and the reader reports its row.
        const rest = this.decoder?.decode() ?? "";
        this.decoder = null;
        if (rest !== "") this.input.push(rest, 0);
        this.env.post({ type: "progress", replyTo: id, progress: this.input.end() });
        return;
      }
      case "loadEventList":
        this.useInput(SessionInput.fromEvents(request.events));
        break;
      case "play":
        this.session.play();
        this.lastTick = this.env.now();
        break;
      case "pause":
        this.session.pause();
        break;
      case "step":
        this.session.step();
        break;
      case "stepToWatermark":
        this.session.stepToWatermark();
        break;
      case "speed":
        this.session.setSpeed(request.eventsPerSecond);
        break;
      case "reset":
        this.session.reset();
        break;
      case "seek":
        this.session.seek(request.position);
        break;
      case "summary":
        break;
      case "query": {
        const { kind, from, count, filter } = request;
        const { total, listTotal, records } = this.session.query(kind, from, count, filter ?? {});
        // The kind and its records come from the same list.
        const result = { kind, from, total, listTotal, records } as QueryResult;
        this.env.post({ type: "queryResult", replyTo: id, result });
        return;
      }
      case "partialMatches":
        this.env.post({
          type: "partialMatchesResult",
          replyTo: id,
          result: this.session.partialMatches(request.key),
        });
        return;
      case "explain": {
        const position = "position" in request ? request.position : this.positionOfLine(request.line);
        const result = this.session.explain({ position, ruleId: request.ruleId });
        this.env.post({ type: "explainResult", replyTo: id, result });
        return;
      }
      case "broadcastState":
        this.env.post({ type: "broadcastStateResult", replyTo: id, result: this.session.broadcastState() });
        return;
      case "inputEvents":
        this.env.post({ type: "inputEventsResult", replyTo: id, result: this.session.inputEvents(request) });
        return;
      case "metrics":
        this.env.post({ type: "metricsResult", replyTo: id, result: this.session.metricsSeries() });
        return;
    }
    this.postSummary(id);
  }

  private newSession(
    rules: RunSessionOptions["rules"],
    bindings: ConditionBindings,
    config: RunConfig,
    broadcast: readonly unknown[],
    processor: BuiltInProcessorName | null,
  ): RunSession {
    const clock = (): number => this.env.now();
    return new RunSession({ rules, bindings, broadcast, processor, config, input: this.input, clock });
  }

  /** Decodes a byte chunk, keeping a character split at its end for the next one. */
  private decode(bytes: ArrayBuffer): string {
    if (this.decoder === null) {
      if (this.env.createDecoder === undefined) throw new Error("this worker host reads text chunks only");
      this.decoder = this.env.createDecoder();
    }
    return this.decoder.decode(new Uint8Array(bytes), { stream: true });
  }

  /** The first input item read from `line`. @throws RangeError when there is none */
  private positionOfLine(line: number): number {
    const position = this.input.items.findIndex((item) => item.line === line);
    if (position === -1) throw new RangeError(`no input item was read from line ${line}`);
    return position;
  }

  private useInput(input: SessionInput): void {
    this.input = input;
    this.session.loadInput(input);
  }

  private progress(): NonNullable<ReturnType<SessionInput["progress"]>> {
    const progress = this.input.progress();
    if (progress === null) throw new Error("the input is a ready list, not text");
    return progress;
  }

  private postSummary(replyTo: number | null): void {
    this.lastPost = this.env.now();
    this.env.post({ type: "summary", replyTo, summary: this.session.summary() });
  }

  /** Schedules the next play slice while the session plays. */
  private keepPlaying(): void {
    if (this.loopScheduled || !isPlaying(this.session)) return;
    this.loopScheduled = true;
    this.env.schedule(
      () => {
        this.loopScheduled = false;
        this.playSlice();
      },
      this.session.currentSpeed === null ? 0 : PACED_TICK_MS,
    );
  }

  private playSlice(): void {
    const session = this.session;
    if (!isPlaying(session)) return;
    const now = this.env.now();
    session.tick(now - this.lastTick, { budgetMs: TICK_BUDGET_MS });
    this.lastTick = now;
    if (!isPlaying(session) || this.env.now() - this.lastPost >= SUMMARY_INTERVAL_MS) this.postSummary(null);
    this.keepPlaying();
  }
}

/** Read through a call: a tick changes the state, which property narrowing would not see. */
function isPlaying(session: RunSession): boolean {
  return session.state === "playing";
}
