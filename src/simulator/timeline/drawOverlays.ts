/**
 * What the timeline draws over the events: partial-match window spans, matches and timeouts on
 * their key's lane, and the places where a broadcast rule update took over. Part of
 * `drawTimeline.ts`'s frame.
 */
import { laneY } from "./laneLayout.ts";
import type { TimelineScene } from "./drawTimeline.ts";
import { xOf } from "./timeScale.ts";

/** The timeline's colours (the app's design tokens, as canvas needs literal values). */
export const COLORS = {
  text: "#1d2330",
  muted: "#5b6475",
  grid: "#eceef2",
  laneAlt: "#fafbfc",
  border: "#d9dde3",
  accent: "#2f6fde",
  danger: "#c62828",
  ok: "#2e7d32",
  warn: "#b26a00",
  band: "rgba(47, 111, 222, 0.09)",
  window: "rgba(123, 92, 214, 0.16)",
  windowEdge: "rgba(123, 92, 214, 0.6)",
} as const;

/** How far below a lane's centre matches and timeouts are drawn (events sit above it). */
const MARK_DROP = 7;

/** Each live partial match of a key in view, from its start to the end of its window. */
export function drawWindows(ctx: CanvasRenderingContext2D, scene: TimelineScene): void {
  const { scale, layout, height, width } = scene;
  for (const span of scene.windows) {
    const lane = scene.laneOfKey(span.key);
    if (lane === undefined) continue;
    const y = laneY(layout, lane, height);
    if (y === null) continue;
    const x0 = Math.max(scale.originX, xOf(scale, span.from));
    const x1 = Math.min(width, xOf(scale, span.to));
    if (x1 <= x0) continue;
    const h = layout.laneHeight - 4;
    ctx.fillStyle = COLORS.window;
    ctx.fillRect(x0, y - h / 2, x1 - x0, h);
    ctx.strokeStyle = COLORS.windowEdge;
    ctx.setLineDash([3, 3]);
    ctx.strokeRect(x0 + 0.5, y - h / 2 + 0.5, x1 - x0 - 1, h - 1);
    ctx.setLineDash([]);
  }
}

/** Matches (◆ where they completed) and timeouts (⊘ where they timed out), spanning their events. */
export function drawMarks(ctx: CanvasRenderingContext2D, scene: TimelineScene): void {
  const { scale, layout, height, width } = scene;
  for (const mark of scene.marks) {
    const lane = scene.laneOfKey(mark.key);
    if (lane === undefined) continue;
    const centre = laneY(layout, lane, height);
    if (centre === null) continue;
    const y = centre + MARK_DROP;
    const x0 = xOf(scale, mark.from);
    const x1 = xOf(scale, mark.at);
    if (x1 < scale.originX - 10 || x0 > width + 10) continue;
    const color = mark.type === "match" ? COLORS.ok : COLORS.warn;
    const lit = mark.lines.length > 0 && mark.lines.every((l) => scene.highlightLines.has(l));
    ctx.strokeStyle = color;
    ctx.fillStyle = color;
    ctx.lineWidth = lit ? 3 : 1.5;
    ctx.beginPath();
    ctx.moveTo(Math.max(x0, scale.originX), y);
    ctx.lineTo(x1, y);
    ctx.stroke();
    ctx.lineWidth = 1.5;
    if (mark.type === "match") {
      // A diamond where the match completed.
      ctx.beginPath();
      ctx.moveTo(x1, y - 4);
      ctx.lineTo(x1 + 4, y);
      ctx.lineTo(x1, y + 4);
      ctx.lineTo(x1 - 4, y);
      ctx.closePath();
      ctx.fill();
    } else {
      // A ⊘ where the partial match timed out.
      ctx.fillStyle = "#ffffff";
      ctx.beginPath();
      ctx.arc(x1, y, 4, 0, Math.PI * 2);
      ctx.fill();
      ctx.stroke();
      ctx.beginPath();
      ctx.moveTo(x1 - 2.8, y + 2.8);
      ctx.lineTo(x1 + 2.8, y - 2.8);
      ctx.stroke();
    }
    ctx.lineWidth = 1;
  }
}

/** A dashed line where each broadcast rule update took over. */
export function drawVersionMarks(ctx: CanvasRenderingContext2D, scene: TimelineScene): void {
  const { scale, layout, height, width } = scene;
  ctx.strokeStyle = COLORS.muted;
  ctx.fillStyle = COLORS.muted;
  ctx.setLineDash([2, 3]);
  ctx.textAlign = "left";
  for (const mark of scene.versionMarks) {
    const x = Math.round(xOf(scale, mark.time)) + 0.5;
    if (x < scale.originX || x > width) continue;
    ctx.beginPath();
    ctx.moveTo(x, layout.top);
    ctx.lineTo(x, height);
    ctx.stroke();
    ctx.fillText(mark.label, x + 3, height - 8);
  }
  ctx.setLineDash([]);
}
