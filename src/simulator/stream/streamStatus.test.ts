import { describe, expect, it } from "vitest";
import { streamStatus } from "./streamStatus.ts";

describe("streamStatus", () => {
  const row = { late: false, skipped: false, index: 3, timestamp: 1_000 };

  it("is 'not read' ahead of the run's position", () => {
    expect(streamStatus(row, 3, null)).toBe("not read");
  });

  it("is 'buffered' while the watermark has not passed a read event, 'processed' once it has", () => {
    expect(streamStatus(row, 4, null)).toBe("buffered");
    expect(streamStatus(row, 4, 999)).toBe("buffered");
    expect(streamStatus(row, 4, 1_000)).toBe("processed");
  });

  it("is 'processed' in processing time (no timestamp) and 'late' for the late side output", () => {
    expect(streamStatus({ ...row, timestamp: null }, 4, null)).toBe("processed");
    expect(streamStatus({ ...row, late: true }, 4, 5_000)).toBe("late");
  });

  it("is 'skipped' for an event the source skipped (no operator saw it)", () => {
    expect(streamStatus({ ...row, timestamp: null, skipped: true }, 4, 5_000)).toBe("skipped");
  });
});
