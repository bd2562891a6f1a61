import { describe, expect, it } from "vitest";
import { RunSession, SessionInput } from "../../runtime/session/index.ts";
import { DEFAULT_RUN_SETTINGS, runConfigOf } from "../controller/runSettings.ts";
import { generatedSchema, generatedTextOptions } from "../data/generatorSettings.ts";
import { generatedText } from "../../formats/generator/index.ts";
import { countsText, fieldText, patternText, PROCESSORS } from "./processorCatalog.ts";

describe("processor catalog", () => {
  for (const entry of PROCESSORS) {
    it(`${entry.name}: its broadcast records and generated data run as the app runs them`, () => {
      const settings = { ...entry.data, events: 1500 };
      const input = SessionInput.fromText({ fileName: "generated.csv" });
      for (const chunk of generatedText(generatedTextOptions(settings))) input.push(chunk);
      input.end();
      const s = new RunSession({
        rules: [],
        processor: entry.name,
        broadcast: entry.records,
        config: runConfigOf(DEFAULT_RUN_SETTINGS, generatedSchema(settings.schema).mapping),
        input,
      });
      s.play();
      while (s.state === "playing") s.tick(16);
      const summary = s.summary();
      expect(summary.state).toBe("finished");
      expect(summary.counts.problems).toBe(0);
      expect(summary.counts.results).toBeGreaterThan(0);
      expect(summary.broadcast.records.every((r) => r.state === "applied")).toBe(true);
    });
  }

  it("writes result fields as the article's output reads", () => {
    expect(countsText({ ADD_TO_CART: 1, PURCHASE: 1, VIEW_PRODUCT: 7 })).toBe(
      "ADD_TO_CART 1 · PURCHASE 1 · VIEW_PRODUCT 7",
    );
    expect(patternText({ userId: "1001", pattern: { firstAction: "login", secondAction: "logout" } })).toBe(
      "login → logout",
    );
    expect(fieldText(null)).toBe("—");
    expect(fieldText(9)).toBe("9");
  });
});
