/**
 * The manifest committed inside the output (`.alipay-codegen/manifest.json`): what an incremental
 * run needs to trust unchanged work. Per spec file: its content hash, its method, title and
 * planned names (all the package-wide files need), its warnings, and the hash and size of each
 * file it produced; globally: the generator fingerprint, package version, the runtime's export
 * names and the files that do not come from one spec. The text is deterministic (sorted, one
 * method per line) so it diffs well and `check` can compare it byte for byte with the one it
 * would write.
 */
import { createHash } from 'node:crypto';
import type { MethodKind } from '../../spec/method-kind.js';
import { exportNames, namePrefix } from '../../plan/names.js';
import type { MethodExports } from '../../plan/types.js';

export const MANIFEST_PATH = '.alipay-codegen/manifest.json';
const FORMAT = 2;
/** Format 1 stored every planned name; its file lists still say what the generator wrote. */
const OWNERSHIP_FORMATS: readonly unknown[] = [1, FORMAT];

/** `<sha256 hex> <bytes>` of a file's UTF-8 content. */
export type FileDigest = string;

export interface ManifestWarning {
  readonly line?: number;
  readonly col?: number;
  readonly message: string;
}

export interface ManifestMethod {
  /** Spec file name in the specs directory. */
  readonly spec: string;
  readonly sha256: string;
  readonly method: string;
  readonly title?: string;
  /** The method kind when it is not `call`. */
  readonly kind?: MethodKind;
  readonly stem: string;
  /** Written as their prefix (plan/names.ts exportNames): 30 bytes instead of 700 per method. */
  readonly names: MethodExports;
  readonly warnings?: readonly ManifestWarning[];
  /** Output path -> digest. */
  readonly files: Readonly<Record<string, FileDigest>>;
}

export interface Manifest {
  readonly generator: string;
  readonly version: string;
  readonly runtimeExports: readonly string[];
  /** Output path -> digest, for files that do not belong to one method (sorted by path). */
  readonly files: Readonly<Record<string, FileDigest>>;
  /** Sorted by spec file name. */
  readonly methods: readonly ManifestMethod[];
}

export function digest(content: string | Uint8Array): FileDigest {
  if (typeof content !== 'string') return `${createHash('sha256').update(content).digest('hex')} ${content.byteLength}`;
  return `${createHash('sha256').update(content, 'utf8').digest('hex')} ${Buffer.byteLength(content, 'utf8')}`;
}

export function digestBytes(content: Buffer): FileDigest {
  return `${createHash('sha256').update(content).digest('hex')} ${content.length}`;
}

export function digestSize(d: FileDigest): number {
  return Number(d.slice(d.indexOf(' ') + 1));
}

export function sha256(content: Buffer | string): string {
  return createHash('sha256').update(content).digest('hex');
}

/**
 * Seals bind each entry (and the header) to its own content: an entry edited by hand no longer
 * matches its seal and is not trusted, so the next run rebuilds it and `check` reports the
 * manifest. (They are plain hashes: they catch edits and bad merges, not deliberate forgery.)
 */
function seal(data: unknown): string {
  return sha256(JSON.stringify(data)).slice(0, 32);
}

function headerOf(m: Pick<Manifest, 'generator' | 'version' | 'runtimeExports'>): object {
  return { generator: m.generator, version: m.version, runtimeExports: m.runtimeExports };
}

export function serializeManifest(m: Manifest): string {
  const files = Object.keys(m.files)
    .sort()
    .map((path) => `    ${JSON.stringify(path)}: ${JSON.stringify(m.files[path])}`);
  const methods = m.methods.map((e) => `    ${sealedLine(e)}`);
  return [
    '{',
    `  "format": ${FORMAT},`,
    `  "generator": ${JSON.stringify(m.generator)},`,
    `  "version": ${JSON.stringify(m.version)},`,
    `  "runtimeExports": ${JSON.stringify(m.runtimeExports)},`,
    `  "seal": ${JSON.stringify(seal(headerOf(m)))},`,
    files.length > 0 ? `  "files": {\n${files.join(',\n')}\n  },` : '  "files": {},',
    methods.length > 0 ? `  "methods": [\n${methods.join(',\n')}\n  ]` : '  "methods": []',
    '}',
    '',
  ].join('\n');
}

/**
 * Sealed JSON lines by entry object. An entry read from a manifest and trusted again is written
 * back unchanged, so a no-change run reuses the line (and its hash) computed when reading it.
 * Entries are never mutated (they are readonly and replaced whole), so a cached line stays true.
 */
const lines = new WeakMap<ManifestMethod, string>();
/**
 * Seals of entries read from a manifest the generator wrote (trusted without re-hashing). Such an
 * entry's keys are in the written order, so its line is its JSON and that seal.
 */
