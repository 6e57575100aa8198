/**
 * The runtime's files: each template copied to src/runtime/ and built to dist/ with the
 * TypeScript transpiler; its declarations take node:crypto's types from the package's own
 * dist/runtime/platform.d.ts (../emit/package-files.ts), so consumers need no @types/node.
 * Its own module because that loads the TypeScript compiler, which a run that trusts the runtime
 * from its manifest never needs.
 */
import type { OutputShape } from '../config/config.js';
import { buildFile } from '../emit/dist.js';
import { consumerDeclarations } from '../emit/package-files.js';
import { moduleFiles } from './files.js';
import type { Templates } from './templates.js';

export function runtimeFiles(templates: Templates, shape: OutputShape = 'package'): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of [...templates.runtime.keys()].sort()) {
    const source = templates.runtime.get(name)!;
    const stem = `runtime/${name.slice(0, -'.ts'.length)}`;
    const built = shape === 'sources' ? { js: '', dts: '' } : buildFile(source, `runtime/${name}`);
    const module = { ts: source, js: built.js, dts: shape === 'sources' ? '' : consumerDeclarations(built.dts) };
    for (const [p, text] of moduleFiles(stem, module, shape)) files.set(p, text);
  }
  return files;
}
