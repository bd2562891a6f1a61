import { describe, expect, it } from "vitest";
import { createDefaultDocument } from "../../document/defaultDocument.ts";
import { serializeDocument } from "../../document/saveFormat.ts";
import { DEFAULT_RUN_SETTINGS } from "../controller/runSettings.ts";
import { DEFAULT_GENERATOR_SETTINGS } from "../data/generatorSettings.ts";
import { packTextWithinLimits } from "../../document/linkPayload.ts";
import {
  decodeScenarioFragment,
  encodeScenarioFragment,
  MAX_INLINE_DATA_BYTES,
  SCENARIO_PREFIX,
  type ScenarioView,
} from "./scenarioLink.ts";

const doc = createDefaultDocument();

const view: ScenarioView = {
  doc,
  data: { type: "generator", settings: { ...DEFAULT_GENERATOR_SETTINGS, seed: 7, users: 50, events: 2000 } },
  settings: {
    ...DEFAULT_RUN_SETTINGS,
    outOfOrdernessMs: 5000,
    parallelism: 4,
    maxParallelism: 256,
    keyType: "Long",
    finalWatermark: false,
    maxPartialMatches: 500,
    speed: null,
  },
  position: 1234,
  ended: true,
  tab: "keys",
  broadcast: '[{"at": 10, "remove": "1"}]',
};

async function encoded(v: ScenarioView): Promise<string> {
  const result = await encodeScenarioFragment(v);
  if (!result.ok) throw new Error(result.error);
  return result.fragment;
}

/** A link whose JSON is `json` (to test what a damaged or hand-made link does). */
async function linkOf(json: unknown): Promise<string> {
  const packed = await packTextWithinLimits(JSON.stringify(json));
  if (!packed.ok) throw new Error(packed.error);
  return SCENARIO_PREFIX + packed.payload;
}

