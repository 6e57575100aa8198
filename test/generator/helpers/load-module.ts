/** Imports a generated module's built JS from a generated package directory. */
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import type { ValidationIssue } from '../../../templates/runtime/contract.js';

export type ValidatorFn = (value: unknown) => ValidationIssue[];

export async function importBuilt<T = Record<string, unknown>>(dir: string, path: string): Promise<T> {
  return (await import(pathToFileURL(join(dir, 'dist', path)).href)) as T;
}

/** Issues as `path: rule` strings, the shape most assertions want. */
export function summary(issues: readonly ValidationIssue[]): string[] {
  return issues.map((i) => `${i.path}: ${i.rule}`);
}