const knownSeals = new WeakMap<ManifestMethod, string>();

/** `JSON.stringify({ ...methodEntry(e), seal })`, built from the entry's JSON hashed once. */
function sealedLine(e: ManifestMethod): string {
  let line = lines.get(e);
  const known = line === undefined ? knownSeals.get(e) : undefined;
  if (known !== undefined) {
    // The entry as read, in the written key order, with its names back in their written form.
    line = `${JSON.stringify({ ...e, names: namePrefix(e.names) }).slice(0, -1)},"seal":${JSON.stringify(known)}}`;
    lines.set(e, line);
  } else if (line === undefined) {
    const json = JSON.stringify(methodEntry(e));
    line = `${json.slice(0, -1)},"seal":${JSON.stringify(sha256(json).slice(0, 32))}}`;
    lines.set(e, line);
  }
  return line;
}

/** Fixed key order, so the same data always gives the same line. */
function methodEntry(e: ManifestMethod): object {
  const files: Record<string, FileDigest> = {};
  for (const path of Object.keys(e.files).sort()) files[path] = e.files[path]!;
  return {
    spec: e.spec,
    sha256: e.sha256,
    method: e.method,
    ...(e.title !== undefined && { title: e.title }),
    ...(e.kind !== undefined && { kind: e.kind }),
    stem: e.stem,
    names: namePrefix(e.names),
    ...(e.warnings !== undefined && e.warnings.length > 0 && { warnings: e.warnings }),
    files,
  };
}

/** The manifest in `text`, or undefined when it is not one this generator wrote (never throws). */
export function parseManifest(text: string): Manifest | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  return decodeManifest(data);
}

/**
 * The manifest in parsed JSON `json`, or undefined when it is not one this generator wrote (never throws).
 * `checkSeals: false` when the file is known to be the one the generator wrote (its stat matches
 * the stat cache): re-hashing every entry would only confirm it.
 */
export function decodeManifest(json: unknown, options: { checkSeals?: boolean } = {}): Manifest | undefined {
  try {
    const data = json as Record<string, unknown>;
    if (typeof data !== 'object' || data === null) return undefined;
    if (data.format !== FORMAT || typeof data.generator !== 'string' || typeof data.version !== 'string') return undefined;
    if (!Array.isArray(data.runtimeExports) || !Array.isArray(data.methods) || typeof data.files !== 'object' || data.files === null) {
      return undefined;
    }
    for (const m of data.methods as (Omit<ManifestMethod, 'names'> & { names: unknown })[]) {
      if (typeof m?.spec !== 'string' || typeof m.sha256 !== 'string' || typeof m.method !== 'string' || typeof m.stem !== 'string') {
        return undefined;
      }
      if (typeof m.names !== 'string' || typeof m.files !== 'object' || m.files === null) return undefined;
      // Expanded in place (the entry keeps its key order, which its seal line depends on).
      (m as { names: unknown }).names = exportNames(m.names);
    }
    const manifest = data as unknown as Manifest & { seal?: string };
    if (manifest.seal !== seal(headerOf(manifest))) return undefined;
    if (options.checkSeals === false) {
      const methods = (data.methods as (ManifestMethod & { seal?: string })[]).map(({ seal: s, ...entry }) => {
        if (typeof s === 'string') knownSeals.set(entry, s);
        return entry;
      });
      return { ...manifest, methods };
    }
    // An entry that does not match its seal is dropped: its spec is then rebuilt like a new one.
    const methods: ManifestMethod[] = [];
    for (const { seal: s, ...entry } of data.methods as (ManifestMethod & { seal?: string })[]) {
      const line = sealedLine(entry);
      if (line.endsWith(`,"seal":${JSON.stringify(s)}}`)) methods.push(entry);
    }
    return { ...manifest, methods };
  } catch {
    return undefined;
  }
}

/**
 * Every output path a manifest (parsed JSON) lists, seals or not: a seal decides what is trusted,
 * not what the generator wrote (format 1 manifests included). Undefined when `json` is not a manifest.
 */
export function listedPaths(json: unknown): string[] | undefined {
  try {
    const data = json as { format?: unknown; files?: unknown; methods?: unknown };
    if (typeof data !== 'object' || data === null || !OWNERSHIP_FORMATS.includes(data.format) || typeof data.files !== 'object' || data.files === null || !Array.isArray(data.methods)) return undefined;
    const paths = Object.keys(data.files);
    for (const m of data.methods as { files?: unknown }[]) {
      if (typeof m?.files === 'object' && m.files !== null) paths.push(...Object.keys(m.files));
    }
    return paths.filter((p) => typeof p === 'string');
  } catch {
    return undefined;
  }
}
