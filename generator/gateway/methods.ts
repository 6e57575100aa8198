/**
 * The gateway's view of each method: its IR and the GENERATED request validator. The package is
 * generated with the normal pipeline into a cache directory keyed by the hash of its bytes, then
 * the compiled method modules are imported: the gateway validates exactly as the client does.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generatePackage, readTemplates } from '../build/index.js';
import { writeNewDirAtomic } from '../write/index.js';
import { buildMethodIR } from '../ir/build.js';
import type { MethodIR } from '../ir/types.js';
import type { MethodSpec } from '../spec/model.js';
import type { MethodKind } from '../spec/method-kind.js';
import type { ValidationIssue } from '../../templates/runtime/index.js';

export interface GatewayMethod {
  readonly ir: MethodIR;
  /** How clients use it (method-kind.ts): `call` methods are answered; `page` and `app` ones the cashier serves. */
  readonly kind: MethodKind;
  /** The generated `validate<Pascal>Request`. */
  readonly validateRequest: (value: unknown) => ValidationIssue[];
  /** Documented business error codes (the method's error table). */
  readonly errorCodes: readonly string[];
}

/** Default cache of generated packages (one directory per content hash). */
export function defaultCacheDir(): string {
  return join(tmpdir(), 'alipay-codegen-gateway');
}

/** Writes the files into `<cacheDir>/<hash>` unless already there; returns that directory. */
async function materialise(files: ReadonlyMap<string, string>, cacheDir: string): Promise<string> {
  const hash = createHash('sha256');
  for (const path of [...files.keys()].sort()) hash.update(path).update('\0').update(files.get(path)!).update('\0');
  const dir = join(cacheDir, hash.digest('hex').slice(0, 24));
  if (existsSync(join(dir, 'package.json'))) return dir;
  // Written aside then renamed, so a concurrent gateway never imports a half-written package.
  const wanted = new Map([...files].filter(([path]) => path.startsWith('dist/') || path === 'package.json'));
  await writeNewDirAtomic(dir, wanted);
  return dir;
}

interface FoundOperation {
  readonly method: string;
  readonly validateRequest: GatewayMethod['validateRequest'];
  readonly errorCodes: readonly string[];
}

/** The generated Operation objects among a module's exports (recognised by shape, not by name). */
function operationsOf(exports: Record<string, unknown>): FoundOperation[] {
  const found: FoundOperation[] = [];
  for (const value of Object.values(exports)) {
    const op = value as { method?: unknown; validateRequest?: unknown; errorCodes?: unknown } | null;
    if (typeof op === 'object' && op !== null && typeof op.method === 'string' && typeof op.validateRequest === 'function') {
      found.push({
        method: op.method,
        validateRequest: op.validateRequest as GatewayMethod['validateRequest'],
        errorCodes: Array.isArray(op.errorCodes) ? (op.errorCodes as string[]) : [],
      });
    }
  }
  return found;
}

/** Generates the package for `specs` (cached) and loads every method's generated validator. */
export async function loadGatewayMethods(
  specs: readonly MethodSpec[],
  cacheDir: string = defaultCacheDir(),
): Promise<Map<string, GatewayMethod>> {
  const files = generatePackage(specs, await readTemplates());
  const dir = await materialise(files, cacheDir);
  const operations = new Map<string, FoundOperation>();
  for (const path of [...files.keys()].sort()) {
    if (!path.startsWith('dist/methods/') || !path.endsWith('.js')) continue;
    const exports = (await import(pathToFileURL(join(dir, path)).href)) as Record<string, unknown>;
    for (const op of operationsOf(exports)) operations.set(op.method, op);
  }
  const methods = new Map<string, GatewayMethod>();
  for (const spec of specs) {
    const op = operations.get(spec.method);
    if (op === undefined) throw new Error(`the generated package has no operation for ${spec.method}`);
    const ir = buildMethodIR(spec);
    methods.set(spec.method, { ir, kind: ir.kind, validateRequest: op.validateRequest, errorCodes: op.errorCodes });
  }
  return methods;
}
