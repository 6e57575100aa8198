/**
 * `generate` and `check` over the incremental build. Files trusted from the manifest are verified
 * on disk without being emitted: by size for `generate` (cheap; a same-size hand edit is left to
 * `check` or `generate --full`), by SHA-256 for `check`. A trusted file that fails is emitted
 * again and compared for real, so `check` lists exactly the files that differ, the manifest
 * included when only its record was wrong.
 */
import { lstatSync, readFileSync } from 'node:fs';
import { isGeneratedPath, templatesDir } from '../package-inputs.js';
import { MANIFEST_PATH, digestBytes, digestSize } from '../manifest/manifest.js';
import { generatorFingerprint } from '../manifest/fingerprint.js';
import { runnerFor } from '../parallel/spec-jobs.js';
import { applyWrite, checkOutput, planWrite } from '../write/index.js';
import { parentOf, toAbs } from '../write/paths.js';
import { buildOutput, type OutputBuild } from './build.js';

export interface RunOptions {
  readonly specsDir: string;
  readonly outDir: string;
  /** Ignore the manifest and rebuild everything. */
  readonly full?: boolean;
}

async function build(options: RunOptions): Promise<OutputBuild> {
  return buildOutput({ ...options, fingerprint: generatorFingerprint(templatesDir()), runner: runnerFor });
}

/** Trusted files that `ok` accepts on disk; the others get their content emitted again. */
async function verifyTrusted(out: OutputBuild, ok: (path: string, digest: string) => boolean): Promise<Set<string>> {
  const verified = new Set<string>();
  for (const [path, file] of out.files) {
    if (file.content !== undefined) continue;
    if (ok(path, file.digest)) verified.add(path);
    else await out.content(path);
  }
  return verified;
}

function contents(out: OutputBuild): Map<string, string> {
  const files = new Map<string, string>();
  for (const [path, file] of out.files) if (file.content !== undefined) files.set(path, file.content);
  files.set(MANIFEST_PATH, out.manifestText());
  return files;
}

export interface GenerateReport {
  methods: number;
  emitted: number;
  written: number;
  removed: number;
  unchanged: number;
}

export async function generateIncremental(options: RunOptions): Promise<GenerateReport> {
  const out = await build(options);
  const verified = await verifyTrusted(out, (path, digest) => {
    const stat = lstatSync(toAbs(options.outDir, path), { throwIfNoEntry: false });
    return stat !== undefined && stat.isFile() && stat.size === digestSize(digest);
  });
  for (;;) {
    const files = contents(out);
    const plan = await planWrite(options.outDir, files, { prune: (rel) => isGeneratedPath(rel) && !verified.has(rel) });
    // A trusted file seen through a path about to be removed (a symlinked directory) is rewritten.
    const removed = new Set(plan.remove);
    const lost = [...verified].filter((rel) => {
      for (let d = parentOf(rel); d !== ''; d = parentOf(d)) if (removed.has(d)) return true;
      return false;
    });
    if (lost.length > 0) {
      for (const rel of lost) {
        verified.delete(rel);
        await out.content(rel);
      }
      continue;
    }
    await applyWrite(options.outDir, files, plan);
    return {
      methods: out.methods,
      emitted: out.emitted,
      written: plan.write.length,
      removed: plan.remove.length,
      unchanged: plan.unchanged.length + verified.size,
    };
  }
}

/** Stale paths (sorted), empty when the output matches the specs. */
export async function checkIncremental(options: RunOptions): Promise<string[]> {
  const out = await build(options);
  const verified = await verifyTrusted(out, (path, digest) => {
    try {
      const abs = toAbs(options.outDir, path);
      return lstatSync(abs).isFile() && digestBytes(readFileSync(abs)) === digest;
    } catch {
      return false;
    }
  });
  return checkOutput(options.outDir, contents(out), { prune: (rel) => isGeneratedPath(rel) && !verified.has(rel) });
}
