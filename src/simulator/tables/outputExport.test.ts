import { describe, expect, it } from "vitest";
import type { LateView, MatchView } from "../../runtime/session/index.ts";
import { csvCell, exportOutputs, outputJsonLine } from "./outputExport.ts";

const view = (line: number, eventType: string) => ({
  line,
  fields: { userId: 7, eventType, categoryId: "2232732093077520756", brand: 'say "hi", ok' },
});

const match: MatchView = {
  type: "match",
  seq: 0,
  ruleId: "1",
  version: 2,
  key: "7",
  timestamp: 1000,
  subtask: 1,
  stages: [
    { stage: "2", events: [view(2, "view")] },
    { stage: "1", events: [view(3, "cart")] },
  ],
};

const timeout: MatchView = {
  ...match,
  type: "timeout",
  seq: 4,
  timestamp: 301_000,
  stages: [match.stages[0] ?? { stage: "", events: [] }],
};

const late: LateView = { type: "late", seq: 0, key: "7", timestamp: 5, subtask: 0, event: view(9, "view") };

describe("outputJsonLine", () => {
  it("writes matches as cep-studio run does, stages in pattern order even when named like numbers", () => {
    expect(outputJsonLine(match)).toBe(
      '{"type":"match","rule":"1","version":2,"key":"7","events":{"2":[{"userId":7,"eventType":"view","categoryId":"2232732093077520756","brand":"say \\"hi\\", ok"}],"1":[{"userId":7,"eventType":"cart","categoryId":"2232732093077520756","brand":"say \\"hi\\", ok"}]},"subtask":1}\n',
    );
  });

  it("gives timeouts their timestamp and late events their line", () => {
    expect(JSON.parse(outputJsonLine(timeout))).toMatchObject({ type: "timeout", timestamp: 301_000 });
    expect(JSON.parse(outputJsonLine(late))).toMatchObject({ type: "late", key: "7", line: 9, timestamp: 5 });
  });
});

describe("CSV export", () => {
  it("quotes cells with commas, quotes or line breaks", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(csvCell("x\ny")).toBe('"x\ny"');
    expect(csvCell(null)).toBe("");
    expect(csvCell(12)).toBe("12");
  });

  it("writes a header and one row per captured event", () => {
    const lines = exportOutputs([match, late], "csv").trimEnd().split("\n");
    expect(lines[0]).toBe("type,seq,rule,version,key,timestamp,subtask,stage,line,event");
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^match,0,1,2,7,1000,1,2,2,"\{""userId"":7,/);
    expect(lines[2]).toMatch(/^match,0,1,2,7,1000,1,1,3,/);
    expect(lines[3]).toMatch(/^late,0,,,7,5,0,,9,/);
  });

  it("writes JSON Lines one record per line", () => {
    const text = exportOutputs([match, timeout, late], "jsonl");
    expect(
      text
        .split("\n")
        .filter((l) => l !== "")
        .map((l) => (JSON.parse(l) as { type: string }).type),
    ).toEqual(["match", "timeout", "late"]);
  });
});
