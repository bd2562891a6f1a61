import { describe, expect, it } from "vitest";
import type { ReadItem } from "./eventReader.ts";
import { createEventReader, eventFormatOf, type EventFormat } from "./index.ts";

function read(format: EventFormat, text: string): ReadItem[] {
  const items: ReadItem[] = [];
  const reader = createEventReader(format, (item) => items.push(item));
  for (const line of text.split("\n")) reader.pushLine(line);
  reader.end();
  return items;
}

const SEED_HEADER = "eventTime,eventType,productId,categoryId,categoryCode,brand,price,userId,userSession";
const SEED_ROW =
  "2020-01-01 00:01:00.0,view,1005073,2232732093077520756,construction.tools.light,samsung,1130.02,519698804,69b5d72f-fd6e-4fed-aa23-1286b2ca89a0";

describe("CSV reader", () => {
  it("reads the seed rows with exact numbers and id strings", () => {
    const items = read("csv", `${SEED_HEADER}\n${SEED_ROW}\n`);
    expect(items).toEqual([
      {
        type: "event",
        line: 2,
        event: {
          eventTime: "2020-01-01 00:01:00.0",
          eventType: "view",
          productId: 1005073,
          categoryId: "2232732093077520756",
          categoryCode: "construction.tools.light",
          brand: "samsung",
          price: 1130.02,
          userId: 519698804,
          userSession: "69b5d72f-fd6e-4fed-aa23-1286b2ca89a0",
        },
      },
    ]);
  });

  it("keeps leading-zero ids and non-numbers as text, trailing zeros as numbers", () => {
    const items = read("csv", "a,b,c,d,e,f\n007,167.20,-0,1e3,,+5");
    expect(items).toEqual([
      { type: "event", line: 2, event: { a: "007", b: 167.2, c: "-0", d: 1000, e: "", f: "+5" } },
    ]);
  });

  it("keeps a CRLF inside a quoted field of a CRLF file, and reads the breaks between records as breaks", () => {
    const items = read("csv", 'id,text\r\n1,"two\r\nlines"\r\n2,"mixed\nbreaks\r\nhere"\r\n3,plain\r\n');
    expect(items).toEqual([
      { type: "event", line: 2, event: { id: 1, text: "two\r\nlines" } },
      { type: "event", line: 4, event: { id: 2, text: "mixed\nbreaks\r\nhere" } },
      { type: "event", line: 7, event: { id: 3, text: "plain" } },
    ]);
  });

  it("reads quoted fields, escaped quotes and quoted line breaks, with the record's first line", () => {
    const items = read("csv", 'id,text\n1,"a, ""quoted"" value"\n2,"two\nlines"\n3,plain');
    expect(items).toEqual([
      { type: "event", line: 2, event: { id: 1, text: 'a, "quoted" value' } },
      { type: "event", line: 3, event: { id: 2, text: "two\nlines" } },
      { type: "event", line: 5, event: { id: 3, text: "plain" } },
    ]);
  });

  it("reports rows with the wrong number of fields and goes on", () => {
    const items = read("csv", "a,b\n1,2\n3\n4,5,6\n\n7,8\r");
    expect(items).toEqual([
      { type: "event", line: 2, event: { a: 1, b: 2 } },
      { type: "problem", line: 3, message: "expected 2 fields (as in the header), found 1" },
      { type: "problem", line: 4, message: "expected 2 fields (as in the header), found 3" },
      { type: "event", line: 6, event: { a: 7, b: 8 } },
    ]);
  });

  it("reports an unterminated quoted field at the end", () => {
    expect(read("csv", 'a,b\n1,"open\n2,3')).toEqual([
      { type: "problem", line: 2, message: "unterminated quoted field at end of input" },
    ]);
  });

  it("refuses a header naming a column twice", () => {
    expect(read("csv", "a,a\n1,2")).toEqual([
      { type: "fatal", line: 1, message: "the header names column 'a' twice" },
    ]);
  });

  it("strips a byte-order mark", () => {
    expect(read("csv", "\uFEFFa\n1")).toEqual([{ type: "event", line: 2, event: { a: 1 } }]);
  });
});

describe("JSON Lines reader", () => {
  it("keeps integers beyond 2^53 as digit strings and reads watermark records", () => {
    const items = read("jsonl", '{"id": 2232732093077520756, "n": 9007199254740991}\n\n{"$watermark": 5}\n');
    expect(items).toEqual([
      { type: "event", line: 1, event: { id: "2232732093077520756", n: 9007199254740991 } },
      { type: "watermark", line: 3, value: 5 },
    ]);
  });

  it("reports bad lines with the column and goes on", () => {
    const items = read("jsonl", '{"a": }\n[1]\n{"$watermark": 1, "x": 2}\n{"ok": true}');
    expect(items).toEqual([
      {
        type: "problem",
        line: 1,
        message: "invalid JSON at column 7: unexpected '}'; expected a JSON value",
      },
      { type: "problem", line: 2, message: "an event must be a JSON object, found an array" },
      { type: "problem", line: 3, message: 'a watermark record must hold only "$watermark"' },
      { type: "event", line: 4, event: { ok: true } },
    ]);
  });
});

describe("JSON array reader", () => {
  it("reads elements across lines, with the line each starts on", () => {
    const items = read(
      "json",
      '[\n  {"a": 1, "s": "],{"},\n  {"b":\n 12345678901234567890},\n  {"$watermark": 3}\n]\n',
    );
    expect(items).toEqual([
      { type: "event", line: 2, event: { a: 1, s: "],{" } },
      { type: "event", line: 3, event: { b: "12345678901234567890" } },
      { type: "watermark", line: 5, value: 3 },
    ]);
  });

  it("skips a bad element and reads the rest", () => {
    const items = read("json", '[{"a": 1}, {"a": tru}, 5, {"a": 3}]');
    expect(items).toEqual([
      { type: "event", line: 1, event: { a: 1 } },
      {
        type: "problem",
        line: 1,
        message:
          "invalid JSON at column 18: unexpected 't'; expected a JSON value (strings need double quotes)",
      },
      { type: "problem", line: 1, message: "an event must be a JSON object, found a number" },
      { type: "event", line: 1, event: { a: 3 } },
    ]);
  });

  it("reads an empty array and reports a trailing comma", () => {
    expect(read("json", "[]")).toEqual([]);
    expect(read("json", '[{"a":1},]')).toEqual([
      { type: "event", line: 1, event: { a: 1 } },
      { type: "problem", line: 1, message: "expected an element after ',' (trailing comma) (column 10)" },
    ]);
  });

  it("refuses input that is not an array", () => {
    expect(read("json", '{"a": 1}')).toEqual([
      { type: "fatal", line: 1, message: "expected a JSON array of events ('[') (column 1)" },
    ]);
  });

  it("reports an array that is not closed, after reading what it holds", () => {
    expect(read("json", '[{"a": 1},\n{"a": 2}')).toEqual([
      { type: "event", line: 1, event: { a: 1 } },
      { type: "event", line: 2, event: { a: 2 } },
      { type: "problem", line: 2, message: "unexpected end of input: the array is not closed with ']'" },
    ]);
  });
});

describe("eventFormatOf", () => {
  it("knows the extensions", () => {
    expect(eventFormatOf("x.jsonl")).toBe("jsonl");
    expect(eventFormatOf("x.NDJSON")).toBe("jsonl");
    expect(eventFormatOf("x.json")).toBe("json");
    expect(eventFormatOf("x.csv")).toBe("csv");
    expect(eventFormatOf("x.txt")).toBeNull();
  });
});
