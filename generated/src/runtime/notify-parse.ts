/**
 * Turns the body of an asynchronous notification (异步通知) into a verified, typed object, from
 * whatever a server framework hands over: the raw body (string or bytes: decoded here, once, in
 * the body's own `charset`), or params another layer already decoded (URLSearchParams or an
 * object: used as they are, never decoded again). Verified with the client's Alipay public key
 * (V1 and V2 rules, notify.ts), checked against the client's app_id, validated with the method's
 * notification validator.
 */
import { Buffer } from 'node:buffer';
import type { Validator } from './contract.js';
import { clientState, type AlipayClient } from './client.js';
import { AlipayConfigError, AlipayNotifyError } from './errors.js';
import type { NotifyVersion } from './notify.js';
import { buildSignContent, verifyContent, type SignType } from './sign.js';

/** What a Node, Express, Fastify or Next handler has of a form POST. */
export type NotifyBody = string | Uint8Array | URLSearchParams | Readonly<Record<string, unknown>>;

/** What a generated module hands over for a method's notification. */
export interface NotifyOperation {
  readonly method: string;
  readonly validateNotification: Validator;
}

export interface NotifyOptions {
  /** `v1` (payment notifications: sign and sign_type unsigned), `v2` (only sign), `auto` (default: either). */
  readonly version?: NotifyVersion;
}

/** One param as received: its text, and for a raw body in another charset than UTF-8 its bytes. */
interface Param {
  readonly text: string;
  readonly bytes: Uint8Array | undefined;
}

const PLUS = 0x2b;
const PERCENT = 0x25;

/** A raw form body is printable ASCII without spaces: everything else arrives percent-encoded. */
function looksRaw(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b <= 0x20 || b >= 0x7f) return false;
  return true;
}

function hex(b: number): number {
  if (b >= 0x30 && b <= 0x39) return b - 0x30;
  const lower = b | 0x20;
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x61 + 10 : -1;
}

/** application/x-www-form-urlencoded bytes: `+` is a space, `%XX` a byte; undefined on a broken escape. */
function formDecode(bytes: Uint8Array): Uint8Array | undefined {
  const out = new Uint8Array(bytes.length);
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === PLUS) out[n++] = 0x20;
    else if (b === PERCENT) {
      const hi = hex(bytes[i + 1] ?? 0);
      const lo = hex(bytes[i + 2] ?? 0);
      if (hi < 0 || lo < 0) return undefined;
      out[n++] = hi * 16 + lo;
      i += 2;
    } else out[n++] = b;
  }
  return out.subarray(0, n);
}

function refuse(method: string, reason: 'decoded' | 'malformed' | 'missing-sign', detail: string): AlipayNotifyError {
  return new AlipayNotifyError(method, reason, detail);
}

const DECODED_BODY = 'the body has spaces or non-ASCII text, so it was URL-decoded already: pass the raw body, or the parsed params';

/** Splits and decodes a raw body once, in the charset its `charset` param names (UTF-8 when absent). */
function readRaw(method: string, bytes: Uint8Array): Map<string, Param> {
  if (!looksRaw(bytes)) {
    throw refuse(method, 'decoded', DECODED_BODY);
  }
  const pairs: [string, Uint8Array][] = [];
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 0x26) continue;
    const part = bytes.subarray(start, i);
    start = i + 1;
    if (part.length === 0) continue;
    const eq = part.indexOf(0x3d);
    const key = formDecode(eq < 0 ? part : part.subarray(0, eq));
    const value = eq < 0 ? undefined : formDecode(part.subarray(eq + 1));
    if (key === undefined || value === undefined) throw refuse(method, 'malformed', 'a param without "=" or with a broken %-escape');
    pairs.push([Buffer.from(key).toString('utf8'), value]);
  }
  const charsetPair = pairs.find(([k]) => k === 'charset');
  const charset = charsetPair === undefined ? 'utf-8' : Buffer.from(charsetPair[1]).toString('latin1').trim().toLowerCase();
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(charset, { fatal: true });
  } catch {
    throw refuse(method, 'malformed', 'the charset param names no known charset');
  }
  const utf8 = decoder.encoding === 'utf-8';
  const params = new Map<string, Param>();
  for (const [key, value] of pairs) {
    if (params.has(key)) throw refuse(method, 'malformed', `the param "${key}" is given twice`);
    let text: string;
    try {
      text = decoder.decode(value);
    } catch {
      throw refuse(method, 'malformed', `the param "${key}" is not valid ${decoder.encoding}`);
    }
    params.set(key, { text, bytes: utf8 ? undefined : value });
  }
  return params;
}

