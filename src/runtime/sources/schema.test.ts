import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { EventData, ReadItem } from "../../formats/events/index.ts";
import { createChunkedSource } from "./chunkedSource.ts";
import { inferSchema, recognizeSchema } from "./schema.ts";

/** The seed scenarios' click_stream rows (copies of /work/shared/scenarios, bundled with the app). */
const seedDir = new URL("../../scenarios/seed/", import.meta.url);

function eventsOf(text: string, fileName: string): EventData[] {
  const source = createChunkedSource({ fileName });
  const items: ReadItem[] = [...source.push(text), ...source.end()];
  return items.flatMap((item) => (item.type === "event" ? [item.event] : []));
}

/** Seed 003/004 rows rewritten with REES46's own header and time format. */
function asRees46(csv: string): string {
  const [, ...rows] = csv.trimEnd().split("\n");
  const header =
    "event_time,event_type,product_id,category_id,category_code,brand,price,user_id,user_session";
  return [header, ...rows.map((row) => row.replace(/^(\S+ \d\d:\d\d:\d\d)\.0,/, "$1 UTC,"))].join("\n");
}

const scenario1 = readFileSync(new URL("scenario1.events.csv", seedDir), "utf8");

/** Seed 000's sample events (the original job's, as in src/runtime/processors/purchasePath.test.ts). */
const SEED_000 = [
  '{"userId":"a9b83681ba4df17a30abcf085ce80a9b","channel":"APP","eventType":"VIEW_PRODUCT","eventTime":"2018-06-12_08:45:24","data":{"productId":126}}',
  '{"userId":"a9b83681ba4df17a30abcf085ce80a9b","channel":"APP","eventType":"PURCHASE","eventTime":"2018-06-12 09:30:28","data":{"productId":126,"price":299.00,"amount":260.00}}',
].join("\n");

const SEED_001 = '{"userId":"1001","action":"login"}\n{"userId":"1001","action":"logout"}\n';

describe("known schemas", () => {
  it.each([1, 2, 3, 4, 5])("recognises the seed scenario %i clickstream", (n) => {
    const events = eventsOf(readFileSync(new URL(`scenario${n}.events.csv`, seedDir), "utf8"), "clicks.csv");
    const inference = inferSchema(events);
    expect(inference.known?.id).toBe("seed-clickstream");
    expect(inference).toMatchObject({
      suggested: { key: "userId", time: "eventTime", type: "eventType" },
      timeEncoding: "date-time",
      needsMapping: false,
    });
  });

  it("recognises REES46 with its UTC times", () => {
    const inference = inferSchema(eventsOf(asRees46(scenario1), "2019-Oct.csv"));
    expect(inference).toMatchObject({
      known: { id: "rees46" },
      suggested: { key: "user_id", time: "event_time", type: "event_type" },
      timeEncoding: "date-time",
      needsMapping: false,
    });
  });

  it("recognises seed 000's purchase-path events, nested data included", () => {
    const inference = inferSchema(eventsOf(SEED_000, "user-events.jsonl"));
    expect(inference).toMatchObject({
      known: { id: "seed-purchase-path" },
      suggested: { key: "userId", time: "eventTime", type: "eventType" },
      timeEncoding: "date-time",
      needsMapping: false,
    });
    const data = inference.fields.find((f) => f.name === "data");
    expect(data?.kind).toBe("object");
    expect(data?.fields.map((f) => [f.name, f.kind])).toEqual([
      ["productId", "id"],
      ["price", "number"],
      ["amount", "number"],
    ]);
  });

  it("recognises seed 001's actions, which have no event time", () => {
    expect(inferSchema(eventsOf(SEED_001, "actions.jsonl"))).toMatchObject({
      known: { id: "seed-actions" },
      suggested: { key: "userId", time: null, type: "action" },
      timeEncoding: null,
      needsMapping: false,
    });
  });

  it("needs all telling fields and no foreign ones", () => {
    expect(recognizeSchema(["userId", "action", "extra"])).toBeNull();
    expect(recognizeSchema(["eventTime", "eventType", "userId"])).toBeNull();
    // JSON records may leave optional columns out.
    expect(recognizeSchema(["event_time", "event_type", "product_id", "user_id"])?.id).toBe("rees46");
  });

  it("asks when a known schema's time field cannot be read", () => {
    const events = [{ userId: "1", action: "x" }];
    expect(inferSchema(events).needsMapping).toBe(false);
    const rees = { event_time: "someday", event_type: "view", product_id: 1, user_id: 2 };
    expect(inferSchema([rees])).toMatchObject({
      known: { id: "rees46" },
      timeEncoding: null,
      needsMapping: true,
    });
  });
});

describe("inferSchema for an unknown schema", () => {
  it("infers kinds and suggests key, time and type", () => {
    const events = eventsOf(
      [
        "ts,customer_id,device,op,amount,note,flag,meta_code",
        "1700000000,C-0001,d-17,withdraw,12.5,first of the day,true,007",
        "1700000060,C-0002,d-17,deposit,100,,false,008",
        "1700000120,C-0001,d-18,withdraw,7,late,true,009",
      ].join("\n"),
      "bank.csv",
    );
    const inference = inferSchema(events);
    expect(inference.known).toBeNull();
    expect(inference.needsMapping).toBe(true);
    expect(inference.fields.map((f) => [f.name, f.kind])).toEqual([
      ["ts", "timestamp"],
      ["customer_id", "id"],
      ["device", "id"],
      ["op", "text"],
      ["amount", "number"],
      ["note", "text"],
      ["flag", "boolean"],
      ["meta_code", "id"],
    ]);
    expect(inference.fields[0]).toMatchObject({ timeEncoding: "epoch-seconds", present: 3, distinct: 3 });
    expect(inference.fields[5]).toMatchObject({ present: 2, examples: ["first of the day", "late"] });
    expect(inference.suggested).toEqual({ key: "customer_id", time: "ts", type: "op" });
    expect(inference.timeEncoding).toBe("epoch-seconds");
  });

  it("tells epoch milliseconds from seconds, and numbers from ids and timestamps by name", () => {
    const events = [
      { createdAt: 1700000000000, accountNumber: 1700000000000, score: 3, session: "s1", tags: ["a"] },
      { createdAt: 1700000001000, accountNumber: 1700000000001, score: 4.5, session: "s2", tags: [] },
    ];
    const inference = inferSchema(events);
    expect(inference.fields.map((f) => [f.name, f.kind, f.timeEncoding])).toEqual([
      ["createdAt", "timestamp", "epoch-millis"],
      ["accountNumber", "number", null],
      ["score", "number", null],
      ["session", "id", null],
      ["tags", "array", null],
    ]);
    // No user-like field: the session id is the best key; no text field, so no type.
    expect(inference.suggested).toEqual({ key: "session", time: "createdAt", type: null });
  });

  it("reports mixed and empty fields and suggests nothing it cannot back", () => {
    const inference = inferSchema([
      { v: 1, e: null },
      { v: "n/a", e: "" },
    ]);
    expect(inference.fields.map((f) => [f.name, f.kind])).toEqual([
      ["v", "mixed"],
      ["e", "empty"],
    ]);
    expect(inference.suggested).toEqual({ key: null, time: null, type: null });
    expect(inference.needsMapping).toBe(true);
  });
});
