/** Format checks used by generated validators (Date and Price fields of the Alipay docs). */
/** Strict `yyyy-MM-dd HH:mm:ss` with a real calendar date (no 2024-02-30, no 24:00:00). */
export declare function isDateTime(s: string): boolean;
/** A decimal amount in yuan as Alipay writes it: digits, at most 2 decimals, no sign or exponent ("88.88", "0.01", "100"). */
export declare function isPrice(s: string): boolean;