/** Params another layer parsed: strings as they are, other values (a parsed fund_bill_list) as JSON. */
function readParsed(method: string, body: URLSearchParams | Readonly<Record<string, unknown>>): Map<string, Param> {
  const params = new Map<string, Param>();
  const entries: Iterable<[string, unknown]> = body instanceof URLSearchParams ? body.entries() : Object.entries(body);
  for (const [key, value] of entries) {
    if (value === undefined || value === null) continue;
    if (params.has(key)) throw refuse(method, 'malformed', `the param "${key}" is given twice`);
    params.set(key, { text: typeof value === 'string' ? value : JSON.stringify(value), bytes: undefined });
  }
  const charset = params.get('charset')?.text.trim().toLowerCase();
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    throw refuse(method, 'decoded', `a ${charset} notification is signed over its bytes: pass the raw body (string or Buffer), not decoded params`);
  }
  return params;
}

/** The signed bytes of a non-UTF-8 body: the V1/V2 string built from the values' own bytes. */
function contentBytes(params: Map<string, Param>, omit: readonly string[]): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const key of [...params.keys()].sort()) {
    const p = params.get(key)!;
    if (key === 'sign' || omit.includes(key) || p.text.trim() === '') continue;
    parts.push(Buffer.from(`${parts.length === 0 ? '' : '&'}${key}=`, 'latin1'), p.bytes ?? Buffer.from(p.text, 'utf8'));
  }
  return Buffer.concat(parts);
}

function verifies(params: Map<string, Param>, sign: string, version: 'v1' | 'v2', client: AlipayClient): boolean {
  const omit = version === 'v1' ? ['sign_type'] : [];
  const signType: SignType = params.get('sign_type')?.text === 'RSA' ? 'RSA' : 'RSA2';
  const raw = [...params.values()].some((p) => p.bytes !== undefined);
  const strings: Record<string, string> = {};
  for (const [k, p] of params) strings[k] = p.text;
  const content = raw ? contentBytes(params, omit) : buildSignContent(strings, omit);
  return verifyContent(content, sign, clientState(client).publicKey!, signType);
}

/**
 * Verifies and validates a notification of `op`'s method and returns its params (strings, as the
 * notification carries them). Throws AlipayNotifyError with the reason (`decoded`, `malformed`,
 * `missing-sign`, `bad-signature`, `app-id`, `invalid`); AlipayConfigError when the client has no
 * Alipay public key.
 */
export function parseNotification<N>(client: AlipayClient, op: NotifyOperation, body: NotifyBody, options?: NotifyOptions): N {
  const method = op.method;
  if (clientState(client).publicKey === undefined) throw new AlipayConfigError('verifying a notification needs the client\'s alipayPublicKey');
  // A string is checked before it is read as bytes: latin1 would cut text past U+00FF to one byte.
  if (typeof body === 'string' && /[^\x21-\x7e]/.test(body)) throw refuse(method, 'decoded', DECODED_BODY);
  const params =
    typeof body === 'string'
      ? readRaw(method, Buffer.from(body, 'latin1'))
      : body instanceof Uint8Array
        ? readRaw(method, body)
        : readParsed(method, body);
  const sign = params.get('sign')?.text ?? '';
  if (sign.trim() === '') throw refuse(method, 'missing-sign', 'it has no sign param (is it a notification from Alipay?)');
  // base64 has no spaces: a space here was a `+` decoded once too often.
  if (sign.includes(' ')) throw refuse(method, 'decoded', 'the sign has a space where base64 has "+": the params were URL-decoded twice');
  const version = options?.version ?? 'auto';
  const ok = version === 'auto' ? verifies(params, sign, 'v1', client) || verifies(params, sign, 'v2', client) : verifies(params, sign, version, client);
  if (!ok) throw new AlipayNotifyError(method, 'bad-signature', 'the sign does not verify with the Alipay public key (a wrong alipayPublicKey, or a changed body)');
  const appId = params.get('app_id')?.text;
  if (appId !== client.appId) {
    throw new AlipayNotifyError(method, 'app-id', appId === undefined ? 'it has no app_id' : `it is for app_id ${appId}, not this client's ${client.appId}`);
  }
  const out: Record<string, string> = {};
  for (const [k, p] of params) out[k] = p.text;
  const issues = op.validateNotification(out);
  if (issues.length > 0) {
    const list = issues.slice(0, 10).map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ');
    throw new AlipayNotifyError(method, 'invalid', list, issues);
  }
  return out as N;
}
