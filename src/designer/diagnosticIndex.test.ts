import { describe, expect, it } from "vitest";
import { patternDiagnostics } from "../document/ruleDiagnostics.ts";
import type { PatternDiagnostic } from "../model/patternFindings.ts";
import { diagnosticIndexOf } from "./diagnosticIndex.ts";
import { brokenRule, groupRule } from "./testRules.ts";

function finding(
  path: string,
  stage: string | null,
  severity: "error" | "warning" = "error",
): PatternDiagnostic {
  return { severity, stage, path, message: `${path} ${stage ?? ""}` };
}

/** What the canvas asked each finding before the index: the definition the index must keep. */
function aboutByScan(
  diagnostics: readonly PatternDiagnostic[],
  stageName: string | null,
  path: string,
): PatternDiagnostic[] {
  const within = (p: string) => {
    if (!p.startsWith(path)) return false;
    const next = p.charAt(path.length);
    return next === "" || next === "." || next === "[";
  };
  return diagnostics
    .filter((d) => {
      if (stageName !== null && d.stage === stageName) return true;
      if (!within(d.path)) return false;
      const rest = d.path.slice(path.length);
      return !rest.startsWith(".nodes[") && !rest.startsWith(".edges[");
    })
    .sort((a, b) => (a.severity === "error" ? 0 : 1) - (b.severity === "error" ? 0 : 1));
}

describe("diagnosticIndexOf", () => {
  it("finds what a scan of every finding finds, for stages, groups and edges at every depth", () => {
    const diagnostics = [
      finding("nodes[1]", "g1"),
      finding("nodes[1].quantifier.times", "g1", "warning"),
      finding("nodes[1].nodes[0].condition", "x"),
      finding("nodes[1].edges[0]", null),
      finding("nodes[1].edges[0].type", null, "warning"),
      finding("nodes[10]", "end"),
      finding("nodes[1]x", null),
      finding("edges[2].target", null),
      finding("", null),
      finding("window", null),
      finding("nodes[3].nodes[7]", null),
      finding("nodes[0]", "x", "warning"),
      ...patternDiagnostics(groupRule().pattern),
      ...patternDiagnostics(brokenRule().pattern),
    ];
    const index = diagnosticIndexOf(diagnostics);
    const questions: [string | null, string][] = [
      ["g1", "nodes[1]"],
      ["x", "nodes[1].nodes[0]"],
      [null, "nodes[1].edges[0]"],
      ["end", "nodes[10]"],
      ["start", "nodes[0]"],
      ["c", "nodes[0]"],
      ["b", "nodes[3]"],
      [null, "edges[0]"],
      [null, "edges[1]"],
      [null, "edges[2]"],
      [null, "edges[3]"],
      [null, "nodes[3].nodes[7]"],
      [null, "window"],
    ];
    for (const [stage, path] of questions) {
      expect(index.about(stage, path), `${stage ?? "-"} ${path}`).toEqual(
        aboutByScan(diagnostics, stage, path),
      );
    }
  });

  it("puts errors first and answers the same question with the same array", () => {
    const diagnostics = [finding("nodes[0].quantifier", "a", "warning"), finding("nodes[0]", "a")];
    const index = diagnosticIndexOf(diagnostics);
    expect(index.about("a", "nodes[0]").map((d) => d.severity)).toEqual(["error", "warning"]);
    expect(index.about("a", "nodes[0]")).toBe(index.about("a", "nodes[0]"));
    expect(diagnosticIndexOf(diagnostics)).toBe(index);
  });
});
