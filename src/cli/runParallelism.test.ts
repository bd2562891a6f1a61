/**
 * `cep-studio run --parallelism N [--max-parallelism M] [--key-type T]`: subtasks as Flink's
 * KeyGroupRangeAssignment picks them, nothing else changed.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { assignKeyToParallelOperator } from "../runtime/keyGroups.ts";
import {
  parseOutput,
  ruleJson,
  runInProcess,
  scenarioArgs,
  summarize,
  writeTempFiles,
} from "./testing/cliTestSupport.ts";

const withoutSubtask = (stdout: string): string[] =>
  stdout
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => l.replace(/,"subtask":\d+\}$/, "}"))
    .sort();

describe("--parallelism", () => {
  it("tags every record with the subtask Flink assigns its key, and changes nothing else", async () => {
    for (const n of [1, 2, 3, 4, 5]) {
      const plain = await runInProcess(scenarioArgs(n));
      const parallel = await runInProcess(scenarioArgs(n, "--parallelism", "4"));
      expect(parallel.status).toBe(0);
      expect(withoutSubtask(parallel.stdout)).toEqual(withoutSubtask(plain.stdout));
      for (const line of parallel.stdout.trim().split("\n")) {
        const record = JSON.parse(line) as { key: string; subtask: number };
        expect(record.subtask).toBe(assignKeyToParallelOperator(record.key, "String", 128, 4));
      }
    }
  });

  it("hashes keys as --key-type under --max-parallelism, and tags late records too", async () => {
    const events = ['{"u":"590404850","kind":"a","t":10}', '{"u":"517014550","kind":"a","t":5}'];
    const dir = writeTempFiles({ "r.json": ruleJson("r", 1, "a", "b") });
    const run = await runInProcess(
      ["run", "--pattern", path.join(dir, "r.json"), "--events", "-", "--key", "u", "--time", "t"].concat([
        "--parallelism",
        "3",
        "--max-parallelism",
        "256",
        "--key-type",
        "Long",
      ]),
      events.join("\n"),
    );
    expect(run.status).toBe(0);
    expect(parseOutput(run.stdout)).toEqual([
      {
        type: "late",
        key: "517014550",
        event: { u: "517014550", kind: "a", t: 5 },
        subtask: assignKeyToParallelOperator("517014550", "Long", 256, 3),
      },
      expect.objectContaining({ type: "timeout", key: "590404850" }),
    ]);
  });

  it("skips and reports a key that is no value of --key-type", async () => {
    const dir = writeTempFiles({ "r.json": ruleJson("r", 1, "a", "b") });
    const run = await runInProcess(
      [
        "run",
        "--pattern",
        path.join(dir, "r.json"),
        "--events",
        "-",
        "--key",
        "u",
        "--parallelism",
        "2",
        "--key-type",
        "Long",
      ],
      '{"u":"x1","kind":"a"}\n{"u":"1","kind":"a"}\n{"u":"1","kind":"b"}',
    );
    expect(run.stderr).toMatch(/^<stdin>:1: Cannot hash key "x1" as java\.lang\.Long/);
    expect(summarize(run.stdout, "kind")).toEqual(["match 1 a=a b=b"]);
  });

  it("checks the flags", async () => {
    const run = await runInProcess([
      "run",
      "--pattern",
      "p.json",
      "--events",
      "-",
      "--max-parallelism",
      "2",
      "--key-type",
      "Short",
    ]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("--max-parallelism needs --parallelism N");
    expect(run.stderr).toContain("--key-type takes String, Long, Integer, Boolean, Double, not 'Short'");
    const small = await runInProcess([
      "run",
      "--pattern",
      "p.json",
      "--events",
      "-",
      "--parallelism",
      "8",
      "--max-parallelism",
      "4",
    ]);
    expect(small.stderr).toContain("--max-parallelism 4 is smaller than --parallelism 8");
    const zero = await runInProcess(["run", "--pattern", "p.json", "--events", "-", "--parallelism", "0"]);
    expect(zero.stderr).toContain("--parallelism takes a whole number from 1 to 32768, not '0'");
  });
});
