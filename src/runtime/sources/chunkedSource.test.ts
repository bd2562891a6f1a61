import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createEventReader, type EventFormat, type ReadItem } from "../../formats/events/index.ts";
import { createChunkedSource, utf8Length, type ChunkedSourceOptions } from "./chunkedSource.ts";

/** The reference: the whole text in one chunk. */
function readWhole(format: EventFormat, text: string): ReadItem[] {
  const items: ReadItem[] = [];
  const reader = createEventReader(format, (item) => items.push(item));
  reader.push(text.startsWith("\uFEFF") ? text.slice(1) : text);
  reader.end();
  return items;
}

/** Feeds `chunks` one by one, collecting what each push and the end return. */
function readChunks(chunks: readonly string[], options: ChunkedSourceOptions = {}) {
  const source = createChunkedSource(options);
  const items: ReadItem[] = [];
  for (const chunk of chunks) items.push(...source.push(chunk));
  items.push(...source.end());
  return { items, source };
}

/** `text` cut at `cuts` (UTF-16 positions, any order, duplicates give empty chunks). */
function cutAt(text: string, cuts: readonly number[]): string[] {
  const points = cuts.map((c) => c % (text.length + 1)).sort((a, b) => a - b);
  const chunks: string[] = [];
  let from = 0;
  for (const point of points) {
    chunks.push(text.slice(from, point));
    from = point;
  }
  chunks.push(text.slice(from));
  return chunks;
}

/** Text over an alphabet rich in what splitting can break: quotes, CR, LF, surrogate pairs. */
function textOver(alphabet: readonly string[]): fc.Arbitrary<string> {
  return fc.array(fc.constantFrom(...alphabet), { maxLength: 120 }).map((parts) => parts.join(""));
}

const CSV_ALPHABET = ["a", "1", "2.5", ",", '"', '""', "\n", "\r\n", "\r", " ", "é", "😀", "\uFEFF"];
const JSON_ALPHABET = [
  "{",
  "}",
  "[",
  "]",
  '"a"',
  '"😀"',
  ":",
  ",",
  "1",
  "2232732093077520756",
  "\n",
  "\r\n",
  " ",
];
const JSON_EVENT = fc
  .dictionary(fc.constantFrom("a", "b", "é😀", "$watermark"), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 })
  .map((event) => JSON.stringify(event));

const csvText = fc.oneof(
  textOver(CSV_ALPHABET),
  // Mostly well-formed CSV, with quoted cells holding commas, quotes and line breaks.
  fc
    .array(
      fc.array(fc.constantFrom("x", "42", '"a,b"', '"say ""hi"""', '"two\r\nlines"', "😀", ""), {
        minLength: 2,
        maxLength: 2,
      }),
    )
    .chain((rows) =>
      fc.constantFrom("\n", "\r\n").map((eol) => ["k,v", ...rows.map((r) => r.join(","))].join(eol) + eol),
    ),
);
const jsonLinesText = fc.oneof(
  textOver(JSON_ALPHABET),
  fc.array(fc.oneof(JSON_EVENT, textOver(JSON_ALPHABET))).map((lines) => lines.join("\r\n")),
);
const jsonArrayText = fc.oneof(
  textOver(JSON_ALPHABET),
  fc.array(JSON_EVENT).map((events) => `[\n${events.join(",\n")}\n]\n`),
);
const cuts = fc.array(fc.nat(), { maxLength: 12 });

describe("createChunkedSource: chunk boundaries are invisible", () => {
  it.each([
    ["csv", csvText],
    ["jsonl", jsonLinesText],
    ["json", jsonArrayText],
  ] as const)("%s: any split yields the items of reading the text whole", (format, texts) => {
    fc.assert(
      fc.property(texts, cuts, (text, at) => {
        const { items, source } = readChunks(cutAt(text, at), { format });
        const expected = readWhole(format, text);
        expect(items).toEqual(expected);
        const progress = source.progress();
        expect(progress.chars).toBe(text.length);
        expect(progress.bytes).toBe(new TextEncoder().encode(text).length);
        expect(progress.events).toBe(expected.filter((i) => i.type === "event").length);
        expect(progress.problems).toBe(
          expected.filter((i) => i.type === "problem" || i.type === "fatal").length,
        );
      }),
      { numRuns: 300 },
    );
  });

  it("reads bytes cut inside multi-byte characters, decoded by a streaming TextDecoder", () => {
    fc.assert(
      fc.property(csvText, cuts, (text, at) => {
        const bytes = new TextEncoder().encode(text.replace(/^\uFEFF+/, ""));
        const decoder = new TextDecoder("utf-8");
        const source = createChunkedSource({ format: "csv" });
        const items: ReadItem[] = [];
        const points = [...at.map((c) => c % (bytes.length + 1)), bytes.length].sort((a, b) => a - b);
        let from = 0;
        for (const point of points) {
          const piece = bytes.subarray(from, point);
          items.push(...source.push(decoder.decode(piece, { stream: true }), piece.length));
          from = point;
        }
        items.push(...source.push(decoder.decode(), 0), ...source.end());
        expect(items).toEqual(readWhole("csv", new TextDecoder().decode(bytes)));
        expect(source.progress().bytes).toBe(bytes.length);
      }),
      { numRuns: 200 },
    );
  });

  it("reads a quoted CSV field spanning CRLF lines, CRLF kept, cut at every pair of positions", () => {
    const text = 'id,text\r\n1,"two\r\nlines, ""quoted"""\r\n2,x\r\n';
    const expected = [
      { type: "event", line: 2, event: { id: 1, text: 'two\r\nlines, "quoted"' } },
      { type: "event", line: 4, event: { id: 2, text: "x" } },
    ];
    for (let i = 0; i <= text.length; i++) {
      for (let j = i; j <= text.length; j++) {
        expect(readChunks(cutAt(text, [i, j]), { format: "csv" }).items).toEqual(expected);
      }
    }
  });
});

