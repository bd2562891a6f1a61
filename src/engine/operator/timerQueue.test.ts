import { describe, expect, it } from "vitest";
import { TimerQueue, type TimerOwner } from "./timerQueue.ts";

const owner = (seq: number): TimerOwner & { name: string } => ({
  seq,
  lastTimer: Number.NaN,
  name: `k${seq}`,
});

function drain(queue: TimerQueue<ReturnType<typeof owner>>, limit: number): string[] {
  const fired: string[] = [];
  for (let o = queue.pollUpTo(limit); o !== undefined; o = queue.pollUpTo(limit)) fired.push(o.name);
  return fired;
}

describe("TimerQueue", () => {
  it("fires by (time, first-seen key) across lanes and out-of-order timers", () => {
    const queue = new TimerQueue<ReturnType<typeof owner>>(2);
    const [a, b, c] = [owner(0), owner(1), owner(2)];
    queue.register(b, 10);
    queue.register(b, 40, 1);
    queue.register(c, 12);
    queue.register(a, 12); // same time, earlier key: out of lane order
    queue.register(a, 5); // earlier than the lane's last timer
    queue.register(c, 30, 1);
    expect(queue.size).toBe(6);
    expect(drain(queue, 11)).toEqual(["k0", "k1"]);
    expect(drain(queue, 35)).toEqual(["k0", "k2", "k2"]);
    expect(drain(queue, Number.POSITIVE_INFINITY)).toEqual(["k1"]);
    expect(queue.size).toBe(0);
  });

  it("ignores a timer equal to the owner's previous one, until that one fired", () => {
    const queue = new TimerQueue<ReturnType<typeof owner>>();
    const a = owner(0);
    queue.register(a, 3);
    queue.register(a, 3);
    expect(queue.size).toBe(1);
    expect(drain(queue, 3)).toEqual(["k0"]);
    queue.register(a, 3);
    expect(drain(queue, 3)).toEqual(["k0"]);
  });
});
