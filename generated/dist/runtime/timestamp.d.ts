/// <reference path="./platform.d.ts" />
/** The gateway's `timestamp`: China Standard Time (UTC+8, no DST) whatever the host's time zone. */
/** Formats `date` (default: now) as `yyyy-MM-dd HH:mm:ss` in UTC+8. */
export declare function formatTimestamp(date?: Date): string;