describe("createChunkedSource: incremental reading", () => {
  it("returns each chunk's completed items, holding back an unfinished line", () => {
    const source = createChunkedSource({ fileName: "clicks.csv" });
    expect(source.push("user,type\r\nu1,view\r\nu2,ca")).toEqual([
      { type: "event", line: 2, event: { user: "u1", type: "view" } },
    ]);
    expect(source.push("rt\r")).toEqual([]);
    expect(source.push("\nu3,buy")).toEqual([
      { type: "event", line: 3, event: { user: "u2", type: "cart" } },
    ]);
    expect(source.end()).toEqual([{ type: "event", line: 4, event: { user: "u3", type: "buy" } }]);
    expect(source.progress()).toEqual({
      format: "csv",
      formatSource: "file name",
      bytes: 35,
      totalBytes: null,
      chars: 35,
      lines: 4,
      events: 3,
      watermarks: 0,
      problems: 0,
      failed: false,
      done: true,
    });
    expect(() => source.push("more")).toThrow("after end()");
  });

  it("strips a byte-order mark, also before JSON Lines", () => {
    const { items } = readChunks(["\uFEFF", '{"a":1}\n', '{"a":2}']);
    expect(items).toEqual([
      { type: "event", line: 1, event: { a: 1 } },
      { type: "event", line: 2, event: { a: 2 } },
    ]);
  });

  it("counts bytes given by the caller and reports the total size", () => {
    const source = createChunkedSource({ format: "jsonl", totalBytes: 100 });
    source.push('{"a":"é"}\n', 11);
    expect(source.progress()).toMatchObject({ bytes: 11, chars: 10, totalBytes: 100, lines: 1, events: 1 });
  });

  it("counts lines ended by LF, CRLF or a lone CR, a CRLF cut between chunks once", () => {
    const text = "kind\ra\r\nb\nc\r";
    for (const cut of [0, 5, 6, 7, 12]) {
      const { source } = readChunks([text.slice(0, cut), text.slice(cut)], { format: "csv" });
      expect(source.progress(), `cut at ${cut}`).toMatchObject({ lines: 4, events: 3 });
    }
    expect(readChunks(["kind\ra\rb"], { format: "csv" }).source.progress()).toMatchObject({ lines: 3 });
  });

  it("counts watermark records", () => {
    const { source } = readChunks(['{"a":1}\n{"$wat', 'ermark": 5}\n']);
    expect(source.progress()).toMatchObject({ events: 1, watermarks: 1, lines: 2 });
  });
});

