/**
 * The documented size limits of a spec, enforced by the loader (with file:line) and by the
 * dumper (which never writes a spec the loader would refuse). They bound memory and time by the
 * input's size: a spec past them is refused before anything recursive or quadratic runs. The
 * method catalogue (8,833 specs) stays far inside: largest file 92 KB, deepest field 12 levels,
 * most fields 393, longest string 1,023 characters.
 */
import { isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Document } from 'yaml';
import type { MethodSpec, Shape } from './model.js';
import type { Reader } from './reader.js';

/** Bytes of one spec file (UTF-8). */
export const MAX_SPEC_BYTES = 1024 * 1024;
/** Characters of one string value (a description, an enum value, an example). */
export const MAX_STRING_LENGTH = 65_536;
/** Fields of one spec, at every depth (request, params and response together). */
export const MAX_FIELDS = 5_000;
/** Levels of field nesting: a top-level field is level 1; an object's fields and an array's items add one each. */
export const MAX_FIELD_DEPTH = 32;
/**
 * Levels of YAML nesting anywhere in the file (the examples' JSON included). Field nesting at
 * MAX_FIELD_DEPTH takes at most 3 * 32 + 3 levels, so the field limit is the one a spec meets first.
 */
export const MAX_YAML_DEPTH = 128;

export function specTooLarge(text: string): string | undefined {
  const bytes = Buffer.byteLength(text, 'utf8');
  return bytes > MAX_SPEC_BYTES ? `spec file is ${bytes} bytes; at most ${MAX_SPEC_BYTES} bytes (1 MiB) are read` : undefined;
}

/**
 * Checks YAML depth and string lengths without recursion (a deep document cannot overflow the
 * stack here). Reports the first node past the depth limit and every over-long string; returns
 * false when the document is too deep to read further.
 */
export function checkDocumentLimits(r: Reader, doc: Document.Parsed): boolean {
  const stack: { node: unknown; depth: number }[] = [{ node: doc.contents, depth: 1 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (isScalar(node)) {
      if (typeof node.value === 'string' && node.value.length > MAX_STRING_LENGTH) {
        r.report(node, [], `string of ${node.value.length} characters; at most ${MAX_STRING_LENGTH}`);
      }
      continue;
    }
    if (!isMap(node) && !isSeq(node)) continue;
    if (depth > MAX_YAML_DEPTH) {
      r.report(node, [], `nested more than ${MAX_YAML_DEPTH} levels deep: specs are limited to ${MAX_YAML_DEPTH} levels of YAML and ${MAX_FIELD_DEPTH} of fields`);
      return false;
    }
    for (const item of node.items as unknown[]) {
      if (isPair(item)) {
        stack.push({ node: item.key, depth: depth + 1 });
        stack.push({ node: item.value, depth: depth + 1 });
      } else stack.push({ node: item, depth: depth + 1 });
    }
  }
  return true;
}

/**
 * Why a spec cannot be written (the loader would refuse it), or undefined. Iterative, so a spec
 * of any depth gets the message, not a stack overflow.
 */
export function specLimitProblem(spec: MethodSpec): string | undefined {
  let count = 0;
  const stack: { shape: Shape; depth: number; path: string }[] = [];
  for (const [side, fields] of [['request', spec.request], ['params', spec.params ?? []], ['response', spec.response], ['notify', spec.notify ?? []]] as const) {
    for (const f of fields) stack.push({ shape: f, depth: 1, path: `${side}.${f.name}` });
  }
  while (stack.length > 0) {
    const { shape, depth, path } = stack.pop()!;
    if ('name' in shape) count++;
    if (count > MAX_FIELDS) return `more than ${MAX_FIELDS} fields`;
    if (depth > MAX_FIELD_DEPTH) return `${path}: fields nested more than ${MAX_FIELD_DEPTH} levels deep`;
    for (const f of shape.fields ?? []) stack.push({ shape: f, depth: depth + 1, path: `${path}.${f.name}` });
    if (shape.items) stack.push({ shape: shape.items, depth: depth + 1, path: `${path}[]` });
  }
  return plainDataProblem(spec);
}

/** Over-long strings anywhere, and examples nested past the YAML limit (the root map is level 1). */
function plainDataProblem(spec: MethodSpec): string | undefined {
  const stack: { v: unknown; depth: number }[] = [{ v: spec, depth: 1 }];
  while (stack.length > 0) {
    const { v, depth } = stack.pop()!;
    if (typeof v === 'string' && v.length > MAX_STRING_LENGTH) return `a string of ${v.length} characters; at most ${MAX_STRING_LENGTH}`;
    if (typeof v !== 'object' || v === null) continue;
    // Fields are written deeper than their objects here (a field map per level), and limited above.
    if (depth > MAX_YAML_DEPTH) return `nested more than ${MAX_YAML_DEPTH} levels deep`;
    for (const child of Object.values(v)) stack.push({ v: child, depth: depth + 1 });
  }
  return undefined;
}
