/// <reference path="./platform.d.ts" />
/**
 * The one definition of the Alipay Date and Price formats. Generated validators call the
 * functions; the generator's spec loader and JSON Schema export use the same patterns, so a
 * value `validate` accepts is a value the runtime accepts. Plain regular expressions (no flags
 * needed, ASCII digits only) so JSON Schema validators read them the same way as JavaScript.
 */
/**
 * Strict `yyyy-MM-dd HH:mm:ss` with a real calendar date (no 2024-02-30, no 24:00:00): months of
 * 31 and 30 days, February to the 28th, and February 29th in leap years only (divisible by 4 and
 * not by 100, or by 400; the year is its last two digits, or the first two when those are 00).
 */
export declare const DATE_TIME_PATTERN: string;
/** A decimal amount in yuan as Alipay writes it: digits, at most 2 decimals, no sign or exponent ("88.88", "0.01", "100"). */
export declare const PRICE_PATTERN: string;
/** Strict `yyyy-MM-dd HH:mm:ss` with a real calendar date (see DATE_TIME_PATTERN). */
export declare function isDateTime(s: string): boolean;
/** A price in yuan (see PRICE_PATTERN). */
export declare function isPrice(s: string): boolean;
