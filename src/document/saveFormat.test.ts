import { describe, expect, it } from "vitest";
import { parseRuleSetText } from "../formats/dynamicCep/index.ts";
import { createDefaultDocument } from "./defaultDocument.ts";
import { publishRule } from "./edits/publishEdits.ts";
import { setPositions } from "./edits/ruleEdits.ts";
import { CURRENT_VERSION, parseSavedDocument, SAVE_FORMAT, serializeDocument } from "./saveFormat.ts";
import type { StudioDocument } from "./studioDocument.ts";
import { chainRule, docOf } from "./testing/ruleFixtures.ts";

/** Every full sample file (fragments are partial by design), by path. */
const samples = import.meta.glob<string>("../formats/dynamicCep/testdata/samples/**/*.json", {
  query: "?raw",
  import: "default",
  eager: true,
});

function fullSamples(): { name: string; text: string }[] {
  return Object.entries(samples)
    .filter(([path]) => !path.includes("/fragment-"))
    .map(([name, text]) => ({ name, text }));
}

function roundTrip(doc: StudioDocument): StudioDocument {
  const result = parseSavedDocument(serializeDocument(doc));
  if (!result.ok) throw new Error(result.error);
  expect(result.warnings).toEqual([]);
  return result.doc;
}

describe("save format round trip", () => {
  it("keeps the default document (all five seeds) exactly, with positions and published state", () => {
    let doc = createDefaultDocument();
    doc = setPositions(doc, "r1", { first_view: { x: 10.5, y: -3 }, "g/x": { x: 0, y: 0 } });
    doc = publishRule(doc, "r1");
    expect(roundTrip(doc)).toEqual(doc);
  });

  it("keeps every full dynamic-CEP sample exactly", () => {
    const samples = fullSamples();
    expect(samples.length).toBeGreaterThanOrEqual(8);
    for (const { name, text } of samples) {
      const read = parseRuleSetText(text, name);
      if (!read.ok) throw new Error(`${name} does not import`);
      const doc = docOf(...read.value.map((rule, i) => ({ ...chainRule(["x"]), key: `r${i + 1}`, rule })));
      expect(roundTrip(doc), name).toEqual(doc);
    }
  });

  it("keeps an empty document and odd but legal values", () => {
    expect(roundTrip({ rules: [], activeRuleKey: null, bindings: {} })).toEqual({
      rules: [],
      activeRuleKey: null,
      bindings: {},
    });
    // A numeric id beyond 2^53 stays exact (written as a string, since no JSON number holds it).
    const base = chainRule(["x"]);
    const doc = docOf({
      ...base,
      rule: { ...base.rule, id: "9007199254740993", idIsNumber: true, version: 0 },
    });
    expect(roundTrip(doc)).toEqual(doc);
  });
});

describe("parseSavedDocument refuses and warns with places", () => {
  const valid = JSON.parse(serializeDocument(docOf(chainRule(["a", "b"])))) as Record<string, unknown>;
  const text = (patch: Record<string, unknown>) => JSON.stringify({ ...valid, ...patch }, null, 2);

  it("refuses non-JSON with line and column", () => {
    const r = parseSavedDocument('{"format": ', { fileName: "save.json" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^save\.json:1:\d+: /);
  });

  it("refuses other files and newer versions", () => {
    expect(parseSavedDocument("[]")).toEqual({
      ok: false,
      error: expect.stringContaining("not a CEP Studio document") as unknown,
    });
    expect(parseSavedDocument(text({ version: CURRENT_VERSION + 1 }))).toEqual({
      ok: false,
      error: expect.stringContaining("newer CEP Studio") as unknown,
    });
    expect(parseSavedDocument(text({ version: "1" }))).toEqual({
      ok: false,
      error: expect.stringContaining("version:") as unknown,
    });
  });

  it("names the JSON path (and line) of a broken rule", () => {
    const rules = valid.rules as Record<string, unknown>[];
    const broken = { ...rules[0], rule: { id: "1", version: 1, function: null, pattern: { nodes: "x" } } };
    const r = parseSavedDocument(text({ rules: [broken] }), { fileName: "s.json" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/s\.json:\d+:\d+: rules\[0\]\.rule\.pattern\.nodes: /);
  });

  it("refuses duplicate keys, bad flags and bad bindings; warns about bad positions and a missing active rule", () => {
    const rules = valid.rules as Record<string, unknown>[];
    const dup = parseSavedDocument(text({ rules: [rules[0], rules[0]] }));
    expect(!dup.ok && dup.error).toContain('rules[1].key: the key "r1" is used twice');
    const flag = parseSavedDocument(text({ rules: [{ ...rules[0], enabled: "yes" }] }));
    expect(!flag.ok && flag.error).toContain("rules[0].enabled: expected true or false");
    const bindings = parseSavedDocument(text({ bindings: { "com.x.C": 3 } }));
    expect(!bindings.ok && bindings.error).toContain("bindings");
    const soft = parseSavedDocument(
      text({
        activeRuleKey: "nope",
        rules: [{ ...rules[0], positions: { a: { x: "1" }, b: { x: 1, y: 2 } } }],
      }),
    );
    expect(soft.ok).toBe(true);
    if (soft.ok) {
      expect(soft.doc.activeRuleKey).toBe("r1");
      expect(soft.doc.rules[0]?.positions).toEqual({ b: { x: 1, y: 2 } });
      expect(soft.warnings.join("\n")).toMatch(/rules\[0\]\.positions\.a: .*placed automatically/);
      expect(soft.warnings.join("\n")).toMatch(/activeRuleKey: no rule has the key "nope"/);
    }
  });
});

describe("migrations", () => {
  it("migrates a synthetic older version forward step by step before validating", () => {
    // Version 1 here stands for an old shape that kept rules under "ruleList".
    const current = JSON.parse(serializeDocument(docOf(chainRule(["a"])))) as Record<string, unknown>;
    const { rules, ...rest } = current;
    const old = JSON.stringify({ ...rest, version: 1, ruleList: rules });
    const migrations = {
      1: (save: Readonly<Record<string, unknown>>) => {
        const { ruleList, ...others } = save;
        return { ...others, rules: ruleList };
      },
      2: (save: Readonly<Record<string, unknown>>) => ({ ...save, bindings: { "com.x.C": "true" } }),
    };
    const r = parseSavedDocument(old, { migrations, currentVersion: 3 });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.doc.rules.map((x) => x.key)).toEqual(["r1"]);
      expect(r.doc.bindings).toEqual({ "com.x.C": "true" });
    }
    const gap = parseSavedDocument(old, { migrations: { 1: migrations[1] }, currentVersion: 3 });
    expect(gap).toEqual({ ok: false, error: "no migration from format version 2 to 3" });
  });

  it("writes the current version and format tag", () => {
    expect(JSON.parse(serializeDocument(docOf()))).toEqual({
      format: SAVE_FORMAT,
      version: CURRENT_VERSION,
      rules: [],
      activeRuleKey: null,
      bindings: {},
    });
  });
});
