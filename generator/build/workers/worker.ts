/**
 * Worker thread of the spec-job pool: runs each batch of spec jobs it is sent, in order. Module
 * texts go back as UTF-8 bytes whose buffers are transferred, not copied: the main thread holds
 * every file of a cold run until it is written, and bytes take less memory than the strings.
 */
import { parentPort } from 'node:worker_threads';
import { runSpecJob, type SpecJob, type SpecJobResult } from '../jobs.js';

const utf8 = new TextEncoder();

/** The result with its module texts as bytes, and the buffers to transfer. */
function asBytes(result: SpecJobResult, transfer: ArrayBuffer[]): SpecJobResult {
  const m = result.module;
  if (m === undefined) return result;
  const bytes = (text: string | Uint8Array): Uint8Array => {
    // TextEncoder gives each text its own ArrayBuffer (Buffer.from may share a pool), so it can be transferred.
    const b = typeof text === 'string' ? utf8.encode(text) : text;
    transfer.push(b.buffer as ArrayBuffer);
    return b;
  };
  return { ...result, module: { ts: bytes(m.ts), js: bytes(m.js), dts: bytes(m.dts) } };
}

parentPort!.on('message', (batch: { id: number; jobs: SpecJob[] }) => {
  try {
    const transfer: ArrayBuffer[] = [];
    const results = batch.jobs.map((job) => asBytes(runSpecJob(job), transfer));
    parentPort!.postMessage({ id: batch.id, results }, transfer);
  } catch (error) {
    parentPort!.postMessage({ id: batch.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
