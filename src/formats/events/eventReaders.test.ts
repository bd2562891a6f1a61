import { describe, expect, it } from "vitest";
import type { ReadItem } from "./eventReader.ts";
import { createEventReader, eventFormatOf, type EventFormat } from "./index.ts";

function read(format: EventFormat, text: string): ReadItem[] {
  const items: ReadItem[] = [];
  const reader = createEventReader(format, (item) => items.push(item));
  reader.push(text);
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

  it("reads an empty cell as the empty string, quoted or not (Flink's CSV format on a STRING column)", () => {
    const items = read("csv", 'brand,code,price,note\n,"",,x\n"",,12," "\n"a""b",,"",\n');
    expect(items).toEqual([
      { type: "event", line: 2, event: { brand: "", code: "", price: "", note: "x" } },
      { type: "event", line: 3, event: { brand: "", code: "", price: 12, note: " " } },
      { type: "event", line: 4, event: { brand: 'a"b', code: "", price: "", note: "" } },
    ]);
  });

  it("reports a cell beyond a double's range and reads integers of any length as digits", () => {
    const digits = "9".repeat(400);
    const items = read("csv", `id,price\n1,1e400\n2,"-2.5E999"\n3,${digits}\n4,1e-400\n5,2E10`);
    const beyond = "is beyond a double's range (±1.8e308); Flink's Jackson would read it as";
    expect(items).toEqual([
      { type: "problem", line: 2, message: `column 'price': the number 1e400 ${beyond} Infinity` },
      { type: "problem", line: 3, message: `column 'price': the number -2.5E999 ${beyond} -Infinity` },
      { type: "event", line: 4, event: { id: 3, price: digits } },
      // Not exact as a double, so kept as written (never a silent 0).
      { type: "event", line: 5, event: { id: 4, price: "1e-400" } },
      { type: "event", line: 6, event: { id: 5, price: 20000000000 } },
    ]);
  });

  it("reports text after a closing quote, and tolerates blanks there", () => {
    expect(read("csv", 'a,b\n"x"y,1\n"x" ,2\n1,"two\n lines" z')).toEqual([
      {
        type: "problem",
        line: 2,
        message: 'malformed CSV: unexpected "y" after the closing quote of field 1 (column 4)',
      },
      { type: "event", line: 3, event: { a: "x", b: 2 } },
      {
        type: "problem",
        line: 4,
        message: 'malformed CSV: unexpected "z" after the closing quote of field 2 (column 9)',
      },
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

describe("JSON records: numbers beyond a double, duplicate keys", () => {
  const beyond = "is beyond a double's range (±1.8e308); Flink's Jackson would read it as";
  const jackson = "the last value is used, as Flink's Jackson reads it";

  it("reports a number beyond a double's range with its path and column, and goes on", () => {
    const digits = "1".repeat(400);
    const items = read(
      "jsonl",
      `{"userId": 1, "price": 1e400}\n{"userId": 2, "data": {"m": -1E+999}}\n{"userId": 3, "price": ${digits}}`,
    );
    expect(items).toEqual([
      { type: "problem", line: 1, message: `price at column 24: the number 1e400 ${beyond} Infinity` },
      { type: "problem", line: 2, message: `data.m at column 29: the number -1E+999 ${beyond} -Infinity` },
      { type: "event", line: 3, event: { userId: 3, price: digits } },
    ]);
  });

  it("reads a row with duplicate keys with the last value, and a warning naming them", () => {
    const items = read("jsonl", '{"userId": 1, "eventType": "view", "eventType": "cart", "userId": 2}');
    expect(items).toEqual([
      {
        type: "event",
        line: 1,
        event: { userId: 2, eventType: "cart" },
        warning: `eventType at column 36: duplicate key "eventType" (first at column 15); ${jackson} (and 1 more duplicate key)`,
      },
    ]);
  });

  it("gives JSON array elements the file's lines and columns", () => {
    const items = read("json", '[{"a": 1},\n  {"b": 2,\n   "b": 3}, {"c":\n 1e999}]');
    expect(items).toEqual([
      { type: "event", line: 1, event: { a: 1 } },
      {
        type: "event",
        line: 2,
        event: { b: 3 },
        warning: `b at line 3, column 4: duplicate key "b" (first at column 4); ${jackson}`,
      },
      { type: "problem", line: 4, message: `c at column 2: the number 1e999 ${beyond} Infinity` },
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

  it("reports text after the closing ']' once, also after blanks on the same line", () => {
    expect(read("json", '[{"a": 1}] x\n[{"a": 2}]\n')).toEqual([
      { type: "event", line: 1, event: { a: 1 } },
      { type: "problem", line: 1, message: "unexpected text after the closing ']' (column 12)" },
    ]);
    expect(read("json", '[{"a": 1}]  \n\n  ,\n')).toEqual([
      { type: "event", line: 1, event: { a: 1 } },
      { type: "problem", line: 3, message: "unexpected text after the closing ']' (column 3)" },
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
