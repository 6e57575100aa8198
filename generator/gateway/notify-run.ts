/**
 * The work behind `alipay-codegen notify`: a signed notification of a method sent to the user's
 * handler, either through a running gateway (`POST /__alipay/notify`, signed with that gateway's
 * Alipay key, the one the handler already trusts) or here, signed with a private key file given.
 * Returns what happened; the CLI prints it.
 */
import { loadPrivateKey, type SignType } from '../../templates/runtime/index.js';
import { loadSpecsOrThrow } from '../spec/load.js';
import { NOTIFY_PATH } from './cashier.js';
import { buildNotification, tradeFromFields } from './notification.js';
import { notifyFieldsOf } from './notify-fields.js';
import { describeReport, NotifyUrlError, parseNotifyUrl, sendNotification, type NotifyAttempt } from './notify-sender.js';

export interface NotifyRunOptions {
  readonly method: string;
  readonly url: string;
  readonly fields: Readonly<Record<string, string>>;
  /** A running gateway (any URL of it, e.g. its /gateway.do): it signs and sends. */
  readonly gateway?: string;
  /** Without `gateway`: the spec directory (the method's notify fields) and the Alipay private key (PEM or base64 text). */
  readonly specsDir?: string;
  readonly alipayPrivateKey?: string;
  readonly signType?: SignType;
  readonly attempts?: number;
  readonly retryDelayMs?: number;
}

export interface NotifyRunResult {
  readonly accepted: boolean;
  /** `answered success`, `answered "fail" (HTTP 200), not exactly "success"`, `no answer: ...` */
  readonly result: string;
  readonly attempts: readonly NotifyAttempt[];
  readonly notification: Readonly<Record<string, string>>;
}

/** A problem of the user's input or of reaching the gateway; the message says which. */
export class NotifyRunError extends Error {}

async function throughGateway(options: NotifyRunOptions, gateway: string): Promise<NotifyRunResult> {
  let endpoint: URL;
  try {
    endpoint = new URL(NOTIFY_PATH, gateway);
  } catch {
    throw new NotifyRunError(`--gateway is not a URL: ${gateway}`);
  }
  let response: Response;
  try {
    response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ method: options.method, url: options.url, fields: options.fields, signType: options.signType ?? 'RSA2', attempts: options.attempts ?? 1, retryDelayMs: options.retryDelayMs ?? 0 }),
    });
  } catch (error) {
    // fetch's own message is only "fetch failed": the reason is its cause (ECONNREFUSED, bad port, ...).
    const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
    const reason = typeof cause?.code === 'string' ? cause.code : typeof cause?.message === 'string' ? cause.message : (error as Error).message;
    throw new NotifyRunError(`cannot reach the gateway at ${endpoint.origin}: ${reason}`);
  }
  const text = await response.text();
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new NotifyRunError(`${endpoint.origin} answered HTTP ${response.status} without JSON: is it an alipay-codegen gateway?`);
  }
  if (response.status !== 200) throw new NotifyRunError(`the gateway refused the notification: ${String(body['error'])}`);
  return body as unknown as NotifyRunResult;
}

async function standalone(options: NotifyRunOptions): Promise<NotifyRunResult> {
  if (options.alipayPrivateKey === undefined) throw new NotifyRunError('give --gateway <url> (a running serve signs it) or --alipay-private-key <file> to sign with');
  try {
    parseNotifyUrl(options.url);
  } catch (error) {
    if (error instanceof NotifyUrlError) throw new NotifyRunError(error.message);
    throw error;
  }
  const specsDir = options.specsDir ?? 'specs';
  const spec = (await loadSpecsOrThrow(specsDir)).find((l) => l.spec.method === options.method)?.spec;
  if (spec === undefined) throw new NotifyRunError(`no spec for ${options.method} in ${specsDir}`);
  let key;
  try {
    key = loadPrivateKey(options.alipayPrivateKey, 'alipayPrivateKey');
  } catch {
    throw new NotifyRunError('the Alipay private key is not a readable RSA private key (PEM or base64 DER)');
  }
  const notification = buildNotification(
    { fields: notifyFieldsOf(spec), trade: tradeFromFields(options.fields, undefined), overrides: options.fields, signType: options.signType ?? 'RSA2' },
    key,
  );
  const report = await sendNotification(options.url, notification, {
    ...(options.attempts === undefined ? {} : { attempts: options.attempts }),
    ...(options.retryDelayMs === undefined ? {} : { retryDelayMs: options.retryDelayMs }),
  });
  return { accepted: report.accepted, result: describeReport(report), attempts: report.attempts, notification };
}

export function runNotify(options: NotifyRunOptions): Promise<NotifyRunResult> {
  return options.gateway === undefined ? standalone(options) : throughGateway(options, options.gateway);
}

export { notifyTarget } from './notify-sender.js';
