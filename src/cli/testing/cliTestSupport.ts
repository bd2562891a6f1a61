/**
 * Runs `cep-studio` in-process for tests (real files, in-memory stdin/stdout/stderr) and reads
 * its output. The seed scenarios live in the steering repository next to this one, `../shared`.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable, Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import { exportRule } from "../../formats/dynamicCep/index.ts";
import { PatternBuilder } from "../../model/patternBuilder.ts";
import { runCli } from "../cli.ts";
import { createNodeIo } from "../cliIo.ts";

export const REPO_ROOT = fileURLToPath(new URL("../../..", import.meta.url));
export const SCENARIOS = path.resolve(REPO_ROOT, "../shared/scenarios");
export const BINDINGS = path.join(SCENARIOS, "bindings.json");

export interface CliRun {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** `cep-studio …args` with `stdin` as standard input. */
export async function runInProcess(args: readonly string[], stdin = ""): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const io = createNodeIo(Readable.from([stdin]), collector(out), collector(err));
  const status = await runCli(args, io);
  return { status, stdout: out.join(""), stderr: err.join("") };
}

function collector(chunks: string[]): Writable {
  return new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      chunks.push(typeof chunk === "string" ? chunk : chunk.toString("utf8"));
      callback();
    },
  });
}

/** `run` arguments for seed scenario `n`, keyed by user, in event time. */
export function scenarioArgs(n: number, ...extra: string[]): string[] {
  return [
    "run",
    "--pattern",
    path.join(SCENARIOS, `scenario${n}.rule.json`),
    "--events",
    path.join(SCENARIOS, `scenario${n}.events.csv`),
    "--key",
    "userId",
    "--time",
    "eventTime",
    "--bindings",
    BINDINGS,
    ...extra,
  ];
}

/** One output line, parsed. */
export interface OutputRecord {
  readonly type: "match" | "timeout" | "late";
  readonly rule?: string;
  readonly version?: number;
  readonly key: string | null;
  readonly timestamp?: number;
  readonly events?: Record<string, Array<Record<string, unknown>>>;
  readonly event?: Record<string, unknown>;
}

export function parseOutput(stdout: string): OutputRecord[] {
  return stdout
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as OutputRecord);
}

/**
 * A compact view of the output: `match key stage=a|b stage2=c`, `timeout key @ms stage=…`,
 * `late key value`, where each event is shown by `field`.
 */
export function summarize(stdout: string, field: string): string[] {
  return parseOutput(stdout).map((record) => {
    if (record.type === "late") return `late ${record.key ?? "null"} ${String(record.event?.[field])}`;
    const stages = Object.entries(record.events ?? {})
      .map(([stage, events]) => `${stage}=${events.map((e) => String(e[field])).join("|")}`)
      .join(" ");
    const at = record.type === "timeout" ? ` @${String(record.timestamp)}` : "";
    return `${record.type} ${record.key ?? "null"}${at} ${stages}`;
  });
}

/** A fresh temporary directory holding `files` (name → content); returns its path. */
export function writeTempFiles(files: Readonly<Record<string, string>>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "cep-studio-cli-"));
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
  return dir;
}

/** Epoch milliseconds of a UTC date-time `YYYY-MM-DD HH:mm:ss`. */
export function utc(text: string): number {
  return Date.parse(`${text.replace(" ", "T")}Z`);
}

/** A rule line's JSON: `id` version `version`, `first` followedBy `second` (by `kind`) within 100 ms. */
export function ruleJson(id: string, version: number, first: string, second: string): string {
  const pattern = PatternBuilder.begin("a")
    .where(`kind == '${first}'`)
    .followedBy("b")
    .where(`kind == '${second}'`)
    .within(100)
    .build();
  return JSON.stringify(exportRule({ id, version, pattern, function: null }));
}
