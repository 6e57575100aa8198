/**
 * The runtime's files: each template copied to src/runtime/ and built to dist/ with the
 * TypeScript transpiler. Its own module because that loads the TypeScript compiler, which a run
 * that trusts the runtime from its manifest never needs.
 */
import { buildFile } from '../emit/dist.js';
import type { OutputShape } from '../config/config.js';
import { moduleFiles } from './files.js';
import type { Templates } from './templates.js';

export function runtimeFiles(templates: Templates, shape: OutputShape = 'package'): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of [...templates.runtime.keys()].sort()) {
    const source = templates.runtime.get(name)!;
    const stem = `runtime/${name.slice(0, -'.ts'.length)}`;
    const module = shape === 'sources' ? { ts: source, js: '', dts: '' } : { ts: source, ...buildFile(source, `runtime/${name}`) };
    for (const [p, text] of moduleFiles(stem, module, shape)) files.set(p, text);
  }
  return files;
}
