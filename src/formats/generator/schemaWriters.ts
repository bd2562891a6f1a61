/**
 * Text writers for the generated stream, one per schema, each as CSV (a header, then a row per
 * event) or as JSON Lines with the same field names:
 * - `rees46`: REES46's columns and `YYYY-MM-DD HH:mm:ss UTC` times. In JSON Lines, numbers are
 *   written where a double holds them exactly and ids beyond 2^53 (`category_id`) as digit
 *   strings — the values the event readers produce from the CSV row — and empty cells as null.
 * - `scenarios`: the seed scenarios' click_stream (seeds 003/004): REES46 in camelCase. CSV as the
 *   scenario files write it (`eventTime` like `2020-01-01 00:01:00.0`, Java's `Timestamp` text);
 *   JSON Lines as the seed's Flink SQL job writes it to Kafka: `eventTime` in epoch ms, the
 *   STRING columns (ids, session) as strings, `price` as a number.
 * - `seed000`: the purchase-path tracker's user events (seed 000), `{"userId","channel",
 *   "eventType","eventTime","data":{"productId","price","amount"}}`; CSV flattens `data` into
 *   the columns `productId,price,amount`. Each user shops on one channel.
 * - `seed001`: the pattern evaluator's actions (seed 001), `{"userId","action"}` — the seed's
 *   Action POJO has no time, so neither has the record; arrival order is its only order.
 * With more than one source partition every record ends with a `partition` field.
 */
import type { ClickEvent, Clickstream, RawClick } from "./clickstream.ts";
import { mix32, seedToUint32 } from "./prng.ts";
import { formatRees46Time } from "./rees46Time.ts";
import { CART, LOGIN, LOGOUT, PURCHASE, REMOVE_FROM_CART, VIEW } from "./sessionModel.ts";

/** The schemas the generator writes. */
export const GENERATED_SCHEMAS = ["rees46", "scenarios", "seed000", "seed001"] as const;
export type GeneratedSchema = (typeof GENERATED_SCHEMAS)[number];
export type GeneratedFormat = "csv" | "jsonl";

/** Writes one schema: a CSV header and a line per event, without line terminators. */
export interface SchemaWriter {
  readonly csvHeader: string;
  csvLine(raw: RawClick): string;
  jsonLine(raw: RawClick): string;
}

/** The writer of `schema` for `stream`. */
export function schemaWriter(schema: GeneratedSchema, stream: Clickstream): SchemaWriter {
  const partitioned = stream.layout.partitions > 1;
  const writer = WRITERS[schema](stream);
  if (!partitioned) return writer;
  return {
    csvHeader: `${writer.csvHeader},partition`,
    csvLine: (raw) => `${writer.csvLine(raw)},${raw.partition}`,
    jsonLine: (raw) => `${writer.jsonLine(raw).slice(0, -1)},"partition":${raw.partition}}`,
  };
}

const WRITERS: Readonly<Record<GeneratedSchema, (stream: Clickstream) => SchemaWriter>> = {
  rees46: rees46Writer,
  scenarios: scenariosWriter,
  seed000: seed000Writer,
  seed001: seed001Writer,
};

function rees46Writer(stream: Clickstream): SchemaWriter {
  return {
    csvHeader: "event_time,event_type,product_id,category_id,category_code,brand,price,user_id,user_session",
    csvLine: (raw) => clickCsvLine(stream.toEvent(raw), formatRees46Time),
    jsonLine(raw) {
      const e = stream.toEvent(raw);
      return (
        `{"event_time":"${formatRees46Time(e.event_time)}","event_type":"${e.event_type}",` +
        `"product_id":${e.product_id},"category_id":"${e.category_id}",` +
        `"category_code":${jsonText(e.category_code)},"brand":${jsonText(e.brand)},"price":${e.price},` +
        `"user_id":${e.user_id},"user_session":"${e.user_session}"}`
      );
    },
  };
}

function scenariosWriter(stream: Clickstream): SchemaWriter {
  return {
    csvHeader: "eventTime,eventType,productId,categoryId,categoryCode,brand,price,userId,userSession",
    csvLine: (raw) => clickCsvLine(stream.toEvent(raw), formatTimestampText),
    jsonLine(raw) {
      const e = stream.toEvent(raw);
      return (
        `{"eventTime":${e.event_time},"eventType":"${e.event_type}",` +
        `"productId":"${e.product_id}","categoryId":"${e.category_id}",` +
        `"categoryCode":${jsonText(e.category_code)},"brand":${jsonText(e.brand)},"price":${e.price},` +
        `"userId":"${e.user_id}","userSession":"${e.user_session}"}`
      );
    },
  };
}

