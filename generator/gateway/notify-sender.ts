/**
 * Delivers a notification as Alipay does: a form-encoded UTF-8 POST to the merchant's notify_url,
 * which must answer exactly `success` (anything else counts as not received and Alipay sends it
 * again). Redirects are not followed; at most MAX_ANSWER_BYTES of an answer are read. Returns a
 * report of every attempt; never throws for what the handler or the network did.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { maskPersonalData } from '../../templates/runtime/index.js';

/** What a handler must answer for Alipay to stop sending. */
export const NOTIFY_SUCCESS_ANSWER = 'success';
/** Bytes of a handler's answer that are read (and at most 200 characters of them reported). */
export const MAX_ANSWER_BYTES = 64 * 1024;
const REPORTED_CHARS = 200;

export interface NotifyAttempt {
  /** HTTP status of the handler's answer; undefined when none came. */
  readonly status: number | undefined;
  /** The start of the answer body (masked), as received. */
  readonly answer: string | undefined;
  /** Why no answer came (`ECONNREFUSED 127.0.0.1:9`, `timeout after 15000 ms`). */
  readonly error: string | undefined;
}

export interface NotifyReport {
  readonly url: string;
  /** True when an attempt was answered HTTP 2xx with exactly `success`. */
  readonly accepted: boolean;
  readonly attempts: readonly NotifyAttempt[];
}

export interface SendOptions {
  /** Tries in all, 1..20 (default 1); the next one starts only when the previous was not accepted. */
  readonly attempts?: number;
  /** Wait between tries, ms (default 0; Alipay waits minutes to hours). */
  readonly retryDelayMs?: number;
  /** Per attempt (default 15000). */
  readonly timeoutMs?: number;
}

export class NotifyUrlError extends Error {}

/** The notify URL as a URL, or NotifyUrlError naming what is wrong (never the query). */
export function parseNotifyUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new NotifyUrlError('the notify URL is not an absolute URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new NotifyUrlError(`the notify URL must be http or https, not ${url.protocol}`);
  return url;
}

/** Where a notification went, for logs: origin and path, never the query (it may hold tokens). */
export function notifyTarget(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return '(invalid url)';
  }
}

function reported(text: string): string {
  return maskPersonalData(text.length > REPORTED_CHARS ? `${text.slice(0, REPORTED_CHARS)}…` : text);
}

function describeError(error: unknown, url: URL): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? `${code} ${url.host}` : (error as Error).message;
}

function attemptOnce(url: URL, body: string, timeoutMs: number): Promise<NotifyAttempt> {
  return new Promise((resolve) => {
    const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', 'content-length': Buffer.byteLength(body), 'user-agent': 'alipay-codegen-gateway' },
      timeout: timeoutMs,
    });
    let done = false;
    const finish = (attempt: NotifyAttempt): void => {
      if (done) return;
      done = true;
      resolve(attempt);
    };
    req.on('timeout', () => {
      finish({ status: undefined, answer: undefined, error: `timeout after ${timeoutMs} ms` });
      req.destroy();
    });
    req.on('error', (error) => finish({ status: undefined, answer: undefined, error: describeError(error, url) }));
    req.on('response', (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        if (size >= MAX_ANSWER_BYTES) return;
        chunks.push(chunk);
        size += chunk.length;
        if (size >= MAX_ANSWER_BYTES) res.destroy();
      });
      const answered = (): void => {
        const text = Buffer.concat(chunks).subarray(0, MAX_ANSWER_BYTES).toString('utf8');
        finish({ status: res.statusCode, answer: text, error: undefined });
      };
      res.on('end', answered);
      res.on('close', answered);
      res.on('error', answered);
    });
    req.end(body);
  });
}

function isAccepted(attempt: NotifyAttempt): boolean {
  return attempt.status !== undefined && attempt.status >= 200 && attempt.status < 300 && attempt.answer === NOTIFY_SUCCESS_ANSWER;
}

/** POSTs `params` to `url` until a try is accepted or the tries run out. */
export async function sendNotification(url: string, params: Readonly<Record<string, string>>, options: SendOptions = {}): Promise<NotifyReport> {
  const target = parseNotifyUrl(url);
  const tries = Math.min(20, Math.max(1, Math.trunc(options.attempts ?? 1)));
  const body = new URLSearchParams(Object.entries(params)).toString();
  const attempts: NotifyAttempt[] = [];
  for (let i = 0; i < tries; i++) {
    if (i > 0 && (options.retryDelayMs ?? 0) > 0) await new Promise((r) => setTimeout(r, options.retryDelayMs));
    const attempt = await attemptOnce(target, body, options.timeoutMs ?? 15_000);
    const accepted = isAccepted(attempt);
    attempts.push({ ...attempt, answer: attempt.answer === undefined ? undefined : reported(attempt.answer) });
    if (accepted) return { url, accepted: true, attempts };
  }
  return { url, accepted: false, attempts };
}

/** One line on what happened: `success`, `answered "fail" (HTTP 200)`, `no answer: ECONNREFUSED ...`. */
export function describeReport(report: NotifyReport): string {
  const last = report.attempts[report.attempts.length - 1];
  const tries = report.attempts.length > 1 ? ` after ${report.attempts.length} attempts` : '';
  if (report.accepted) return `answered success${tries}`;
  if (last === undefined || last.status === undefined) return `no answer: ${last?.error ?? 'not sent'}${tries}`;
  return `answered ${JSON.stringify(last.answer)} (HTTP ${last.status}), not exactly "success"${tries}`;
}
