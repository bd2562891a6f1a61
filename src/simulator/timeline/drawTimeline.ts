/**
 * Paints the timeline on a 2D canvas: the event-time axis, a lane per key with its events
 * coloured by type, late events crossed in red, partial-match window spans, matches and
 * timeouts, the highlighted match, and the watermark line with its out-of-orderness band.
 * Only the visible time range and lanes are drawn (binary search over events sorted by time),
 * so a frame costs the events on screen, not the events loaded.
 */
import { clockText, durationText } from "../format/timeText.ts";
import { COLORS, drawMarks, drawVersionMarks, drawWindows } from "./drawOverlays.ts";
import { laneY, lanesInView, TYPE_CATEGORIES, TYPE_COLORS, type LaneLayout } from "./laneLayout.ts";
import { visibleEvents, type OutputMark, type TimelineEvents } from "./timelineData.ts";
import { ticks, visibleRange, xOf, type TimeScale } from "./timeScale.ts";
import { revealHiddenCharacters } from "../../model/hiddenCharacters.ts";

/** A partial match's window on its key's lane: from its start until it times out. */
export interface WindowSpan {
  readonly key: string;
  readonly from: number;
  readonly to: number;
  readonly stage: string;
}

export interface TimelineScene {
  readonly width: number;
  readonly height: number;
  readonly scale: TimeScale;
  readonly layout: LaneLayout;
  readonly events: TimelineEvents | null;
  /** Lane of each key (keys without a lane are not drawn). */
  readonly laneOfKey: (key: string) => number | undefined;
  readonly keyOfLane: (lane: number) => string | undefined;
  readonly watermark: number | null;
  readonly outOfOrdernessMs: number;
  readonly marks: readonly OutputMark[];
  readonly windows: readonly WindowSpan[];
  readonly highlightLines: ReadonlySet<number>;
  /** The input line of the event picked by a click (ringed in the text colour). */
  readonly selectedLine: number | null;
  /** Where a broadcast rule update took over (`rule 1 v2`, or `rule 1 removed`). */
  readonly versionMarks: readonly { readonly time: number; readonly label: string }[];
}

const FONT = "11px system-ui, sans-serif";
/** How far above a lane's centre its events sit (the outcome line runs below them). */
const EVENT_LIFT = 4;

export function drawTimeline(ctx: CanvasRenderingContext2D, scene: TimelineScene): void {
  const { width, height } = scene;
  ctx.clearRect(0, 0, width, height);
  ctx.font = FONT;
  drawLanes(ctx, scene);
  drawAxis(ctx, scene);
  drawWindows(ctx, scene);
  drawEvents(ctx, scene);
  drawMarks(ctx, scene);
  drawVersionMarks(ctx, scene);
  drawWatermark(ctx, scene);
  drawLaneLabels(ctx, scene);
}

function drawLanes(ctx: CanvasRenderingContext2D, scene: TimelineScene): void {
  const { layout, width, height } = scene;
  const visible = lanesInView(layout, height);
  for (let row = 0; row < visible; row++) {
    const lane = layout.firstLane + row;
    if (scene.keyOfLane(lane) === undefined) break;
    if (lane % 2 === 1) {
      ctx.fillStyle = COLORS.laneAlt;
      ctx.fillRect(0, layout.top + row * layout.laneHeight, width, layout.laneHeight);
    }
  }
}

function drawAxis(ctx: CanvasRenderingContext2D, scene: TimelineScene): void {
  const { scale, width, height, layout } = scene;
  const { step, times } = ticks(scale, width);
  ctx.strokeStyle = COLORS.grid;
  ctx.fillStyle = COLORS.muted;
  ctx.textBaseline = "middle";
  ctx.textAlign = "center";
  ctx.lineWidth = 1;
  for (const t of times) {
    const x = Math.round(xOf(scale, t)) + 0.5;
    if (x < scale.originX) continue;
    ctx.beginPath();
    ctx.moveTo(x, layout.top - 4);
    ctx.lineTo(x, height);
    ctx.stroke();
    const label =
      step >= 86_400_000 ? new Date(t).toISOString().slice(0, 10) : clockText(t).replace(/\.000$/, "");
    // A label cut by the key column would read as another time: leave it out.
    if (x - ctx.measureText(label).width / 2 >= scale.originX) ctx.fillText(label, x, 9);
  }
  ctx.strokeStyle = COLORS.border;
  ctx.beginPath();
  ctx.moveTo(scale.originX, layout.top - 0.5);
  ctx.lineTo(width, layout.top - 0.5);
  ctx.stroke();
}

/** Reused between frames: indices of the events in view, and each key's lane centre (NaN: not computed). */
let visible = new Int32Array(0);
let keyY = new Float64Array(0);
/** A key whose lane is out of view. */
const HIDDEN = -1;