/** A REES46 row's CSV cells in REES46's column order (the scenarios' columns are the same, renamed). */
function clickCsvLine(e: ClickEvent, timeText: (epochMillis: number) => string): string {
  // Catalog values hold no commas or quotes, so no cell needs quoting.
  return `${timeText(e.event_time)},${e.event_type},${e.product_id},${e.category_id},${e.category_code ?? ""},${e.brand ?? ""},${e.price.toFixed(2)},${e.user_id},${e.user_session}`;
}

/**
 * Epoch ms as Java's `Timestamp.toString` writes it (the seed's rows: `2020-01-01 00:01:00.0`):
 * UTC, the fraction of a second without trailing zeros but at least one digit.
 */
function formatTimestampText(epochMillis: number): string {
  const millis = ((epochMillis % 1000) + 1000) % 1000;
  const fraction = String(millis).padStart(3, "0").replace(/0+$/, "") || "0";
  return `${formatRees46Time(epochMillis).slice(0, -" UTC".length)}.${fraction}`;
}

/** Seed 000's event types by code. */
const SEED000_TYPES: Readonly<Record<number, string>> = {
  [VIEW]: "VIEW_PRODUCT",
  [CART]: "ADD_TO_CART",
  [PURCHASE]: "PURCHASE",
  [REMOVE_FROM_CART]: "REMOVE_FROM_CART",
};
/** Channels and the share of users on each. */
const CHANNELS = [
  { name: "APP", upTo: 0.6 },
  { name: "WEB", upTo: 0.9 },
  { name: "WAP", upTo: 1 },
] as const;

function seed000Writer(stream: Clickstream): SchemaWriter {
  const seedWord = seedToUint32(stream.options.seed);
  const userId = (user: number): string => {
    // The seed's user ids are 32 hex digits; a pure function of seed and user.
    let word = mix32(seedWord ^ mix32(user + 0x51ed27));
    let text = "";
    for (let k = 0; k < 4; k++) {
      text += (word >>> 0).toString(16).padStart(8, "0");
      word = mix32(word ^ 0x7f4a7c15);
    }
    return text;
  };
  const channel = (user: number): string => {
    const u = mix32(seedWord ^ mix32(user ^ 0x3c6ef372)) / 4294967296;
    return (CHANNELS.find((c) => u < c.upTo) ?? CHANNELS[0]).name;
  };
  const fields = (raw: RawClick) => {
    const eventType = SEED000_TYPES[raw.type];
    if (eventType === undefined) throw new RangeError(`event type code ${raw.type} is not in seed 000`);
    const product = stream.catalog.products[raw.product];
    return {
      userId: userId(raw.user),
      channel: channel(raw.user),
      eventType,
      // The seed writes local date-times without a zone; these are UTC.
      eventTime: formatRees46Time(raw.timestamp).slice(0, -4),
      productId: product === undefined ? 0 : Number(product.productId),
      // One item per event, so the amount is the price; two decimals, as the seed writes them.
      price: stream.priceOf(raw).toFixed(2),
    };
  };
  return {
    csvHeader: "userId,channel,eventType,eventTime,productId,price,amount",
    csvLine(raw) {
      const f = fields(raw);
      return `${f.userId},${f.channel},${f.eventType},${f.eventTime},${f.productId},${f.price},${f.price}`;
    },
    jsonLine(raw) {
      const f = fields(raw);
      return (
        `{"userId":"${f.userId}","channel":"${f.channel}","eventType":"${f.eventType}",` +
        `"eventTime":"${f.eventTime}","data":{"productId":${f.productId},"price":${f.price},"amount":${f.price}}}`
      );
    },
  };
}

/** Seed 001's actions by code. */
const SEED001_ACTIONS: Readonly<Record<number, string>> = {
  [VIEW]: "view",
  [CART]: "add-to-cart",
  [PURCHASE]: "payment",
  [REMOVE_FROM_CART]: "remove-from-cart",
  [LOGIN]: "login",
  [LOGOUT]: "logout",
};

function seed001Writer(): SchemaWriter {
  const fields = (raw: RawClick): { userId: number; action: string } => {
    const action = SEED001_ACTIONS[raw.type];
    if (action === undefined) throw new RangeError(`event type code ${raw.type} is not in seed 001`);
    // The seed's user ids are Longs: 1001, 1002, …
    return { userId: 1001 + raw.user, action };
  };
  return {
    csvHeader: "userId,action",
    csvLine(raw) {
      const f = fields(raw);
      return `${f.userId},${f.action}`;
    },
    jsonLine(raw) {
      const f = fields(raw);
      return `{"userId":${f.userId},"action":"${f.action}"}`;
    },
  };
}

function jsonText(value: string | null): string {
  return value === null ? "null" : JSON.stringify(value);
}
