/**
 * `cep-studio generate | cep-studio run`: the generated REES46 stream, run through the real
 * engine with the five seed scenarios' rules, matches every one of them — the proof that the
 * generator's funnels (repeat views, price drops, abandoned high-value carts, long browsing)
 * exist. The seed bindings read the scenarios' camelCase columns; REES46 is snake_case, so the
 * test rewrites the field names in the bindings, not the rules.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { BINDINGS, parseOutput, runInProcess, SCENARIOS, writeTempFiles } from "./testing/cliTestSupport.ts";

const SNAKE_CASE: ReadonlyArray<readonly [RegExp, string]> = [
  [/\beventType\b/g, "event_type"],
  [/\bproductId\b/g, "product_id"],
];

/** The seed bindings with REES46's field names. */
function rees46Bindings(): string {
  let text = readFileSync(BINDINGS, "utf8");
  for (const [camel, snake] of SNAKE_CASE) text = text.replace(camel, snake);
  return text;
}

let stream = "";
let bindings = "";

beforeAll(async () => {
  const run = await runInProcess(["generate", "--seed", "7", "--events", "20000", "--format", "jsonl"]);
  expect(run).toMatchObject({ status: 0, stderr: "" });
  stream = run.stdout;
  bindings = path.join(writeTempFiles({ "bindings.json": rees46Bindings() }), "bindings.json");
});

async function runScenario(n: number, events = stream): Promise<ReturnType<typeof parseOutput>> {
  const pattern = path.join(SCENARIOS, `scenario${n}.rule.json`);
  const args = ["run", "--pattern", pattern, "--events", "-", "--key", "user_id", "--time", "event_time"];
  const run = await runInProcess([...args, "--bindings", bindings], events);
  expect(run).toMatchObject({ status: 0, stderr: "" });
  return parseOutput(run.stdout);
}

describe("generate | run with the seed scenarios' rules", () => {
  it("generates 20 000 JSON Lines that run reads without a problem", () => {
    expect(stream.split("\n").filter((line) => line !== "")).toHaveLength(20_000);
  });

  it("scenario 1: consecutive views of one user", async () => {
    const output = await runScenario(1);
    expect(output.filter((r) => r.type === "match").length).toBeGreaterThan(100);
  });

  it("scenario 2: high-value carts bought within 30 min, and abandoned ones timing out", async () => {
    const output = await runScenario(2);
    const matches = output.filter((r) => r.type === "match");
    const abandoned = output.filter((r) => r.type === "timeout");
    expect(matches.length).toBeGreaterThan(0);
    expect(abandoned.length).toBeGreaterThan(0);
    for (const record of [...matches, ...abandoned]) {
      const cart = record.events?.cart_add?.[0];
      expect(cart).toMatchObject({ event_type: "cart" });
      expect(Number(cart?.price)).toBeGreaterThan(200);
    }
  });

  it("scenario 3: a view followed by three more within 15 min", async () => {
    const output = await runScenario(3);
    expect(output.filter((r) => r.type === "match").length).toBeGreaterThan(0);
  });

  it("scenario 4: a view, the same product cheaper right after, then a cart", async () => {
    const output = await runScenario(4);
    const matches = output.filter((r) => r.type === "match");
    expect(matches.length).toBeGreaterThan(0);
    for (const match of matches) {
      const initial = match.events?.initial_view?.[0];
      const drop = match.events?.view_price_drop?.[0];
      expect(drop?.product_id).toBe(initial?.product_id);
      expect(Number(drop?.price)).toBeLessThan(Number(initial?.price));
      expect(match.events?.cart_after_price_drop?.[0]).toMatchObject({ event_type: "cart" });
    }
  });

  it("scenario 5: ten or more views not followed by a purchase, from long browsing sessions", async () => {
    // Many light users: a heavy user's hundreds of views would make this NO_SKIP pattern emit
    // every run of ≥ 10 of them; here the matches come from the long-browse funnel.
    const generated = await runInProcess([
      "generate",
      "--seed",
      "7",
      "--events",
      "20000",
      "--users",
      "50000",
      "--format",
      "jsonl",
    ]);
    const output = await runScenario(5, generated.stdout);
    const matches = output.filter((r) => r.type === "match");
    expect(matches.length).toBeGreaterThan(0);
    const sessions = (r: (typeof matches)[number]): Set<unknown> =>
      new Set((r.events?.first_view ?? []).map((e) => e.user_session));
    expect(matches.some((r) => sessions(r).size === 1)).toBe(true);
    // It generates and runs a second 20 000-event stream: about 3 s alone, over the default 5 s
    // when the CPU is shared with other test files.
  }, 30_000);
});
