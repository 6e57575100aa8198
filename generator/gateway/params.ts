/**
 * Request params as the gateway reads them: the query string plus an
 * `application/x-www-form-urlencoded` body (a body value wins over a query value of the same name).
 */
import type { IncomingMessage } from 'node:http';

/** Largest body accepted: 1 MiB (the real gateway refuses far smaller uploads on this endpoint). */
export const MAX_BODY_BYTES = 1 << 20;
/**
 * An over-large body is still read to its end (and dropped) before the 413 is sent: a client
 * that is still sending when the server closes gets a connection reset instead of the answer.
 * Past this many bytes the connection is cut.
 */
export const MAX_DRAINED_BYTES = 256 << 20;

export class BodyTooLargeError extends Error {
  /** `cut`: the body went past MAX_DRAINED_BYTES and was not read to its end (the connection must go). */
  constructor(readonly cut: boolean) {
    super(`request body larger than ${MAX_BODY_BYTES} bytes`);
  }
}

/**
 * Reads the whole body as UTF-8; rejects with BodyTooLargeError past MAX_BODY_BYTES, once the
 * rest of the body has been read and dropped (or past MAX_DRAINED_BYTES, at once).
 */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // A declared length says at once that the body cannot fit: nothing of it is kept.
    let tooLarge = Number(req.headers['content-length']) > MAX_BODY_BYTES;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_DRAINED_BYTES) {
        // Stop reading: the caller answers, then cuts the connection.
        req.pause();
        req.removeAllListeners('data');
        reject(new BodyTooLargeError(true));
        return;
      }
      if (size > MAX_BODY_BYTES) {
        tooLarge = true;
        chunks.length = 0;
      }
      if (!tooLarge) chunks.push(chunk);
    });
    req.on('end', () => {
      if (tooLarge) reject(new BodyTooLargeError(false));
      else resolve(chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8'));
    });
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
