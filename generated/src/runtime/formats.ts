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
export const DATE_TIME_PATTERN: string =
  '^(?:\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8]))' +
  '|(?:\\d{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)' +
  ' (?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d$';

/** A decimal amount in yuan as Alipay writes it: digits, at most 2 decimals, no sign or exponent ("88.88", "0.01", "100"). */
export const PRICE_PATTERN: string = '^(?:0|[1-9]\\d*)(?:\\.\\d{1,2})?$';

const DATE_TIME: RegExp = new RegExp(DATE_TIME_PATTERN);
const PRICE: RegExp = new RegExp(PRICE_PATTERN);

/** Strict `yyyy-MM-dd HH:mm:ss` with a real calendar date (see DATE_TIME_PATTERN). */
export function isDateTime(s: string): boolean {
  return DATE_TIME.test(s);
}

/** A price in yuan (see PRICE_PATTERN). */
export function isPrice(s: string): boolean {
  return PRICE.test(s);
}
