import { describe, expect, it } from "vitest";
import { createTimeReader, detectTimeEncoding, isDateTimeText, readEventTime } from "./timestamps.ts";

const T = Date.parse("2019-10-01T00:00:00Z");

describe("detectTimeEncoding", () => {
  it.each([
    ["date-time text", ["2019-10-01 00:00:00 UTC", "2019-10-01T00:00:05Z", null, ""], "date-time"],
    ["seed 000's underscore date-times", ["2018-06-12_09:27:11"], "date-time"],
    ["epoch seconds", [T / 1000, T / 1000 + 5], "epoch-seconds"],
    ["epoch seconds as text with a fraction", [`${T / 1000}.250`], "epoch-seconds"],
    ["epoch milliseconds", [T, T + 5000], "epoch-millis"],
    ["epoch milliseconds as text", [String(T)], "epoch-millis"],
    ["small relative times (Flink test style)", [1, 2, 10_000], "epoch-millis"],
  ] as const)("reads %s", (_, values, encoding) => {
    expect(detectTimeEncoding("t", values)).toEqual({ ok: true, encoding });
  });

  it("decides by the field, not by the value: one magnitude for the whole sample", () => {
    // 2e8 alone would be seconds; next to a millisecond value it is read as milliseconds too.
    expect(detectTimeEncoding("t", [2e8, T])).toEqual({ ok: true, encoding: "epoch-millis" });
  });

  it("refuses samples that do not show one encoding", () => {
    expect(detectTimeEncoding("t", ["2019-10-01", T])).toEqual({
      ok: false,
      message: "field 't' mixes date-times and epoch numbers",
    });
    expect(detectTimeEncoding("t", ["soon"])).toEqual({
      ok: false,
      message: `field 't' holds "soon", which is neither a date-time nor epoch seconds or milliseconds`,
    });
    expect(detectTimeEncoding("t", [null, ""]).ok).toBe(false);
  });
});

describe("readEventTime", () => {
  it("reads date-times as parseEventTime does, plus the underscore separator", () => {
    expect(readEventTime("2019-10-01 00:00:00 UTC", "date-time", "t")).toEqual({ ok: true, millis: T });
    expect(readEventTime("2020-01-01 00:01:00.0", "date-time", "t")).toEqual({
      ok: true,
      millis: Date.parse("2020-01-01T00:01:00Z"),
    });
    expect(readEventTime("2018-06-12_09:27:11", "date-time", "t")).toEqual({
      ok: true,
      millis: Date.parse("2018-06-12T09:27:11Z"),
    });
  });

  it("reads epoch seconds exactly, truncating below the millisecond", () => {
    expect(readEventTime(T / 1000, "epoch-seconds", "t")).toEqual({ ok: true, millis: T });
    expect(readEventTime(1577836860.123, "epoch-seconds", "t")).toEqual({ ok: true, millis: 1577836860123 });
    expect(readEventTime("1577836860.1239", "epoch-seconds", "t")).toEqual({
      ok: true,
      millis: 1577836860123,
    });
    expect(readEventTime("-1.5", "epoch-seconds", "t")).toEqual({ ok: true, millis: -1500 });
  });

  it("reads epoch milliseconds", () => {
    expect(readEventTime(T, "epoch-millis", "t")).toEqual({ ok: true, millis: T });
    expect(readEventTime(String(T), "epoch-millis", "t")).toEqual({ ok: true, millis: T });
  });

  it("refuses a value in another encoding than the field's, naming the field", () => {
    expect(readEventTime(T, "date-time", "ts")).toEqual({
      ok: false,
      message: `time field 'ts' holds ${T}, but its values are a date-time (as detected from the first events)`,
    });
    expect(readEventTime("2019-10-01", "epoch-millis", "ts").ok).toBe(false);
    expect(readEventTime("2019-10-01", "epoch-seconds", "ts").ok).toBe(false);
    expect(readEventTime(1.5, "epoch-millis", "ts").ok).toBe(false);
    expect(readEventTime(1e300, "epoch-seconds", "ts").ok).toBe(false);
  });

  it("reads a mapped field out of events", () => {
    const read = createTimeReader("ts", "epoch-seconds");
    expect(read({ ts: 1 })).toEqual({ ok: true, millis: 1000 });
    expect(read({})).toEqual({
      ok: false,
      message:
        "time field 'ts' holds nothing (the field is missing), but its values are epoch seconds (as detected from the first events)",
    });
  });
});

describe("isDateTimeText", () => {
  it("knows date-times from other text", () => {
    expect(isDateTimeText(" 2019-10-01 00:00:00 UTC ")).toBe(true);
    expect(isDateTimeText("2019-10-01_00:00:00")).toBe(true);
    expect(isDateTimeText("2019-10-01_x")).toBe(false);
    expect(isDateTimeText("1570000000")).toBe(false);
  });
});
