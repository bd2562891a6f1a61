/**
 * `cep-studio generate --schema scenarios | cep-studio run`: the generated stream, in the seed
 * scenarios' own columns, run through the real engine with the five seed scenarios' rules and
 * bindings as they are, matches every one of them — the proof that the generator's funnels
 * (repeat views, price drops, abandoned high-value carts, long browsing) exist.
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { BINDINGS, parseOutput, runInProcess, SCENARIOS } from "./testing/cliTestSupport.ts";

const GENERATE = [
  "generate",
  "--schema",
  "scenarios",
  "--format",
  "jsonl",
  "--seed",
  "7",
  "--events",
  "20000",
];

let stream = "";

beforeAll(async () => {
  const run = await runInProcess(GENERATE);
  expect(run).toMatchObject({ status: 0, stderr: "" });
  stream = run.stdout;
});

async function runScenario(n: number, events = stream): Promise<ReturnType<typeof parseOutput>> {
  const pattern = path.join(SCENARIOS, `scenario${n}.rule.json`);
  const args = ["run", "--pattern", pattern, "--events", "-", "--key", "userId", "--time", "eventTime"];
  const run = await runInProcess([...args, "--bindings", BINDINGS], events);
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
      expect(cart).toMatchObject({ eventType: "cart" });
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
      expect(drop?.productId).toBe(initial?.productId);
      expect(Number(drop?.price)).toBeLessThan(Number(initial?.price));
      expect(match.events?.cart_after_price_drop?.[0]).toMatchObject({ eventType: "cart" });
    }
  });

  it("scenario 5: ten or more views not followed by a purchase, from long browsing sessions", async () => {
    // Many light users: a heavy user's hundreds of views would make this NO_SKIP pattern emit
    // every run of ≥ 10 of them; here the matches come from the long-browse funnel.
    const generated = await runInProcess([...GENERATE, "--users", "50000"]);
    const output = await runScenario(5, generated.stdout);
    const matches = output.filter((r) => r.type === "match");
    expect(matches.length).toBeGreaterThan(0);
    const sessions = (r: (typeof matches)[number]): Set<unknown> =>
      new Set((r.events?.first_view ?? []).map((e) => e.userSession));
    expect(matches.some((r) => sessions(r).size === 1)).toBe(true);
    // It generates and runs a second 20 000-event stream: about 3 s alone, over the default 5 s
    // when the CPU is shared with other test files.
  }, 30_000);
});
