/**
 * Page object for the consistency specs: reads what the simulator's views show of one run so a
 * spec can hold them side by side — the designer's stage badges, the Metrics tab's readouts, the
 * Key inspector's clock and the timeline's partial-match window spans (drawn on its canvas).
 */
import type { Locator, Page } from "@playwright/test";

/** The timeline's window-span fill, `rgba(123, 92, 214, 0.16)` (drawOverlays.ts), as the transparent canvas holds it. */
const WINDOW_FILL: readonly [number, number, number, number] = [123, 92, 214, 41];

export class ConsistencyPage {
  constructor(readonly page: Page) {}

  /** The "partial matches waiting" badges on the canvas's stages. */
  get stageBadges(): Locator {
    return this.page.getByTestId(/^designer\.node\..+\.count$/);
  }

  /** The Metrics tab's readout of a measure (`partialMatches`, `watermarkLag`, …); open the tab first. */
  metric(id: string): Locator {
    return this.page.getByTestId(`sim.metrics.${id}.value`);
  }

  /** The Key inspector's owner line (`subtask 0 of 1 · key group 54 · watermark …`). */
  get keyOwner(): Locator {
    return this.page.getByTestId("sim.keys.owner");
  }

  /**
   * How many pixels of the timeline canvas (open the Timeline tab first) are painted with the
   * partial-match window fill: none when no live partial match is drawn.
   */
  windowPixels(): Promise<number> {
    return this.page.getByTestId("sim.timeline.canvas").evaluate((element, fill) => {
      // e2e code compiles without the DOM library: the canvas as far as this reads it.
      const canvas = element as unknown as {
        width: number;
        height: number;
        getContext(kind: "2d"): {
          getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> };
        } | null;
      };
      const ctx = canvas.getContext("2d");
      if (ctx === null) return -1;
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      let count = 0;
      for (let i = 0; i < data.length; i += 4) {
        const near = (c: number, k: number) => Math.abs((data[i + c] ?? 0) - k) <= 4;
        if (near(0, fill[0]) && near(1, fill[1]) && near(2, fill[2]) && near(3, fill[3])) count++;
      }
      return count;
    }, WINDOW_FILL);
  }
}
