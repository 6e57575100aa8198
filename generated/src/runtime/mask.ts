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

// Any whitespace, zero-width spaces, dashes, dots, slashes, underscores, parentheses (and
// full-width forms), the JSON escapes `\n` `\r` `\t` (a raw answer's text is quoted in signature
// errors), and commas, colons and semicolons directly before a digit (`138,1234,5678`; a list
// `v1.0, 2024/05/13` stays readable). None starts with a digit, so the run pattern cannot backtrack.
const SEP =
  '\\\\[nrt]|\\s|[-.\\/_()\\u200b-\\u200d\\u2060\\ufeff\\u2010-\\u2015\\u2212\\uff08\\uff09\\uff0d\\uff0e\\uff0f\\uff3f]|[,:;\\u3001\\uff0c\\uff1a\\uff1b](?=\\p{Nd})';
const DIGIT_RUN = `\\p{Nd}(?:(?:${SEP}){0,3}\\p{Nd})*[Xx]?`;
// A date or date-time on its own (not glued to further digits): left as it is.
const DATE = `\\d{4}(?<sep>[-/.])\\d{1,2}\\k<sep>\\d{1,2}(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2})?)?(?!(?:${SEP}){0,3}\\p{Nd})`;
// An IPv4 address, with a port or not, on its own (network errors name `127.0.0.1:8080`): left as it is.
const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = `${OCTET}(?:\\.${OCTET}){3}(?::\\d{1,5})?(?!(?:${SEP}){0,3}\\p{Nd})`;
const DIGITS = new RegExp(`(${DATE}|${IPV4})|${DIGIT_RUN}`, 'gu');
// A digit, or the X check digit of a resident ID (the run pattern only admits it last).
const ONE_DIGIT = /[\p{Nd}Xx]/u;

// `name=value`, `"name":"value"` and the escaped `\"name\":\"value\"` of params that hold secrets.
const SECRET_PARAM = /((?:\w*token|auth_code|cert_no|private_key)(?:\\?"?\s*:\s*\\?"|\s*=\s*))([^&"\\\s,;}]+)/gi;
// 24+ letters and digits with at least one of each: how tokens look when quoted without a name.
const TOKEN_LIKE = /\b(?=[A-Za-z0-9]*\d)(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]{24,}\b/g;
const MIN_DIGITS = 7;

function maskDigits(run: string, date: string | undefined): string {
  if (date !== undefined) return run;
  const chars = [...run];
  const digitIndexes: number[] = [];
  for (let i = 0; i < chars.length; i++) if (ONE_DIGIT.test(chars[i]!)) digitIndexes.push(i);
  if (digitIndexes.length < MIN_DIGITS) return run;
  // Long numbers keep the first 3 and last 4 (138****5678), shorter ones only the last 2.
  const long = digitIndexes.length >= 11;
  const keepHead = long ? 3 : 0;
  const keepTail = long ? 4 : 2;
  for (let k = keepHead; k < digitIndexes.length - keepTail; k++) chars[digitIndexes[k]!] = '*';
  return chars.join('');
}

/** Returns `text` with personal data and secrets masked (see the module comment). */
export function maskPersonalData(text: string): string {
  return text
    .replace(SECRET_PARAM, (_all, name: string) => `${name}****`)
    .replace(TOKEN_LIKE, (token) => `${token.slice(0, 4)}${'*'.repeat(token.length - 4)}`)
    .replace(DIGITS, (run: string, date: string | undefined) => maskDigits(run, date));
}

// Param names whose values are secrets as a whole (tokens, auth codes): replaced, not digit-masked.
const SECRET_NAME = /token|auth_code|cert_no|private_key/i;

/** A masked copy of request params: secret-named values replaced by `****`, the rest masked; blank values left out. */
export function maskParams(params: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(params)) {
    const value = params[key];
    if (value === undefined || value.trim() === '') continue;
    out[key] = SECRET_NAME.test(key) ? '****' : maskPersonalData(value);
  }
  return out;
}
