/**
 * Compiles exported Java with javac against faithful stubs of Flink's Pattern API
 * (testdata/flink-stubs, see its README): every seed rule, every full dynamic-CEP sample and the
 * feature cases of exportCases.fixture.ts, for both targets, in one javac run. An export without
 * error notes must compile, with no unchecked warning. Without javac the test is skipped and
 * says so.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { parseRuleSetText } from "../dynamicCep/index.ts";
import type { GraphNode, Rule } from "../../model/pattern.ts";
import { exportCases } from "./exportCases.fixture.ts";
import { exportJava, type JavaExportOptions } from "./exportJava.ts";

const here = dirname(fileURLToPath(import.meta.url));
const STUBS = join(here, "testdata/flink-stubs");
const SAMPLES = join(here, "../dynamicCep/testdata/samples");
const SEEDS = join(here, "../../scenarios/seed");
/** The event type user classes (conditions, subtypes) are written against. */
const EVENT = "demo.events.Event";

const javacFound = spawnSync("javac", ["-version"], { encoding: "utf8" }).status === 0;

interface Source {
  readonly label: string;
  readonly pattern: Rule | GraphNode;
}

function rulesIn(dir: string, pick: (file: string) => boolean): Source[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter(pick)
    .sort()
    .flatMap((file) => {
      const parsed = parseRuleSetText(readFileSync(join(dir, file), "utf8"), file);
      // A file that stopped loading must fail here, not drop out of the compile check.
      if (!parsed.ok) throw new Error(`${file} does not load: ${JSON.stringify(parsed)}`);
      return parsed.value.map((rule) => ({ label: file, pattern: rule }));
    });
}

const seeds = rulesIn(SEEDS, (f) => f.endsWith(".rule.json"));
const samples = rulesIn(SAMPLES, (f) => f.endsWith(".json") && !/(^|\/)fragment-/.test(f));
const sources: Source[] = [
  ...seeds,
  ...samples,
  ...exportCases().map((c) => ({ label: c.name, pattern: c.graph })),
];

/** User classes the code names: condition classes (`new a.b.C(`) and subtypes (`a.b.S.class`). */
function userClasses(code: string): { conditions: string[]; subtypes: string[] } {
  const conditions = [...code.matchAll(/new ((?:[A-Za-z_$][\w$]*\.)+[A-Za-z_$][\w$]*)\(/g)]
    .map((m) => m[1] ?? "")
    .filter((name) => !/^(org\.apache\.flink|com\.googlecode|java)\./.test(name));
  const subtypes = [...code.matchAll(/([\w$.]+)\.class\b/g)].map((m) => m[1] ?? "");
  return { conditions, subtypes };
}

function classFile(qualified: string, body: (simple: string) => string): [string, string] {
  const parts = qualified.split(".");
  const simple = parts.pop() ?? "";
  const pkg = parts.length > 0 ? `package ${parts.join(".")};\n\n` : "";
  return [`${parts.join("/")}/${simple}.java`.replace(/^\//, ""), pkg + body(simple)];
}

/** A user condition as a Flink job has it: a SimpleCondition of the event type, optionally with String[] args. */
const conditionStub = (name: string) =>
  classFile(
    name,
    (simple) =>
      `public class ${simple} extends org.apache.flink.cep.pattern.conditions.SimpleCondition<${EVENT}> {\n` +
      `    public ${simple}() {}\n    public ${simple}(String[] args) {}\n` +
      `    @Override public boolean filter(${EVENT} value) { return true; }\n}\n`,
  );
const subtypeStub = (name: string) =>
  classFile(name, (simple) => `public class ${simple} extends ${EVENT} {}\n`);

interface Unit {
  readonly label: string;
  readonly file: string;
  readonly code: string;
}

/** Exports every source with `options`; returns the units to compile and the labels refused. */
function exportAll(prefix: string, options: JavaExportOptions, userTypes: boolean): Unit[] {
  return sources.flatMap((source, i) => {
    const className = `${prefix}${i}`;
    const { code, notes } = exportJava(source.pattern, { ...options, className });
    if (notes.some((n) => n.severity === "error")) return [];
    const user = userClasses(code);
    if (!userTypes && user.conditions.length + user.subtypes.length > 0) return [];
    return [{ label: `${prefix}: ${source.label}`, file: `${className}.java`, code }];
  });
}

describe("exported Java compiles against Flink's API", () => {
  const dir = mkdtempSync(join(tmpdir(), "cep-javac-"));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it("covers the seeds, the samples and every generated feature case", () => {
    expect(seeds).toHaveLength(5);
    expect(samples.length).toBeGreaterThanOrEqual(7);
  });

  it("compiles every export that has no error note, for both targets, in one javac run", (ctx) => {
    if (!javacFound) {
      ctx.skip("javac is not on the PATH: the exported Java was NOT compiled");
      return;
    }
    const units = [
      ...exportAll("Flink", { eventType: EVENT }, true),
      ...exportAll("Plain", {}, false),
      ...exportAll("Vvr", { eventType: EVENT, target: "vvr-1.15" }, true),
    ];
    // Every generated feature case exports cleanly for Flink 1.19 except the ones that must refuse.
    expect(units.filter((u) => u.label.startsWith("Flink:")).length).toBeGreaterThan(sources.length - 8);
    const files = new Map<string, string>();
    files.set("demo/events/Event.java", "package demo.events;\n\npublic class Event {}\n");
    files.set("Event.java", "public class Event {}\n");
    for (const unit of units) {
      files.set(unit.file, unit.code);
      const user = userClasses(unit.code);
      for (const name of user.conditions) files.set(...conditionStub(name));
      for (const name of user.subtypes) files.set(...subtypeStub(name));
    }
    const sourceDir = join(dir, "src");
    for (const [file, text] of files) {
      mkdirSync(dirname(join(sourceDir, file)), { recursive: true });
      writeFileSync(join(sourceDir, file), text);
    }
    const stubs = readdirSync(STUBS, { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".java"))
      .map((f) => join(STUBS, f));
    const all = [...stubs, ...[...files.keys()].map((f) => join(sourceDir, f))];
    writeFileSync(join(dir, "sources.txt"), all.map((f) => `"${f}"`).join("\n"));
    const result = spawnSync(
      "javac",
      [
        "-d",
        join(dir, "classes"),
        "-proc:none",
        "-Xlint:unchecked",
        "-Xmaxerrs",
        "1000",
        `@${join(dir, "sources.txt")}`,
      ],
      { encoding: "utf8" },
    );
    const problems = `${result.stdout}${result.stderr}`
      .split("\n")
      .filter((line) => /: (error|warning: \[unchecked\])/.test(line))
      .map((line) => {
        const file = /([A-Za-z]+\d+)\.java:/.exec(line)?.[1];
        const unit = units.find((u) => u.file === `${file ?? ""}.java`);
        return `${unit?.label ?? "?"} → ${line.slice(line.indexOf(".java:") + 6)}`;
      });
    expect(problems).toEqual([]);
    expect(result.status).toBe(0);
  }, 120_000);
});
