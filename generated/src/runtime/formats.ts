/** Format checks used by generated validators (Date and Price fields of the Alipay docs). */

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const PRICE = /^(?:0|[1-9]\d*)(?:\.\d{1,2})?$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Strict `yyyy-MM-dd HH:mm:ss` with a real calendar date (no 2024-02-30, no 24:00:00). */
export function isDateTime(s: string): boolean {
  const m = DATE_TIME.exec(s);
  if (m === null) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month) &&
    Number(m[4]) <= 23 &&
    Number(m[5]) <= 59 &&
    Number(m[6]) <= 59
  );
}

/** A decimal amount in yuan as Alipay writes it: digits, at most 2 decimals, no sign or exponent ("88.88", "0.01", "100"). */
export function isPrice(s: string): boolean {
  return PRICE.test(s);
}
