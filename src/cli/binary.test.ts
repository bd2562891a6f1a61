/**
 * The built binary, as users run it: `npm run build:cli` (scripts/build-cli.mjs), then
 * `node bin/cep-studio.mjs …` in a child process with real stdio.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT, scenarioArgs, summarize, utc } from "./testing/cliTestSupport.ts";

const BIN = path.join(REPO_ROOT, "bin", "cep-studio.mjs");

function cli(args: readonly string[], input?: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: REPO_ROOT,
    encoding: "utf8",
    input: input ?? "",
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  const build = spawnSync(process.execPath, [path.join(REPO_ROOT, "scripts", "build-cli.mjs")], {
    cwd: REPO_ROOT,
    encoding: "utf8",
  });
  expect(build.stderr).toBe("");
  expect(build.status).toBe(0);
}, 60_000);

describe("bin/cep-studio.mjs", () => {
  it("prints the usage", () => {
    const run = cli(["--help"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Usage:");
  });

  it("runs scenario 2 end to end", () => {
    const run = cli(scenarioArgs(2));
    expect(run).toMatchObject({ status: 0, stderr: "" });
    expect(summarize(run.stdout, "eventTime")).toEqual([
      "match 590404850 cart_add=2020-01-01 01:11:02.0 purchase=2020-01-01 01:11:03.0",
      `timeout 517014550 @${utc("2020-01-01 01:31:01")} cart_add=2020-01-01 01:01:01.0`,
    ]);
  });

  it("reads JSON Lines from stdin", () => {
    const pattern = scenarioArgs(1)[2] ?? "";
    const bindings = scenarioArgs(1).at(-1) ?? "";
    const lines = [
      '{"eventType":"view","n":1,"id":2232732093077520756}',
      '{"eventType":"view","n":2}',
      '{"eventType":"cart","n":3}',
    ].join("\n");
    const run = cli(["run", "--pattern", pattern, "--bindings", bindings, "--events", "-"], lines);
    expect(run).toMatchObject({ status: 0, stderr: "" });
    expect(summarize(run.stdout, "n")).toEqual(["match null first_view=1 second_view=2"]);
    expect(run.stdout).toContain('"id":"2232732093077520756"');
  });

  it("exits 2 with nothing on stdout for a usage error", () => {
    const run = cli(["run", "--nope"]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("unknown option --nope");
  });
});