function drawEvents(ctx: CanvasRenderingContext2D, scene: TimelineScene): void {
  const { events, scale, layout, width } = scene;
  if (events === null) return;
  const { from, to } = visibleRange(scale, width);
  if (visible.length < events.count) visible = new Int32Array(events.count);
  const slack = scale.msPerPx * 6;
  const n = visibleEvents(events, from - slack, to + slack, visible);
  if (keyY.length < events.keys.length) keyY = new Float64Array(events.keys.length);
  keyY.fill(Number.NaN, 0, events.keys.length);
  const eventY = (i: number): number | null => {
    const k = events.keyIndex[i] ?? 0;
    let y = keyY[k] ?? Number.NaN;
    if (Number.isNaN(y)) {
      const key = events.keys[k];
      const lane = key === undefined ? undefined : scene.laneOfKey(key);
      y = (lane === undefined ? null : laneY(layout, lane, scene.height)) ?? HIDDEN;
      keyY[k] = y;
    }
    return y === HIDDEN ? null : y;
  };
  const size = Math.max(4, Math.min(9, layout.laneHeight - 14));
  const half = size / 2;
  // Events sit in the upper part of a lane; matches and timeouts run along its bottom.
  const lift = EVENT_LIFT;
  // One pass per colour keeps fillStyle changes to five per frame.
  for (let c = 0; c < TYPE_CATEGORIES.length; c++) {
    const category = TYPE_CATEGORIES[c];
    if (category === undefined) continue;
    ctx.fillStyle = TYPE_COLORS[category];
    for (let v = 0; v < n; v++) {
      const i = visible[v] ?? 0;
      if (events.category[i] !== c) continue;
      const y = eventY(i);
      if (y === null) continue;
      const x = xOf(scale, events.time[i] ?? 0);
      ctx.globalAlpha = events.processed[i] === 1 ? 1 : 0.45;
      ctx.fillRect(x - half, y - lift - half, size, size);
    }
  }
  ctx.globalAlpha = 1;
  // Late events: a red cross over the square; highlighted ones: a ring.
  ctx.lineWidth = 1.5;
  for (let v = 0; v < n; v++) {
    const i = visible[v] ?? 0;
    const late = events.late[i] === 1;
    const line = events.line[i] ?? -1;
    const lit = scene.highlightLines.has(line);
    const picked = line === scene.selectedLine;
    if (!late && !lit && !picked) continue;
    const centre = eventY(i);
    if (centre === null) continue;
    const y = centre - lift;
    const x = xOf(scale, events.time[i] ?? 0);
    if (late) {
      ctx.strokeStyle = COLORS.danger;
      ctx.beginPath();
      ctx.moveTo(x - half - 1, y - half - 1);
      ctx.lineTo(x + half + 1, y + half + 1);
      ctx.moveTo(x + half + 1, y - half - 1);
      ctx.lineTo(x - half - 1, y + half + 1);
      ctx.stroke();
    }
    if (lit || picked) {
      ctx.strokeStyle = picked ? COLORS.text : COLORS.accent;
      ctx.strokeRect(x - half - 3, y - half - 3, size + 6, size + 6);
    }
  }
  ctx.lineWidth = 1;
}

function drawWatermark(ctx: CanvasRenderingContext2D, scene: TimelineScene): void {
  const { watermark, scale, layout, height, width } = scene;
  if (watermark === null || !Number.isFinite(watermark)) return;
  const x = xOf(scale, watermark);
  // The band: events up to the out-of-orderness ahead of the watermark wait in the operator.
  if (scene.outOfOrdernessMs > 0) {
    const x1 = xOf(scale, watermark + scene.outOfOrdernessMs);
    const left = Math.max(scale.originX, x);
    const right = Math.min(width, x1);
    if (right > left) {
      ctx.fillStyle = COLORS.band;
      ctx.fillRect(left, layout.top, right - left, height - layout.top);
    }
  }
  if (x < scale.originX || x > width) return;
  ctx.strokeStyle = COLORS.accent;
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.moveTo(x, layout.top - 6);
  ctx.lineTo(x, height);
  ctx.stroke();
  ctx.lineWidth = 1;
  const label =
    scene.outOfOrdernessMs > 0 ? `watermark (−${durationText(scene.outOfOrdernessMs)})` : "watermark";
  ctx.fillStyle = COLORS.accent;
  ctx.textAlign = x > width - 120 ? "right" : "left";
  ctx.fillText(label, x + (ctx.textAlign === "right" ? -4 : 4), layout.top - 7);
}

function drawLaneLabels(ctx: CanvasRenderingContext2D, scene: TimelineScene): void {
  const { layout, height, scale } = scene;
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, scale.originX, height);
  ctx.strokeStyle = COLORS.border;
  ctx.beginPath();
  ctx.moveTo(scale.originX - 0.5, 0);
  ctx.lineTo(scale.originX - 0.5, height);
  ctx.stroke();
  ctx.textAlign = "left";
  ctx.textBaseline = "middle";
  ctx.fillStyle = COLORS.muted;
  // The axis shows times of day; the corner says which day (UTC) the view starts on.
  const day = new Date(scale.start);
  ctx.fillText(Number.isNaN(day.getTime()) ? "key" : `${day.toISOString().slice(0, 10)} UTC`, 6, 9);
  ctx.fillStyle = COLORS.text;
  const visible = lanesInView(layout, height);
  for (let row = 0; row < visible; row++) {
    const lane = layout.firstLane + row;
    const key = scene.keyOfLane(lane);
    if (key === undefined) break;
    const y = laneY(layout, lane, height);
    if (y === null) break;
    // A key's hidden characters drawn as markers: a bidi control would reorder the label.
    ctx.fillText(fitText(ctx, revealHiddenCharacters(key), scale.originX - 10), 6, y);
  }
}

function fitText(ctx: CanvasRenderingContext2D, text: string, maxWidth: number): string {
  if (ctx.measureText(text).width <= maxWidth) return text;
  let cut = text;
  while (cut.length > 1 && ctx.measureText(`${cut}…`).width > maxWidth) cut = cut.slice(0, -1);
  return `${cut}…`;
}
