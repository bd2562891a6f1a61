import { describe, expect, it } from "vitest";
import { EventColumns } from "./eventColumns.ts";
import { measureFloor } from "./floor.ts";

describe("measureFloor", () => {
  it("runs the event-building, key-finding loop over every event", () => {
    const columns = new EventColumns({ users: 50, events: 2_000, eventsPerSecond: 10, seed: 3 });
    const built: number[] = [];
    const source = {
      length: columns.length,
      timestamps: columns.timestamps,
      event: (i: number) => {
        built.push(i);
        return columns.event(i);
      },
      key: (i: number) => columns.key(i),
    };
    expect(measureFloor(source)).toBeGreaterThan(0);
    expect(built).toHaveLength(2_000);
  });
});
