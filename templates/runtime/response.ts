/**
 * Finds the response node in a gateway body and returns its RAW text: the gateway signs the exact
 * bytes it wrote (including `\/` escapes and key order), so the value must never be re-serialised.
 * One pass over the top-level object; strings are skipped with indexOf, not char by char.
 */
import { AlipayMalformedResponseError } from './errors.js';

/** What the scanner found in a gateway body. */
export interface ResponseNode {
  /** `<method>_response` or `error_response`. */
  readonly key: string;
  readonly isErrorResponse: boolean;
  /** The raw JSON text of the node's value, exactly as in the body. */
  readonly raw: string;
  /** Where `raw` starts in the body text. */
  readonly rawStart: number;
  /**
   * The node's bytes as received, when the answer was not UTF-8 (GBK): the signature covers those
   * bytes, not a re-encoding of `raw`. Absent for UTF-8 answers (then the UTF-8 of `raw` is signed).
   */
  readonly bytes?: Uint8Array;
  /** The decoded top-level `sign`, if present. */
  readonly sign: string | undefined;
  /** The top-level `alipay_cert_sn` (certificate mode: which Alipay certificate signed), if present. */
  readonly certSn?: string | undefined;
}

const QUOTE = 34;
const BACKSLASH = 92;

/** `alipay.trade.query` -> `alipay_trade_query_response`. */
export function responseNodeKey(method: string): string {
  return `${method.replaceAll('.', '_')}_response`;
}

function skipWs(s: string, i: number): number {
  for (;;) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9) i++;
    else return i;
  }
}

/** `i` is on an opening quote; returns the index after the closing quote, or -1 if unterminated. */
function skipString(s: string, i: number): number {
  let from = i + 1;
  for (;;) {
    const q = s.indexOf('"', from);
    if (q < 0) return -1;
    // The quote is escaped iff an odd number of backslashes precede it.
    let b = q - 1;
    while (b > i && s.charCodeAt(b) === BACKSLASH) b--;
    if ((q - 1 - b) % 2 === 0) return q + 1;
    from = q + 1;
  }
}

/** Returns the index after the JSON value starting at `i`, or -1 if the body ends inside it. */
function skipValue(s: string, i: number): number {
  const first = s.charCodeAt(i);
  if (first === QUOTE) return skipString(s, i);
  if (first === 123 || first === 91) {
    let depth = 0;
    const n = s.length;
    let j = i;
    while (j < n) {
      const c = s.charCodeAt(j);
      if (c === QUOTE) {
        j = skipString(s, j);
        if (j < 0) return -1;
        continue;
      }
      if (c === 123 || c === 91) depth++;
      else if ((c === 125 || c === 93) && --depth === 0) return j + 1;
      j++;
    }
    return -1;
  }
  // Number, true, false, null: up to the next delimiter.
  let j = i;
  for (;;) {
    const c = s.charCodeAt(j);
    if (Number.isNaN(c) || c === 44 || c === 125 || c === 93 || c === 32 || c === 10 || c === 13 || c === 9) break;
    j++;
  }
  return j === i || j >= s.length ? -1 : j;
}

function parseString(raw: string, fail: (why: string) => Error): string {
  try {
    return JSON.parse(raw) as string;
  } catch {
    throw fail('invalid string escape');
  }
}

/**
 * Extracts the `<method>_response` (or `error_response`) node and the `sign` from a gateway body.
 * Throws AlipayMalformedResponseError when the body is not one JSON object, is truncated, has no
 * such node, or has two (a second node could smuggle unsigned data past the verifier).
 */
export function extractResponseNode(body: string, method: string, traceId?: string): ResponseNode {
  const nodeKey = responseNodeKey(method);
  const fail = (why: string): AlipayMalformedResponseError =>
    new AlipayMalformedResponseError(`${method}: malformed gateway response: ${why}`, method, { traceId });
  const n = body.length;
  let i = skipWs(body, 0);
  if (body.charCodeAt(i) !== 123) throw fail(i >= n ? 'empty body' : 'not a JSON object');
  i = skipWs(body, i + 1);
  let key: string | undefined;
  let raw = '';
  let rawStart = 0;
  let sign: string | undefined;
  let sawSign = false;
  let certSn: string | undefined;
  if (body.charCodeAt(i) === 125) {
    i++;
  } else {
    for (;;) {
      if (i >= n) throw fail('truncated');
      if (body.charCodeAt(i) !== QUOTE) throw fail('expected a property name');
      const keyEnd = skipString(body, i);
      if (keyEnd < 0) throw fail('truncated');
      let name = body.slice(i + 1, keyEnd - 1);
      if (name.includes('\\')) name = parseString(body.slice(i, keyEnd), fail);
      i = skipWs(body, keyEnd);
      if (body.charCodeAt(i) !== 58) throw fail(i >= n ? 'truncated' : 'expected ":"');
      i = skipWs(body, i + 1);
      const valueStart = i;
      const valueEnd = skipValue(body, i);
      if (valueEnd < 0) throw fail('truncated');
      if (name === nodeKey || name === 'error_response') {
        if (key !== undefined) throw fail('more than one response node');
        key = name;
        raw = body.slice(valueStart, valueEnd);
        rawStart = valueStart;
      } else if (name === 'sign') {
        if (sawSign) throw fail('more than one sign');
        sawSign = true;
        if (body.charCodeAt(valueStart) !== QUOTE) throw fail('sign is not a string');
        sign = parseString(body.slice(valueStart, valueEnd), fail);
      } else if (name === 'alipay_cert_sn') {
        if (certSn !== undefined) throw fail('more than one alipay_cert_sn');
        if (body.charCodeAt(valueStart) !== QUOTE) throw fail('alipay_cert_sn is not a string');
        certSn = parseString(body.slice(valueStart, valueEnd), fail);
      }
      i = skipWs(body, valueEnd);
      const c = body.charCodeAt(i);
      if (c === 44) {
        i = skipWs(body, i + 1);
        continue;
      }
      if (c === 125) {
        i++;
        break;
      }
      throw fail(i >= n ? 'truncated' : 'expected "," or "}"');
    }
  }
  if (skipWs(body, i) !== n) throw fail('unexpected text after the JSON object');
  if (key === undefined) throw fail(`no ${nodeKey} or error_response node`);
  return { key, isErrorResponse: key === 'error_response', raw, rawStart, sign, ...(certSn === undefined ? {} : { certSn }) };
}
