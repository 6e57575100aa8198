/// <reference path="./platform.d.ts" />
/**
 * Masks personal data and secrets in text that ends up in errors (every field, `toJSON`, inspect),
 * so errors can be logged without leaking them:
 * - digit runs of 7 or more digits (phone, resident ID, bank card numbers) in any decimal script
 *   (ASCII, full-width, Arabic-Indic, ...), grouped by whitespace of any kind (line breaks and
 *   zero-width spaces included), `-`, `.`, `/`, `_`, parentheses, `,` `:` `;` right before a digit,
 *   and their full-width forms, up to three separator characters between digits (`138 - 1234`);
 * - the values of token-like params (`app_auth_token=...`, `"access_token":"..."`, auth_code, cert_no);
 * - long mixed letter-and-digit strings (tokens quoted without their name).
 * Dates and times (`2024-05-13 17:49:20`) are kept, so the gateway's sign-string echo stays readable.
 */
/** Returns `text` with personal data and secrets masked (see the module comment). */
export declare function maskPersonalData(text: string): string;
/** A masked copy of request params: secret-named values replaced by `****`, the rest masked; blank values left out. */
export declare function maskParams(params: Readonly<Record<string, string | undefined>>): Record<string, string>;
