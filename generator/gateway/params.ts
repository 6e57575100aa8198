/**
 * Request params as the gateway reads them: the query string plus an
 * `application/x-www-form-urlencoded` body (a body value wins over a query value of the same name).
 */
import type { IncomingMessage } from 'node:http';

/** Largest body accepted (the real gateway refuses far smaller uploads on this endpoint). */
export const MAX_BODY_BYTES = 1 << 20;

export class BodyTooLargeError extends Error {}

/** Reads the whole body as UTF-8; rejects with BodyTooLargeError past MAX_BODY_BYTES. */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BodyTooLargeError('body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Merges query and form params into a null-prototype record (the last value of a repeated name wins). */
export function readParams(search: string, body: string, contentType: string | undefined): Record<string, string> {
  const params: Record<string, string> = Object.create(null) as Record<string, string>;
  const add = (text: string): void => {
    for (const [key, value] of new URLSearchParams(text)) params[key] = value;
  };
  add(search);
  if (body !== '' && (contentType === undefined || contentType.toLowerCase().startsWith('application/x-www-form-urlencoded'))) {
    add(body);
  }
  return params;
}
