/**
 * The scale fixture's entry point: catalogue methods -> spec files written with the shared dumper,
 * one `<method>.yaml` per method, as `alipay-codegen` expects in a specs directory.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dumpSpec } from '../../generator/spec/dump.js';
import { convertMethod } from './convert.js';
import { readCatalogue, type Catalogue } from './source.js';

export const DEFAULT_SEED = 20260521;

export interface WriteCatalogueOptions {
  outDir: string;
  /** Keep only the first `limit` selected methods (in name order). */
  limit?: number;
  filter?: (method: string) => boolean;
  /** Seed of the required/maxLength draws (DEFAULT_SEED by default). */
  seed?: number;
  /** An already-read catalogue (the bench reads it once for several runs). */
  catalogue?: Catalogue;
}

export interface CatalogueSkip {
  method: string;
  reason: string;
}

export interface WriteCatalogueResult {
  /** Methods written, in name order. */
  written: string[];
  skipped: CatalogueSkip[];
  /** Methods written with a simplification worth knowing (unknown types, recursion cuts...). */
  notes: { method: string; note: string }[];
}

export function writeCatalogueSpecs(options: WriteCatalogueOptions): WriteCatalogueResult {
  const catalogue = options.catalogue ?? readCatalogue();
  const seed = options.seed ?? DEFAULT_SEED;
  let methods = Object.keys(catalogue.methods).sort();
  if (options.filter) methods = methods.filter(options.filter);
  if (options.limit !== undefined) methods = methods.slice(0, options.limit);
  mkdirSync(options.outDir, { recursive: true });
  const result: WriteCatalogueResult = { written: [], skipped: [], notes: [] };
  for (const method of methods) {
    const converted = convertMethod(catalogue, method, { seed });
    if ('skipped' in converted) {
      result.skipped.push({ method, reason: converted.skipped });
      continue;
    }
    writeFileSync(join(options.outDir, `${method}.yaml`), dumpSpec(converted.spec));
    result.written.push(method);
    for (const note of converted.notes) result.notes.push({ method, note });
  }
  return result;
}
