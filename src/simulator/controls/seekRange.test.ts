import { describe, expect, it } from "vitest";
import { eventsBefore } from "./seekRange.ts";

/** Input items as "e" (event) and "w" (watermark record or bad row). */
function input(kinds: string) {
  const items = Array.from(kinds).flatMap((kind, item) => (kind === "e" ? [item] : []));
  const asked: number[] = [];
  return {
    read: { totalEvents: items.length, totalItems: kinds.length },
    asked,
    itemOf: (index: number) => {
      asked.push(index);
      return Promise.resolve(items[index] ?? null);
    },
  };
}

describe("eventsBefore", () => {
  it("counts the events before every item, whatever lies between them", async () => {
    for (const kinds of ["eweew", "wwe", "eeww", "weewewwe", "w"]) {
      const { read, itemOf } = input(kinds);
      for (let position = 0; position <= kinds.length; position++) {
        const expected = kinds.slice(0, position).replaceAll("w", "").length;
        expect(await eventsBefore(position, read, itemOf), `${kinds} at ${position}`).toBe(expected);
      }
    }
  });

  it("asks nothing when every item is an event", async () => {
    const { read, itemOf, asked } = input("eeee");
    expect(await eventsBefore(3, read, itemOf)).toBe(3);
    expect(asked).toEqual([]);
  });

  it("asks about log2 of the non-event items, not about every event", async () => {
    const { read, itemOf, asked } = input(`${"e".repeat(1000)}wwwwwww${"e".repeat(1000)}`);
    expect(await eventsBefore(1500, read, itemOf)).toBe(1493);
    expect(asked.length).toBeLessThanOrEqual(3);
  });
});