describe("scenario links", () => {
  it("round-trip rules, generator knobs, settings, position (past the end of input too), tab and broadcast schedule", async () => {
    const fragment = await encoded(view);
    expect(fragment.startsWith(SCENARIO_PREFIX)).toBe(true);
    expect(fragment).toMatch(/^#scenario=[A-Za-z0-9_-]+$/);
    const decoded = decodeScenarioFragment(fragment);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.view.doc).toEqual(doc);
    expect(decoded.view.data).toEqual(view.data);
    expect(decoded.view.settings).toEqual(view.settings);
    expect(decoded.view.position).toBe(1234);
    expect(decoded.view.ended).toBe(true);
    expect(decoded.view.tab).toBe("keys");
    expect(decoded.view.broadcast).toBe(view.broadcast);
  });

  it("round-trip a seed scenario and small inline data, digit for digit", async () => {
    const text = "eventTime,userId,categoryId\n2020-01-01 00:00:00,u1,2232732093077520756\n";
    for (const data of [
      { type: "scenario", scenarioId: "scenario2" } as const,
      {
        type: "inline",
        fileName: "tiny.csv",
        text,
        mapping: { key: "userId", time: "eventTime", type: null },
      } as const,
    ]) {
      const decoded = decodeScenarioFragment(await encoded({ ...view, data, tab: null, broadcast: null }));
      expect(decoded.ok && decoded.view.data).toEqual(data);
      expect(decoded.ok && decoded.view.tab).toBeNull();
    }
  });

  it("open a link made before max parallelism, key type, the final watermark and the partial-match cap were settings with their defaults", async () => {
    const { maxParallelism, keyType, finalWatermark, maxPartialMatches, ...older } = view.settings;
    expect([maxParallelism, keyType, finalWatermark, maxPartialMatches]).toEqual([256, "Long", false, 500]);
    const decoded = decodeScenarioFragment(
      await linkOf({
        format: "cep-studio-scenario",
        version: 1,
        document: serializeDocument(doc),
        data: view.data,
        settings: older,
        position: 0,
      }),
    );
    // …and before a link said whether the run took the end of input: it stands at its position.
    expect(decoded.ok && decoded.view.ended).toBe(false);
    expect(decoded.ok && decoded.view.settings).toEqual({
      ...view.settings,
      maxParallelism: 128,
      keyType: "String",
      finalWatermark: true,
      maxPartialMatches: 10_000,
    });
  });

  it("refuse inline data over 64 KB, saying so", async () => {
    const text = "x".repeat(MAX_INLINE_DATA_BYTES + 1);
    const result = await encodeScenarioFragment({
      ...view,
      data: { type: "inline", fileName: "big.csv", text, mapping: { key: "k", time: null, type: null } },
    });
    expect(result).toEqual({ ok: false, error: expect.stringContaining("larger than 64 KB") as unknown });
  });

  it("make no link that would not open: rules larger than a link carries are refused, saying so", async () => {
    const [first] = doc.rules;
    if (!first) throw new Error("the default document has rules");
    const long = { ...doc, rules: [{ ...first, rule: { ...first.rule, id: "x".repeat(6 * 1024 * 1024) } }] };
    expect(await encodeScenarioFragment({ ...view, doc: long })).toEqual({
      ok: false,
      error: "the link's scenario is larger than 5 MB",
    });
  });

  it("compress: the default document with its generator knobs fits a URL comfortably", async () => {
    expect((await encoded(view)).length).toBeLessThan(6000);
  });

  it("say what is wrong with a damaged or foreign link", async () => {
    expect(decodeScenarioFragment("#doc=abc")).toEqual({
      ok: false,
      error: expect.stringContaining("#scenario=") as unknown,
    });
    expect(decodeScenarioFragment(`${SCENARIO_PREFIX}a$b`)).toEqual({
      ok: false,
      error: expect.stringContaining("characters") as unknown,
    });
    expect(
      decodeScenarioFragment(`${SCENARIO_PREFIX}${(await encoded(view)).slice(SCENARIO_PREFIX.length, 60)}`)
        .ok,
    ).toBe(false);
    expect(decodeScenarioFragment(await linkOf({ format: "other" }))).toEqual({
      ok: false,
      error: expect.stringContaining("not a scenario link") as unknown,
    });
  });

  it("name the JSON path of a bad field", async () => {
    const good = JSON.parse(
      JSON.stringify({
        format: "cep-studio-scenario",
        version: 1,
        document: "",
        data: view.data,
        settings: view.settings,
        position: 3,
      }),
    ) as Record<string, unknown>;
    const cases: [Record<string, unknown>, string][] = [
      [{ ...good, position: -1 }, "position: must be a whole number"],
      [{ ...good, ended: "yes" }, "ended: must be true or false"],
      [{ ...good, settings: { parallelism: "4" } }, "settings.parallelism: must be a number"],
      [{ ...good, settings: { parallelism: 0 } }, "settings.parallelism: must be a whole number ≥ 1"],
      [
        { ...good, settings: { parallelism: 4, maxParallelism: 2 } },
        "settings.maxParallelism: must be a whole number from 4 (the parallelism) to 32768",
      ],
      [
        { ...good, settings: { maxParallelism: 40000 } },
        "settings.maxParallelism: must be a whole number from 1 (the parallelism) to 32768",
      ],
      [{ ...good, settings: { maxParallelism: 1.5 } }, "settings.maxParallelism: must be a whole number"],
      [
        { ...good, settings: { keyType: "long" } },
        "settings.keyType: must be one of String, Long, Integer, Boolean, Double",
      ],
      [{ ...good, settings: { finalWatermark: "no" } }, "settings.finalWatermark: must be true or false"],
      [{ ...good, settings: { finalWatermark: 0 } }, "settings.finalWatermark: must be true or false"],
      [
        { ...good, settings: { maxPartialMatches: 0 } },
        "settings.maxPartialMatches: must be a whole number ≥ 1",
      ],
      [
        { ...good, settings: { maxPartialMatches: 2.5 } },
        "settings.maxPartialMatches: must be a whole number ≥ 1",
      ],
      [{ ...good, settings: { maxPartialMatches: null } }, "settings.maxPartialMatches: must be a number"],
      [{ ...good, data: { type: "generator", settings: { users: 0 } } }, "data.settings: "],
      [{ ...good, data: { type: "file" } }, "data.type: must be"],
      [
        { ...good, data: { type: "inline", fileName: "a.csv", text: "", mapping: {} } },
        "data.mapping.key: must be a text",
      ],
    ];
    for (const [json, message] of cases) {
      const result = decodeScenarioFragment(await linkOf(json));
      expect(result.ok ? "opened" : result.error).toContain(message);
    }
  });

  it("refuse rules that do not read, with the save format's message", async () => {
    const result = decodeScenarioFragment(
      await linkOf({
        format: "cep-studio-scenario",
        version: 1,
        document: "{}",
        data: view.data,
        settings: {},
        position: 0,
      }),
    );
    expect(result.ok ? "opened" : result.error).toContain("its rules cannot be read");
  });
});
