/**
 * The generator fingerprint: one hash of everything besides the specs that decides the output,
 * namely the code of the build (the modules reachable from the entry module its caller names,
 * found by following their relative imports), the templates, and the versions of the libraries that shape
 * output. A manifest written under another fingerprint is never trusted: the next run rebuilds
 * everything. Running from sources (tests) and from dist/ gives different fingerprints, each
 * stable for its own code.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Relative imports in ES module source (static and dynamic). */
const IMPORT = /(?:from\s+|import\s*\(\s*|import\s+)['"](\.\.?\/[^'"]+)['"]/g;

/** Every module file reachable from `entry` by relative imports, sorted. */
export function moduleGraph(entry: string): string[] {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(IMPORT)) {
      const target = resolveImport(dirname(file), match[1]!);
      if (target !== undefined && !seen.has(target)) queue.push(target);
    }
  }
  return [...seen].sort();
}

/** `./x.js` is `./x.js` under dist/ and `./x.ts` in the sources. */
function resolveImport(dir: string, specifier: string): string | undefined {
  const path = resolve(dir, specifier);
  if (existsSync(path)) return path;
  const ts = path.replace(/\.js$/, '.ts');
  return existsSync(ts) ? ts : undefined;
}

const LIBRARIES = ['yaml', 'handlebars', 'ts-morph', 'typescript'];

/** `entry`: the file of the build's root module (every module the output depends on is reachable from it). */
export function generatorFingerprint(entry: string, templatesDir: string): string {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const hash = createHash('sha256');
  const add = (label: string, content: string | Buffer) => {
    hash.update(`${label}\0${content.length}\0`);
    hash.update(content);
  };
  for (const file of moduleGraph(entry)) add(`code:${relative(root, file).split(sep).join('/')}`, readFileSync(file));
  for (const file of listTemplates(templatesDir)) add(`template:${file}`, readFileSync(join(templatesDir, file)));
  const require = createRequire(import.meta.url);
  for (const name of LIBRARIES) {
    let version = 'absent';
    try {
      version = (require(`${name}/package.json`) as { version: string }).version;
    } catch {
      // A library the generator does not load at all cannot shape its output.
    }
    add(`library:${name}`, version);
  }
  return hash.digest('hex');
}

function listTemplates(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listTemplates(dir, rel));
    else out.push(rel);
  }
  return out.sort();
}
