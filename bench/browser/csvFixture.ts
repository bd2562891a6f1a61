/**
 * The generated CSV files the UI benchmark loads: written by the project's own command line
 * (`cep-studio generate --schema rees46 --format csv`) into the system's temporary folder, never
 * into the repository. The output is a pure function of the arguments, so a file already there
 * (complete: written under a temporary name, then renamed) is reused.
 */
import { spawn } from "node:child_process";
import { closeSync, existsSync, openSync, renameSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A generated file ready to load. */
export interface CsvFixture {
  readonly path: string;
  readonly bytes: number;
  readonly events: number;
  /** The command that writes the same bytes. */
  readonly command: string;
}

/** What to generate. */
export interface CsvFixtureSpec {
  readonly events: number;
  readonly users: number;
  readonly seed: number;
}

/** Writes (or reuses) the CSV of `spec`. */
export async function csvFixture(root: string, spec: CsvFixtureSpec): Promise<CsvFixture> {
  const args = [
    "generate",
    "--schema",
    "rees46",
    "--format",
    "csv",
    "--seed",
    String(spec.seed),
    "--events",
    String(spec.events),
    "--users",
    String(spec.users),
  ];
  const path = join(
    tmpdir(),
    `cep-bench-rees46-s${String(spec.seed)}-u${String(spec.users)}-${String(spec.events)}.csv`,
  );
  if (!existsSync(path)) {
    const part = `${path}.part`;
    const fd = openSync(part, "w");
    try {
      const code = await new Promise<number | null>((resolve, reject) => {
        const child = spawn(process.execPath, [`${root}/bin/cep-studio.mjs`, ...args], {
          stdio: ["ignore", fd, "inherit"],
        });
        child.once("error", reject);
        child.once("exit", resolve);
      });
      if (code !== 0) throw new Error(`cep-studio generate failed (exit ${String(code)})`);
    } finally {
      closeSync(fd);
    }
    renameSync(part, path);
  }
  return { path, bytes: statSync(path).size, events: spec.events, command: `cep-studio ${args.join(" ")}` };
}
