/**
 * Thin helpers over the `yaml` library's AST: parsing with positions, key names, node kinds,
 * conversion of example values to plain data, and path -> position lookup.
 *
 * Everything downstream reads the AST (never `doc.toJS()`), so every value keeps its source
 * position and wire names such as `__proto__` are never assigned into a plain object.
 */
import { LineCounter, isAlias, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Document, Node, Pair, YAMLMap } from 'yaml';
import type { SourcePosition } from './model.js';

export interface ParsedYaml {
  doc: Document.Parsed;
  lineCounter: LineCounter;
}

export function parseYaml(text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  // uniqueKeys off: the spec reader reports duplicates itself, by wire name (`1` and '1' collide).
  // merge off: `<<` is an ordinary (unknown) key in a spec.
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, merge: false, prettyErrors: true });
  return { doc, lineCounter };
}

/** 1-based position of an AST node (or a key), 1:1 when the node has no range. */
export function positionOf(lineCounter: LineCounter, node: Node | null | undefined): SourcePosition {
  const offset = node?.range?.[0];
  if (offset === undefined) return { line: 1, col: 1 };
  const { line, col } = lineCounter.linePos(offset);
  return { line, col };
}

/**
 * The wire name a key stands for, or undefined for a non-scalar key. Plain scalars keep their
 * source text, so `1.0:` means "1.0" and `null:` means "null", not the resolved number or null.
 */
export function keyName(key: unknown): string | undefined {
  if (!isScalar(key)) return undefined;
  if (key.type === 'PLAIN' && typeof key.source === 'string') return key.source;
  return typeof key.value === 'string' ? key.value : String(key.value);
}

/** Human description of a node's kind, for "expected X, got Y" messages. */
export function kindOf(node: unknown): string {
  if (node === null || node === undefined) return 'nothing';
  if (isMap(node)) return 'a map';
  if (isSeq(node)) return 'a list';
  if (isAlias(node)) return 'an alias';
  if (isScalar(node)) {
    const v = node.value;
    if (v === null) return 'null';
    if (typeof v === 'string') return 'a string';
    if (typeof v === 'number') return 'a number';
    if (typeof v === 'boolean') return 'a boolean';
  }
  return 'an unsupported value';
}

/** Finds the pair of a map whose key names `name`. */
export function findPair(map: YAMLMap, name: string): Pair | undefined {
  return map.items.find((pair) => keyName(pair.key) === name);
}

/**
 * Converts an example node to plain JSON-like data. Map keys become own properties defined with
 * `Object.defineProperty`, so a key `__proto__` is data, not a prototype change.
 * Aliases and non-scalar keys are reported by the spec reader; here they become undefined / skipped.
 */
export function toPlain(node: unknown): unknown {
  if (isScalar(node)) return node.value;
  if (isSeq(node)) return node.items.map((item) => toPlain(item));
  if (isMap(node)) {
    const out: Record<string, unknown> = {};
    for (const pair of node.items) {
      const name = keyName(pair.key);
      if (name === undefined) continue;
      Object.defineProperty(out, name, { value: toPlain(pair.value), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return undefined;
}

/**
 * Position of a key path: map segments land on the key, list segments on the item. Stops at the
 * deepest node that exists, so a missing tail falls back to the nearest enclosing node.
 */
export function locatePath(parsed: ParsedYaml, path: readonly (string | number)[]): SourcePosition {
  let node: unknown = parsed.doc.contents;
  let at: Node | null | undefined = isMap(node) || isSeq(node) || isScalar(node) ? node : undefined;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = findPair(node, String(segment));
      if (!pair) break;
      at = pair.key as Node;
      node = pair.value;
    } else if (isSeq(node)) {
      const index = typeof segment === 'number' ? segment : /^\d+$/.test(segment) ? Number(segment) : -1;
      const item = node.items[index];
      if (item === undefined) break;
      at = item as Node;
      node = item;
    } else {
      break;
    }
  }
  return positionOf(parsed.lineCounter, at);
}
