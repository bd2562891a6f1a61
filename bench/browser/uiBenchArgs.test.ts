import { describe, expect, it } from "vitest";
import { parseUiBenchArgs } from "./uiBenchArgs.ts";

describe("parseUiBenchArgs", () => {
  it("defaults to both phases on ≈ 100 MB and 100 k events", () => {
    expect(parseUiBenchArgs([])).toEqual({
      ok: true,
      options: {
        loadEvents: 750_000,
        timelineEvents: 100_000,
        users: 1_000,
        seed: 46,
        timelineSeconds: 5,
        phases: ["load", "timeline"],
        noBuild: false,
        json: false,
        help: false,
      },
    });
  });

  it("reads every flag", () => {
    const parsed = parseUiBenchArgs([
      "--load-events",
      "1_000",
      "--timeline-events",
      "500",
      "--users",
      "20",
      "--seed",
      "0",
      "--seconds",
      "2",
      "--only",
      "timeline",
      "--no-build",
      "--json",
    ]);
    expect(parsed).toEqual({
      ok: true,
      options: {
        loadEvents: 1000,
        timelineEvents: 500,
        users: 20,
        seed: 0,
        timelineSeconds: 2,
        phases: ["timeline"],
        noBuild: true,
        json: true,
        help: false,
      },
    });
  });

  it("reports every problem at once", () => {
    expect(
      parseUiBenchArgs(["--users", "0", "--only", "all", "--json", "--json", "--seconds", "--bogus"]),
    ).toEqual({
      ok: false,
      errors: [
        "--json given twice",
        "--seconds needs a value",
        "unknown argument '--bogus' (see --help)",
        "--only must be load or timeline, got 'all'",
        "--users must be a whole number ≥ 1, got '0'",
      ],
    });
  });
});
