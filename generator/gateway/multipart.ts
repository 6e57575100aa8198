/**
 * Upload requests (multipart/form-data) as the gateway reads them: the body is parsed by Node's
 * own fetch implementation (undici's `Request.formData()`, no dependency), under a size limit
 * counted while it streams: a declared Content-Length over the limit is refused before any of it is
 * read, and a body that grows past it is refused at that byte. Text fields join the query params
 * (signed, checked as for calls); file parts are kept apart (never signed) for the validator.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FieldIR } from '../ir/types.js';
import { gatewayError, type Node } from './codes.js';
import type { GatewayMethod } from './methods.js';
import { MAX_DRAINED_BYTES } from './params.js';

/** Largest upload body accepted by default: 10 MiB (the catalogue's largest documented file is 5M, plus the text fields). */
export const MAX_UPLOAD_BYTES = 10 << 20;

/** The parts of an upload: text fields (last value of a name wins) and files by field name. */
export interface MultipartRequest {
  readonly fields: Record<string, string>;
  readonly files: ReadonlyMap<string, Uint8Array>;
}

export class UploadTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`upload body larger than ${limit} bytes`);
  }
}

export class MalformedMultipartError extends Error {}

export function isMultipart(contentType: string | undefined): boolean {
  return contentType !== undefined && contentType.toLowerCase().startsWith('multipart/form-data');
}

/**
 * After a refusal the rest of the body is read and dropped, so the client sees the answer rather
 * than a reset; past MAX_DRAINED_BYTES the connection is cut.
 */
function drain(req: IncomingMessage, alreadyRead: number): void {
  let size = alreadyRead;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > MAX_DRAINED_BYTES) req.destroy();
  });
  req.resume();
}

/** Parses the multipart body of `req`, at most `limit` bytes; rejects with UploadTooLargeError or MalformedMultipartError. */
export async function readMultipart(req: IncomingMessage, limit: number): Promise<MultipartRequest> {
  if (Number(req.headers['content-length']) > limit) {
    drain(req, 0);
    throw new UploadTooLargeError(limit);
  }
  let size = 0;
  let tooLarge = false;
  // The body as a web stream, counted chunk by chunk; the socket pauses while the parser is behind.
  const body = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        const onData = (chunk: Buffer): void => {
          size += chunk.length;
          if (size > limit) {
            tooLarge = true;
            req.off('data', onData);
            controller.error(new UploadTooLargeError(limit));
            drain(req, size);
            return;
          }
          controller.enqueue(chunk);
          if ((controller.desiredSize ?? 0) <= 0) req.pause();
        };
        req.on('data', onData);
        req.on('end', () => {
          if (!tooLarge) controller.close();
        });
        req.on('error', (error) => controller.error(error));
      },
      pull() {
        req.resume();
      },
    },
    { highWaterMark: 1 << 16, size: (chunk) => chunk.byteLength },
  );
  let form: FormData;
  try {
    const request = new Request('http://gateway.local/gateway.do', {
      method: 'POST',
      headers: { 'content-type': req.headers['content-type'] ?? '' },
      body,
      duplex: 'half',
    } as RequestInit);
    form = await request.formData();
  } catch (error) {
    if (tooLarge) throw new UploadTooLargeError(limit);
    throw new MalformedMultipartError('malformed multipart/form-data body', { cause: error });
  }
  const fields: Record<string, string> = Object.create(null) as Record<string, string>;
  const files = new Map<string, Uint8Array>();
  for (const [name, value] of form) {
    if (typeof value === 'string') fields[name] = value;
    else files.set(name, new Uint8Array(await value.arrayBuffer()));
  }
  return { fields, files };
}

function fileParams(method: GatewayMethod): FieldIR[] {
  return method.ir.params.filter((p) => p.type.kind === 'file');
}

/**
 * An upload method's own check before its validator: at least one of its files came, and none is
 * empty (a 0-byte part is what a client sends when it lost the file). Undefined when fine.
 */
export function checkFiles(method: GatewayMethod, files: ReadonlyMap<string, Uint8Array>): Node | undefined {
  const declared = fileParams(method);
  if (declared.length === 0) return undefined;
  const empty = declared.filter((p) => files.get(p.name)?.byteLength === 0).map((p) => p.name);
  if (empty.length > 0) return gatewayError('isv.invalid-parameter', `参数无效: ${empty.join(', ')}: empty file`);
  if (!declared.some((p) => files.has(p.name))) {
    return gatewayError('isv.missing-parameter', `缺少必选参数: ${declared.map((p) => p.name).join(' or ')}: no file part`);
  }
  return undefined;
}

/**
 * The answer to a valid upload: the success node, with each string `*_id` field set to the first
 * 32 hex digits of the SHA-256 of the first file received, so a client can see its bytes arrived
 * intact (as a real gateway answers an id of the stored file).
 */
export function uploadAnswer(method: GatewayMethod, node: Node, files: ReadonlyMap<string, Uint8Array>): Node {
  const first = fileParams(method).map((p) => files.get(p.name)).find((f) => f !== undefined);
  if (first === undefined) return node;
  const id = createHash('sha256').update(first).digest('hex').slice(0, 32);
  const out: Node = { ...node };
  for (const f of method.ir.response) {
    if (f.name.endsWith('_id') && f.type.kind === 'string') Object.defineProperty(out, f.name, { value: id, enumerable: true, writable: true, configurable: true });
  }
  return out;
}