describe("createChunkedSource: problems", () => {
  it("lists malformed rows with their line and reason, and goes on", () => {
    const { items, source } = readChunks(["a,b\n1,2\n3\n4,5,", "6\n7,8\n", '9,"open\n'], { format: "csv" });
    expect(items.filter((i) => i.type === "event")).toHaveLength(2);
    expect(source.problems()).toEqual({
      total: 3,
      fatal: null,
      listed: [
        { line: 3, message: "expected 2 fields (as in the header), found 1", fatal: false },
        { line: 4, message: "expected 2 fields (as in the header), found 3", fatal: false },
        { line: 6, message: "unterminated quoted field at end of input", fatal: false },
      ],
    });
  });

  it("lists the first problems and counts all of them", () => {
    const bad = Array.from({ length: 2500 }, (_, i) => `{"n": ${i}, }\n`).join("");
    const { source } = readChunks(['{"ok":1}\n', bad, '{"ok":2}\n']);
    const log = source.problems();
    expect(log.total).toBe(2500);
    expect(log.listed).toHaveLength(1000);
    expect(log.listed[999]?.line).toBe(1001);
    expect(source.progress()).toMatchObject({ events: 2, problems: 2500, lines: 2502 });
    const few = readChunks([bad], { format: "jsonl", maxListedProblems: 2 }).source.problems();
    expect(few).toMatchObject({ total: 2500, listed: [{ line: 1 }, { line: 2 }] });
  });

  it("stops at a fatal problem and keeps counting what it is given", () => {
    const { items, source } = readChunks(["a,a\n1,2\n", "3,4\n"], { format: "csv" });
    expect(items).toEqual([{ type: "fatal", line: 1, message: "the header names column 'a' twice" }]);
    expect(source.problems().fatal).toEqual({
      line: 1,
      message: "the header names column 'a' twice",
      fatal: true,
    });
    expect(source.progress()).toMatchObject({ failed: true, chars: 12, events: 0, problems: 1 });
  });

  it("reads a JSON array on one line element by element, as its chunks arrive", () => {
    const source = createChunkedSource({ fileName: "one-line.json" });
    const events = (items: readonly ReadItem[]) => items.map((i) => (i.type === "event" ? i.event : i));
    const first = `[${'{"a":1},'.repeat(8)}{"a"`;
    expect(events(source.push(first))).toEqual(Array.from({ length: 8 }, () => ({ a: 1 })));
    expect(source.progress()).toMatchObject({ format: "json", lines: 0, events: 8 });
    expect(events(source.push(':3},{"a":"x'))).toEqual([{ a: 3 }]);
    expect(events(source.push('"}]'))).toEqual([{ a: "x" }]);
    expect(source.end()).toEqual([]);
    expect(source.progress()).toMatchObject({ lines: 1, events: 10, problems: 0, done: true });
  });
});

describe("createChunkedSource: format detection", () => {
  it("reads JSON Lines saved as .json by its first character, keeping blank lines' numbers", () => {
    const { items, source } = readChunks(["\n  \r\n", "   ", '{"a":1}\n{"a":2}'], {
      fileName: "events.json",
    });
    expect(items).toEqual([
      { type: "event", line: 3, event: { a: 1 } },
      { type: "event", line: 4, event: { a: 2 } },
    ]);
    expect(source.progress()).toMatchObject({ format: "jsonl", formatSource: "content" });
  });

  it("detects a JSON array and CSV without a file name", () => {
    expect(readChunks(["\n", '[{"a":1}]']).source.progress()).toMatchObject({
      format: "json",
      formatSource: "content",
      events: 1,
    });
    const csv = readChunks(["  x,y\n1,2\n"]);
    expect(csv.items).toEqual([{ type: "event", line: 2, event: { "  x": 1, y: 2 } }]);
    expect(csv.source.progress()).toMatchObject({ format: "csv", formatSource: "content" });
  });

  it("lets the reader named by the file explain blank or foreign content", () => {
    expect(readChunks([" \n"], { fileName: "e.json" }).items).toEqual([
      { type: "fatal", line: 1, message: "expected a JSON array of events, found nothing" },
    ]);
    expect(readChunks([""]).source.progress()).toMatchObject({ format: "csv", formatSource: "default" });
  });
});

describe("createChunkedSource: a large input", () => {
  it("streams 200 000 CSV rows in 64 KiB chunks", () => {
    const rows = 200_000;
    const source = createChunkedSource({ fileName: "big.csv" });
    let chunk = "event_time,event_type,product_id,category_id,price,user_id\n";
    let events = 0;
    let bytes = 0;
    let last: ReadItem | undefined;
    const flush = (): void => {
      bytes += chunk.length;
      for (const item of source.push(chunk)) {
        if (item.type === "event") events++;
        last = item;
      }
      chunk = "";
    };
    for (let i = 0; i < rows; i++) {
      // Every 10 000th row is short a field: it must be reported, not dropped.
      const row =
        i % 10_000 === 5_000
          ? `2019-10-01 00:00:00 UTC,view,${i}\r\n`
          : `2019-10-01 00:00:00 UTC,view,${1000 + i},2053013555631882655,${i % 1000}.99,${500_000_000 + i}\r\n`;
      chunk += row;
      if (chunk.length >= 65_536) flush();
    }
    flush();
    source.end();
    expect(events).toBe(rows - 20);
    expect(last).toEqual({
      type: "event",
      line: rows + 1,
      event: {
        event_time: "2019-10-01 00:00:00 UTC",
        event_type: "view",
        product_id: 1000 + rows - 1,
        category_id: "2053013555631882655",
        price: 999.99,
        user_id: 500_000_000 + rows - 1,
      },
    });
    expect(source.progress()).toMatchObject({ lines: rows + 1, events: rows - 20, problems: 20, bytes });
    expect(source.problems().listed[0]).toEqual({
      line: 5_002,
      message: "expected 6 fields (as in the header), found 3",
      fatal: false,
    });
  });
});

describe("utf8Length", () => {
  it("matches TextEncoder, also for surrogate pairs cut in two", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (text) => {
        expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length);
        const cut = Math.floor(text.length / 2);
        expect(utf8Length(text.slice(0, cut)) + utf8Length(text.slice(cut))).toBe(utf8Length(text));
      }),
    );
  });
});
