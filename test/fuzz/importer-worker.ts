/**
 * Worker thread of the importer family: imports each page it is sent in-process, writes the spec
 * with the dumper and loads it back with the spec loader, and answers with a verdict. It runs in
 * a worker so the main thread can terminate it when one page hangs.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadDumpSpec, loadImportDoc, loadParseSpec } from './adapters.js';
import type { ImporterCase, ImporterVerdict } from './importer-protocol.js';

const port = parentPort!;
const root = (workerData as { root: string }).root;
const [importDoc, dumpSpec, parseSpec] = await Promise.all([loadImportDoc(root), loadDumpSpec(root), loadParseSpec(root)]);

// Anything the importer prints, and any warning Node emits, is stray output for the page at hand.
const stray: string[] = [];
process.on('warning', (w) => void stray.push(`node warning: ${w.name}: ${w.message}`));
for (const level of ['log', 'warn', 'error', 'info', 'debug'] as const) {
  console[level] = (...args: unknown[]): void => void stray.push(`console.${level}: ${args.map(String).join(' ')}`);
}

function judge(c: ImporterCase): ImporterVerdict {
  if (!importDoc || !dumpSpec || !parseSpec) return { id: c.id, failure: 'harness: importer not loadable in-process' };
  let result: ReturnType<typeof importDoc>;
  try {
    result = importDoc(c.text, c.file);
  } catch (error) {
    return { id: c.id, failure: 'uncaught exception in import', example: `${c.label}: ${describe(error)}` };
  }
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  const unlocated = result.diagnostics.find((d) => d.file !== c.file || typeof d.line !== 'number' || d.line < 1);
  if (unlocated) return { id: c.id, failure: 'diagnostic without file:line', example: `${c.label}: ${unlocated.message}` };
  if (!result.spec || errors.length > 0) return { id: c.id, outcome: 'rejected' };
  let yaml: string;
  try {
    yaml = dumpSpec(result.spec);
  } catch (error) {
    return { id: c.id, failure: 'uncaught exception in dump', example: `${c.label}: ${describe(error)}` };
  }
  try {
    const loaded = parseSpec(yaml, 'fuzz.yaml');
    const bad = loaded.diagnostics.find((d) => d.severity === 'error');
    if (bad || !loaded.spec) {
      return { id: c.id, failure: 'invalid spec written (validate rejects the import)', example: `${c.label}: ${bad?.line}:${bad?.col} ${bad?.message}` };
    }
  } catch (error) {
    return { id: c.id, failure: 'uncaught exception in validate', example: `${c.label}: ${describe(error)}` };
  }
  return { id: c.id, outcome: 'imported' };
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message} ${(error.stack ?? '').split('\n')[1]?.trim() ?? ''}` : String(error);
}

port.on('message', (c: ImporterCase) => {
  stray.length = 0;
  const verdict = judge(c);
  // Warnings are emitted on the next tick: give them a turn before answering.
  setImmediate(() => {
    if (verdict.failure === undefined && stray.length > 0) port.postMessage({ id: c.id, failure: 'stray output / Node warning', example: `${c.label}: ${stray[0]}` });
    else port.postMessage(verdict);
  });
});
port.postMessage({ ready: true, inProcess: importDoc !== undefined && dumpSpec !== undefined && parseSpec !== undefined });
