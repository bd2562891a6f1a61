import { countText } from "../format/timeText.ts";

/**
 * The speed as the bar shows it next to its slider, `2/s` or `max` (events per second; the full
 * wording, `speedLabel`, is the slider's value text and tooltip), so the bar fits one row.
 */
export function speedShortLabel(speed: number | null): string {
  return speed === null ? "max" : `${countText(speed)}/s`;
}
