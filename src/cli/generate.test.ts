/** `cep-studio generate`, in-process: determinism, formats, schemas, streaming, bad arguments. */
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { createEventReader, parseEventTime, type EventData } from "../formats/events/index.ts";
import { runCli } from "./cli.ts";
import type { CliIo } from "./cliIo.ts";
import { createNodeIo } from "./cliIo.ts";
import { runInProcess, SCENARIOS } from "./testing/cliTestSupport.ts";

const REES46_HEADER =
  "event_time,event_type,product_id,category_id,category_code,brand,price,user_id,user_session";

function lines(stdout: string): string[] {
  return stdout.split("\n").filter((line) => line !== "");
}

/** Events as the event readers produce them from `text`. */
function readEvents(format: "csv" | "jsonl", text: string): EventData[] {
  const events: EventData[] = [];
  const reader = createEventReader(format, (item) => {
    if (item.type === "event") events.push(item.event);
    else throw new Error(`line ${item.line}: ${item.type}`);
  });
  reader.push(text);
  reader.end();
  return events;
}

describe("cep-studio generate", () => {
  it("writes the same bytes for the same arguments, other bytes for another seed", async () => {
    for (const schema of ["rees46", "scenarios", "seed000", "seed001"]) {
      const args = ["generate", "--seed", "5", "--events", "2000", "--users", "300", "--schema", schema];
      const first = await runInProcess(args);
      expect(first).toMatchObject({ status: 0, stderr: "" });
      expect((await runInProcess(args)).stdout).toBe(first.stdout);
      const other = await runInProcess(args.map((a) => (a === "5" ? "6" : a)));
      expect(other.stdout).not.toBe(first.stdout);
    }
  });

  it("writes REES46 CSV by default, with its header and UTC times", async () => {
    const run = await runInProcess(["generate", "--events", "100"]);
    const [header, ...rows] = lines(run.stdout);
    expect(header).toBe(REES46_HEADER);
    expect(rows).toHaveLength(100);
    for (const row of rows) {
      expect(row).toMatch(
        /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC,(view|cart|purchase),\d+,\d{19},[a-z._]*,[a-z]*,\d+\.\d\d,\d+,[0-9a-f-]{36}$/,
      );
    }
    expect(rows[0]).toMatch(/^2019-10-01 00:00:00 UTC,/);
  });

  it("writes REES46 JSON Lines with the same fields, read as the CSV rows are", async () => {
    const args = ["generate", "--seed", "2", "--events", "3000"];
    const csv = await runInProcess(args);
    const jsonl = await runInProcess([...args, "--format", "jsonl"]);
    const fromJson = readEvents("jsonl", jsonl.stdout);
    expect(Object.keys(fromJson[0] ?? {}).join(",")).toBe(REES46_HEADER);
    // Empty CSV cells read as "" (a CSV cannot say null) where JSON says null; all else agrees.
    const comparable = (e: EventData): EventData =>
      Object.fromEntries(Object.entries(e).filter(([, v]) => v !== null && v !== ""));
    expect(fromJson.map(comparable)).toEqual(readEvents("csv", csv.stdout).map(comparable));
    expect(fromJson.some((e) => e.brand === null)).toBe(true);
    expect(jsonl.stdout).toContain('"category_id":"2053013');
  });

  it("writes the seed scenarios' columns: CSV as their rows, JSON Lines as their Kafka records", async () => {
    const args = ["generate", "--seed", "3", "--events", "2000", "--schema", "scenarios"];
    const [header, ...rows] = lines((await runInProcess(args)).stdout);
    expect(header).toBe(readFileSync(path.join(SCENARIOS, "scenario1.events.csv"), "utf8").split("\n")[0]);
    expect(rows[0]).toMatch(
      /^2020-01-01 00:00:00\.0,view,\d+,\d{19},[a-z._]*,[a-z]*,\d+\.\d\d,\d+,[0-9a-f-]{36}$/,
    );
    const jsonl = lines((await runInProcess([...args, "--format", "jsonl"])).stdout);
    expect(jsonl[0]).toMatch(
      /^\{"eventTime":1577836800000,"eventType":"view","productId":"\d+","categoryId":"\d{19}",.*"userId":"\d+","userSession":"[0-9a-f-]{36}"\}$/,
    );
    // The same events either way: times, ids (as text) and prices agree row by row.
    const fromCsv = readEvents("csv", [header, ...rows].join("\n"));
    const fromJson = readEvents("jsonl", jsonl.join("\n"));
    expect(fromJson).toHaveLength(fromCsv.length);
    fromJson.forEach((event, i) => {
      const row = fromCsv[i] ?? {};
      expect(parseEventTime(row.eventTime, "eventTime")).toEqual({ ok: true, millis: event.eventTime });
      expect(event.userId).toBe(String(row.userId));
      expect(event.categoryId).toBe(String(row.categoryId));
      expect(event.price).toBe(row.price);
    });
  });

  it("writes seed 000 user events and seed 001 actions", async () => {
    const seed000 = lines(
      (await runInProcess(["generate", "--events", "5000", "--schema", "seed000"])).stdout,
    );
    const event = JSON.parse(seed000[0] ?? "{}") as Record<string, unknown>;
    expect(Object.keys(event)).toEqual(["userId", "channel", "eventType", "eventTime", "data"]);
    expect(seed000[0]).toMatch(
      /^\{"userId":"[0-9a-f]{32}","channel":"(APP|WEB|WAP)","eventType":"VIEW_PRODUCT","eventTime":"2018-06-12 00:00:00","data":\{"productId":\d+,"price":\d+\.\d\d,"amount":\d+\.\d\d\}\}$/,
    );
    const types = new Set(seed000.map((l) => (JSON.parse(l) as { eventType: string }).eventType));
    expect([...types].sort()).toEqual(["ADD_TO_CART", "PURCHASE", "REMOVE_FROM_CART", "VIEW_PRODUCT"]);
    const csv000 = lines(
      (await runInProcess(["generate", "--events", "3", "--schema", "seed000", "--format", "csv"])).stdout,
    );
    expect(csv000[0]).toBe("userId,channel,eventType,eventTime,productId,price,amount");

    const seed001 = lines(
      (await runInProcess(["generate", "--events", "5000", "--schema", "seed001"])).stdout,
    );
    expect(seed001[0]).toMatch(/^\{"userId":\d+,"action":"login"\}$/);
    const actions = new Set(seed001.map((l) => (JSON.parse(l) as { action: string }).action));
    expect([...actions].sort()).toEqual(["add-to-cart", "login", "logout", "payment", "view"]);
  });

  it("tags records with their partition only when there are several", async () => {
    const run = await runInProcess(["generate", "--events", "50", "--partitions", "3", "--format", "jsonl"]);
    for (const line of lines(run.stdout)) expect(line).toMatch(/,"partition":[012]\}$/);
    const csv = await runInProcess(["generate", "--events", "5", "--partitions", "2"]);
    expect(lines(csv.stdout)[0]).toBe(`${REES46_HEADER},partition`);
    expect((await runInProcess(["generate", "--events", "5", "--format", "jsonl"])).stdout).not.toContain(
      "partition",
    );
  });

  it("applies disorder and late events as asked", async () => {
    const base = ["generate", "--events", "5000", "--format", "jsonl", "--rate", "100"];
    const times = (stdout: string): number[] =>
      lines(stdout).map((l) =>
        Date.parse((JSON.parse(l) as { event_time: string }).event_time.replace(" UTC", "Z")),
      );
    const inOrder = times((await runInProcess(base)).stdout);
    expect(inOrder.every((t, i) => i === 0 || t >= (inOrder[i - 1] ?? 0))).toBe(true);
    const late = times(
      (
        await runInProcess([
          ...base,
          "--out-of-orderness",
          "2000",
          "--disorder",
          "exponential",
          "--late-fraction",
          "0.02",
        ])
      ).stdout,
    );
    let max = Number.NEGATIVE_INFINITY;
    let lateCount = 0;
    for (const t of late) {
      if (t <= max - 2000 - 1) lateCount++;
      max = Math.max(max, t);
    }
    expect(lateCount / late.length).toBeGreaterThan(0.01);
    expect(lateCount / late.length).toBeLessThan(0.03);
  });

  it("streams in chunks and waits for stdout to drain between them", async () => {
    let pending = 0;
    let maxPending = 0;
    let writes = 0;
    let chars = 0;
    const io: CliIo = {
      ...createNodeIo(Readable.from([]), process.stdout, process.stderr),
      async writeOut(text) {
        pending++;
        maxPending = Math.max(maxPending, pending);
        writes++;
        chars += text.length;
        await new Promise((resolve) => setTimeout(resolve, 0));
        pending--;
      },
    };
    expect(await runCli(["generate", "--events", "20000", "--format", "jsonl"], io)).toBe(0);
    expect(writes).toBeGreaterThan(20);
    expect(chars / writes).toBeGreaterThan(60_000);
    expect(maxPending).toBe(1);
  });

  it("rejects bad arguments with exit status 2 and says why", async () => {
    const expectUsage = async (args: string[], message: string): Promise<void> => {
      const run = await runInProcess(["generate", ...args]);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr).toContain(`cep-studio: ${message}\n`);
    };
    await expectUsage([], "missing required option --events");
    await expectUsage(["--events", "1.5"], "--events must be a whole number ≥ 0, not '1.5'");
    await expectUsage(["--events", "5", "--users", "0"], "--users must be a whole number ≥ 1, not '0'");
    await expectUsage(["--events", "5", "--seed", "x"], "--seed must be a whole number ≥ 0, not 'x'");
    await expectUsage(
      ["--events", "5", "--schema", "kafka"],
      "--schema takes rees46, scenarios, seed000, seed001, not 'kafka'",
    );
    await expectUsage(["--events", "5", "--format", "xml"], "--format takes csv, jsonl, not 'xml'");
    await expectUsage(
      ["--events", "5", "--late-fraction", "1.5"],
      "--late-fraction must be a number from 0 to 1, not '1.5'",
    );
    await expectUsage(
      ["--events", "5", "--rate", "0"],
      "--rate must be a number of events per second > 0, not '0'",
    );
    await expectUsage(
      ["--events", "5", "--out-of-orderness", "-3"],
      "--out-of-orderness must be a whole number ≥ 0, not '-3'",
    );
    await expectUsage(
      ["--events", "5", "--disorder", "exponential"],
      "--disorder needs --out-of-orderness MS (the bound it spreads delays under)",
    );
    await expectUsage(["--events", "5", "--idle-every", "100"], "--idle-every and --idle-for go together");
    await expectUsage(
      ["--events", "5", "--idle-every", "100", "--idle-for", "100"],
      "--idle-for (100) must be shorter than --idle-every (100)",
    );
    await expectUsage(["--events", "5", "--pattern", "x"], "unknown option --pattern");
  });

  it("documents itself in --help", async () => {
    const run = await runInProcess(["generate", "--help"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("cep-studio generate --events N");
  });
});
