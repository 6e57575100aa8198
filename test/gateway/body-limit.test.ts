/**
 * Over-large request bodies get a 413 naming the limit (not a connection reset), over real HTTP
 * on 127.0.0.1, whether the length is declared up front or the body is chunked; a body within
 * the limit is read as usual, and the connection after a 413 is closed, not reused.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../generator/gateway/params.js';
import { extractResponseNode } from '../../templates/runtime/index.js';
import { seedSpecs, startTestGateway, type TestGateway } from './helpers.js';

let gateway: TestGateway;

beforeAll(async () => {
  gateway = await startTestGateway({ specs: await seedSpecs() });
});
afterAll(async () => {
  await gateway?.close();
});

interface Reply {
  status: number;
  body: string;
  connection: string | undefined;
}

/** POSTs `size` bytes of form text in 1 MiB writes; `declared` sends content-length, else the body is chunked. */
function post(size: number, declared: boolean): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { 'content-type': 'application/x-www-form-urlencoded' };
    if (declared) headers['content-length'] = size;
    const req = request(gateway.url, { method: 'POST', headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode!, body, connection: res.headers.connection }));
    });
    req.on('error', reject);
    const chunk = Buffer.alloc(1 << 20, 'a');
    let sent = 0;
    const pump = (): void => {
      while (sent < size) {
        const part = chunk.subarray(0, Math.min(chunk.length, size - sent));
        sent += part.length;
        if (!req.write(part)) {
          req.once('drain', pump);
          return;
        }
      }
      req.end();
    };
    pump();
  });
}

describe('request body limit', () => {
  it.each([
    { size: 100 * 1024 * 1024, declared: true },
    { size: 100 * 1024 * 1024, declared: false },
    { size: MAX_BODY_BYTES + 1, declared: true },
    { size: MAX_BODY_BYTES + 1, declared: false },
  ])('answers $size bytes (content-length: $declared) with 413 and the limit', async ({ size, declared }) => {
    const reply = await post(size, declared);
    expect(reply.status).toBe(413);
    expect(reply.body).toBe(`request body too large: the gateway accepts at most ${MAX_BODY_BYTES} bytes (1 MiB)\n`);
    expect(reply.connection).toBe('close');
    expect(gateway.logLines.at(-1)).toMatch(/ POST - HTTP 413 /);
  });

  it.each([true, false])('reads a body of exactly the limit (content-length: %s) as form params', async (declared) => {
    // One param of the limit's size without a method: the gateway's own missing-method answer, not a 413.
    const reply = await post(MAX_BODY_BYTES, declared);
    expect(reply.status).toBe(200);
    expect(JSON.parse(extractResponseNode(reply.body, 'x.y').raw)).toMatchObject({ code: '40001', sub_code: 'isv.missing-method' });
  });
});
