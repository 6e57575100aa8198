/**
 * Typed reads from YAML nodes that report, instead of throw: each reader returns undefined on a
 * bad value and records a diagnostic at the node, so one pass collects every problem in a file.
 */
import { isAlias, isMap, isScalar, isSeq } from 'yaml';
import type { LineCounter, Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { Diagnostic, Severity } from '../diagnostics.js';
import { formatPath, type PathSegment } from './display.js';
import { didYouMean } from './suggest.js';
import { keyName, kindOf, positionOf } from './yaml-ast.js';

export class Reader {
  readonly diagnostics: Diagnostic[] = [];
  /** Field lists that lost entries to errors: examples are not told those names are unknown. */
  readonly incomplete = new WeakSet<object>();
  /** Fields read so far, at every depth (see MAX_FIELDS). */
  fieldCount = 0;

  constructor(
    readonly file: string,
    private readonly lineCounter: LineCounter,
  ) {}

  report(node: unknown, path: readonly PathSegment[], message: string, severity: Severity = 'error'): void {
    const { line, col } = positionOf(this.lineCounter, node as Node | null | undefined);
    const where = formatPath(path);
    this.diagnostics.push({ severity, file: this.file, line, col, message: where ? `${where}: ${message}` : message });
  }

  lineOf(node: unknown): number {
    return positionOf(this.lineCounter, node as Node).line;
  }
}

export interface Entry {
  name: string;
  key: Scalar;
  /** The value node; null for `key:` with nothing after it. */
  value: unknown;
  pair: Pair;
}

/**
 * The entries of a map node, with duplicates (by wire name), non-scalar keys and aliases reported.
 * With `known`, unknown keys are reported (with a suggestion) and left out of the result.
 */
export function readEntries(
  r: Reader,
  node: unknown,
  path: readonly PathSegment[],
  known?: readonly string[],
): Entry[] | undefined {
  if (!isMap(node)) {
    r.report(node, path, `expected a map, got ${kindOf(node)}`);
    return undefined;
  }
  const entries: Entry[] = [];
  const seen = new Map<string, Scalar>();
  for (const pair of (node as YAMLMap).items) {
    const name = keyName(pair.key);
    if (name === undefined) {
      r.report(pair.key ?? node, path, `keys must be plain strings, got ${kindOf(pair.key)}`);
      continue;
    }
    const key = pair.key as Scalar;
    const first = seen.get(name);
    if (first) {
      r.report(key, [...path, name], `duplicate key (first at line ${r.lineOf(first)})`);
      continue;
    }
    seen.set(name, key);
    if (known && !known.includes(name)) {
      r.report(key, path, `unknown key "${name}"${didYouMean(name, known)}`);
      continue;
    }
    // Aliases are reported once for the whole document (see reportAliases).
    if (isAlias(pair.value)) continue;
    entries.push({ name, key, value: pair.value, pair });
  }
  return entries;
}

export function readList(r: Reader, node: unknown, path: readonly PathSegment[]): unknown[] | undefined {
  if (!isSeq(node)) {
    r.report(node, path, `expected a list, got ${kindOf(node)}`);
    return undefined;
  }
  return (node as YAMLSeq).items.filter((item) => !isAlias(item));
}

export function readString(r: Reader, node: unknown, path: readonly PathSegment[]): string | undefined {
  if (isScalar(node) && typeof node.value === 'string') return node.value;
  r.report(node, path, `expected a string, got ${kindOf(node)}${isScalar(node) && node.value !== null ? ' (quote it)' : ''}`);
  return undefined;
}

export function readPositiveInt(r: Reader, node: unknown, path: readonly PathSegment[]): number | undefined {
  if (isScalar(node) && typeof node.value === 'number' && Number.isSafeInteger(node.value) && node.value > 0) {
    return node.value;
  }
  r.report(node, path, `expected a positive integer, got ${isScalar(node) && node.value !== null ? String(node.value) : kindOf(node)}`);
  return undefined;
}

/** `deprecated: true` or `deprecated: <note>`. */
export function readDeprecated(r: Reader, node: unknown, path: readonly PathSegment[]): boolean | string | undefined {
  if (isScalar(node) && (typeof node.value === 'boolean' || typeof node.value === 'string')) return node.value;
  r.report(node, path, `expected true, false or a note, got ${kindOf(node)}`);
  return undefined;
}

/** A scalar example value; large integers written without quotes would silently lose digits. */
export function readScalarValue(r: Reader, node: unknown, path: readonly PathSegment[]): string | number | boolean | undefined {
  if (isScalar(node)) {
    const v = node.value;
    if (typeof v === 'string' || typeof v === 'boolean') return v;
    if (typeof v === 'number') {
      if (losesDigits(node)) {
        r.report(node, path, `the number ${node.source ?? v} is too large to keep exactly; quote it`);
        return undefined;
      }
      return v;
    }
  }
  r.report(node, path, `expected a string, number or boolean, got ${kindOf(node)}`);
  return undefined;
}

/** True for an integer literal the double cannot hold exactly (IDs such as 2016101700077000000003436443). */
export function losesDigits(node: Scalar): boolean {
  const source = node.source?.trim() ?? '';
  if (typeof node.value !== 'number' || !/^[-+]?\d+$/.test(source)) return false;
  return Number.isSafeInteger(node.value) ? false : BigInt(source) !== BigInt(node.value);
}
