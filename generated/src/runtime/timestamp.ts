/** The gateway's `timestamp`: China Standard Time (UTC+8, no DST) whatever the host's time zone. */

const UTC8_OFFSET_MS = 8 * 60 * 60 * 1000;

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Formats `date` (default: now) as `yyyy-MM-dd HH:mm:ss` in UTC+8. */
export function formatTimestamp(date: Date = new Date()): string {
  // Shift the instant by +8h and read it back in UTC: independent of the host's TZ.
  const d = new Date(date.getTime() + UTC8_OFFSET_MS);
  return (
    `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())} ` +
    `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`
  );
}
