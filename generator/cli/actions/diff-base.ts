/**
 * Where `diff` reads the specs to compare against: a folder, or the specs folder as it is at a git
 * ref (read with the git CLI through execFile: arguments, never a shell string). Both come back as
 * loaded specs plus the loader's diagnostics.
 */
import { execFile } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UserError, hasErrors, sortDiagnostics, type Diagnostic } from '../../diagnostics.js';
import { loadSpecDir, parseSpec } from '../../spec/load.js';
import type { MethodSpec } from '../../spec/model.js';

export interface SpecSet {
  /** What the set is, for messages: a folder path or `<ref>:<path>`. */
  readonly label: string;
  readonly specs: readonly MethodSpec[];
  readonly diagnostics: readonly Diagnostic[];
}

const GIT_MAX_BUFFER = 512 * 1024 * 1024;

function git(cwd: string, args: readonly string[], input?: string): Promise<Buffer> {
  return new Promise((done, fail) => {
    const child = execFile('git', [...args], { cwd, encoding: 'buffer', maxBuffer: GIT_MAX_BUFFER }, (error, stdout, stderr) => {
      if (error === null) return done(stdout);
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return fail(new UserError('cannot run git: it is not installed or not on PATH'));
      const said = stderr.toString('utf8').trim().split('\n')[0];
      fail(new UserError(`git ${args[0]} failed${said ? `: ${said}` : ''}`));
    });
    if (input !== undefined) child.stdin!.end(input);
  });
}

async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isDirectory() === true;
}

export async function readFolder(dir: string): Promise<SpecSet> {
  const { specs, diagnostics } = await loadSpecDir(dir);
  return { label: dir, specs: specs.map((l) => l.spec), diagnostics };
}

/** The specs folder `specsDir` (a folder of the working tree) as it is at `ref`. */
export async function readAtRef(specsDir: string, ref: string): Promise<SpecSet> {
  // A ref is never an option (`--output=...`): git would read it as one.
  if (ref.startsWith('-') || ref.includes('\0')) throw new UserError(`${ref} is not a git ref`);
  if (!(await isDirectory(specsDir))) throw new UserError(`cannot compare ${specsDir}: no such directory`);
  const cwd = resolve(specsDir);
  const inside = (await git(cwd, ['rev-parse', '--is-inside-work-tree']).catch(() => undefined))?.toString().trim();
  if (inside !== 'true') throw new UserError(`${ref} is neither a folder nor usable as a git ref: ${specsDir} is not in a git work tree`);
  const commit = await git(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).catch(() => undefined);
  if (commit === undefined) throw new UserError(`${ref} is neither a folder nor a git ref (commit) of the repository holding ${specsDir}`);
  const prefix = (await git(cwd, ['rev-parse', '--show-prefix'])).toString('utf8').trim();
  const label = `${ref}:${prefix.replace(/\/$/, '') || '.'}`;
  // Entries directly in the folder: "<mode> <type> <oid>\t<path>\0", paths relative to the repository.
  const listing = (await git(cwd, ['ls-tree', '-z', '--full-tree', commit.toString().trim(), '--', prefix === '' ? '.' : prefix])).toString('utf8');
  const blobs: { oid: string; name: string }[] = [];
  for (const entry of listing.split('\0')) {
    const m = /^\d+ blob ([0-9a-f]+)\t(.*)$/s.exec(entry);
    if (m === null) continue;
    const name = m[2]!.slice(prefix.length);
    if (!name.includes('/') && /\.ya?ml$/.test(name)) blobs.push({ oid: m[1]!, name });
  }
  const bytes = blobs.length === 0 ? Buffer.alloc(0) : await git(cwd, ['cat-file', '--batch'], blobs.map((b) => b.oid).join('\n') + '\n');
  const specs: MethodSpec[] = [];
  const diagnostics: Diagnostic[] = [];
  let at = 0;
  for (const blob of blobs) {
    // "<oid> blob <size>\n<content>\n"
    const eol = bytes.indexOf(0x0a, at);
    const size = Number(/ (\d+)$/.exec(bytes.subarray(at, eol).toString('latin1'))?.[1]);
    const text = bytes.subarray(eol + 1, eol + 1 + size).toString('utf8');
    at = eol + 1 + size + 1;
    const file = `${ref}:${prefix}${blob.name}`;
    const parsed = parseSpec(text, file);
    diagnostics.push(...parsed.diagnostics);
    if (parsed.spec !== undefined) specs.push(parsed.spec.spec);
  }
  return { label, specs, diagnostics: sortDiagnostics(diagnostics) };
}

/** BASE as the user gave it: an existing folder is a folder, anything else a git ref. */
export async function readBase(specsDir: string, base: string): Promise<SpecSet> {
  return (await isDirectory(base)) ? readFolder(base) : readAtRef(specsDir, base);
}

export function errorsIn(...sets: readonly SpecSet[]): boolean {
  return sets.some((s) => hasErrors(s.diagnostics));
}
