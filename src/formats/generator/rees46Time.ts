/**
 * REES46's timestamp text: `2019-11-17 16:58:15 UTC` (UTC, second resolution). The generator
 * keeps event time as epoch milliseconds; this writes it the way the dataset's CSV does, and
 * `parseEventTime` (formats/events) reads it back.
 */

/** Epoch ms → `YYYY-MM-DD HH:mm:ss UTC` (milliseconds are truncated, as REES46 has none). */
export function formatRees46Time(epochMillis: number): string {
  const date = new Date(epochMillis);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a valid time: ${epochMillis}`);
  const year = date.getUTCFullYear();
  if (year < 0 || year > 9999) throw new RangeError(`year ${year} cannot be written as YYYY: ${epochMillis}`);
  return (
    `${pad(year, 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)} ` +
    `${pad(date.getUTCHours(), 2)}:${pad(date.getUTCMinutes(), 2)}:${pad(date.getUTCSeconds(), 2)} UTC`
  );
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}
