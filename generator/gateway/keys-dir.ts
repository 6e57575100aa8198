/**
 * A `--keys-dir` the gateway writes its created keys and certificates into, safely: it records what
 * it wrote in `.alipay-codegen-keys.json` (file name -> sha256 of the content), so that the next
 * start reuses those files (clients configured with them keep working across restarts) and never
 * overwrites a file it did not write, or one edited since. A file in the way is a UserError naming
 * it, raised before anything is written. Contents are never part of a message.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError, ioReason } from '../diagnostics.js';
import { writeFileAtomic } from '../write/atomic.js';

/** The record of what the gateway wrote into a keys dir. */
export const KEYS_MANIFEST = '.alipay-codegen-keys.json';
const GENERATOR = 'alipay-codegen serve';

interface Manifest {
  readonly generator: typeof GENERATOR;
  readonly files: Record<string, string>;
}

export interface KeyFile {
  readonly text: string;
  /** e.g. 0o600 for a private key. */
  readonly mode?: number;
}

export interface KeysDir {
  readonly dir: string;
  /** The content of `name` when this gateway wrote it and nobody changed it since; undefined when there is no such file. */
  reuse(name: string): string | undefined;
  /** Writes the files whose content changed (atomically), then the manifest. */
  write(files: ReadonlyMap<string, KeyFile>): Promise<void>;
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

async function readOptional(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new UserError(`cannot read ${file}: ${ioReason(error)}`);
  }
}

function parseManifest(text: string): Manifest | undefined {
  try {
    const value = JSON.parse(text) as Partial<Manifest>;
    if (value.generator !== GENERATOR || typeof value.files !== 'object' || value.files === null) return undefined;
    const files: Record<string, string> = {};
    for (const [name, hash] of Object.entries(value.files)) if (typeof hash === 'string') files[name] = hash;
    return { generator: GENERATOR, files };
  } catch {
    return undefined;
  }
}

const refusal = (file: string, why: string): UserError =>
  new UserError(`${file} ${why}: the gateway does not overwrite it (nothing was written); remove it, or choose another --keys-dir`);

/**
 * Opens `dir` (created when missing) for the files named in `names`: each one that exists must be
 * one this gateway wrote, unchanged since; otherwise a UserError names it and nothing is written.
 */
export async function openKeysDir(dir: string, names: readonly string[]): Promise<KeysDir> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw new UserError(`cannot create the keys dir ${dir}: ${ioReason(error)}`);
  }
  const manifestFile = join(dir, KEYS_MANIFEST);
  const manifestText = await readOptional(manifestFile);
  const manifest: Manifest | undefined = manifestText === undefined ? { generator: GENERATOR, files: {} } : parseManifest(manifestText);
  if (manifest === undefined) throw refusal(manifestFile, 'exists and is not the record alipay-codegen serve keeps');

  const owned = new Map<string, string>();
  for (const name of names) {
    const file = join(dir, name);
    const text = await readOptional(file);
    if (text === undefined) continue;
    const recorded = Object.hasOwn(manifest.files, name) ? manifest.files[name] : undefined;
    if (recorded === undefined) throw refusal(file, 'exists and was not written by alipay-codegen serve');
    if (recorded !== sha256(text)) throw refusal(file, 'was changed since alipay-codegen serve wrote it');
    owned.set(name, text);
  }

  return {
    dir,
    reuse: (name) => owned.get(name),
    async write(files) {
      const record = { ...manifest.files };
      try {
        for (const [name, file] of files) {
          record[name] = sha256(file.text);
          if (owned.get(name) === file.text) continue;
          await writeFileAtomic(join(dir, name), file.text, file.mode === undefined ? {} : { mode: file.mode });
        }
        const sorted = Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
        const text = `${JSON.stringify({ generator: GENERATOR, files: sorted } satisfies Manifest, null, 2)}\n`;
        if (text !== manifestText) await writeFileAtomic(manifestFile, text);
      } catch (error) {
        throw new UserError(`cannot write the keys dir ${dir}: ${ioReason(error)}`);
      }
    },
  };
}
