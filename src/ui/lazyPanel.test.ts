import { describe, expect, it } from "vitest";
import type { ReactElement } from "react";
import { lazyPanel } from "./lazyPanel.tsx";

/** Lets pending promise callbacks run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function Loaded() {
  return null;
}

describe("lazyPanel", () => {
  it("loads its module once, however often it is asked to", async () => {
    let calls = 0;
    const panel = lazyPanel(() => {
      calls++;
      return Promise.resolve(Loaded);
    });
    expect(calls).toBe(0);
    panel.preload();
    panel.preload();
    await settle();
    panel.preload();
    expect(calls).toBe(1);
    // Once loaded, the panel renders the component itself, with no Suspense round trip.
    expect((panel() as ReactElement).type).toBe(Loaded);
  });

  it("does not keep a failed load: the next request loads afresh", async () => {
    let calls = 0;
    const panel = lazyPanel(() => {
      calls++;
      return calls === 1 ? Promise.reject(new Error("chunk not fetched")) : Promise.resolve(Loaded);
    });
    panel.preload();
    await settle();
    const failed = (panel() as ReactElement).type;
    expect(failed).not.toBe(Loaded);
    // React re-renders the failed lazy component (so the error boundary hears of the failure)
    // until the user asks to try again.
    expect((panel() as ReactElement).type).toBe(failed);
    panel.reload();
    expect((panel() as ReactElement).type).not.toBe(failed);
    panel.preload();
    await settle();
    expect(calls).toBe(2);
    expect((panel() as ReactElement).type).toBe(Loaded);
  });
});
