/**
 * The fixed columns of a parameter: type, required marker, max length. Shared by top-level table
 * rows and nested bullet groups, which carry the same columns in a different layout.
 */
import type { Items, ItemType, Requiredness } from '../spec/model.js';
import type { ScalarKind } from '../types/kind.js';
import { isScalarKind, kindOfTypeName } from '../types/table.js';

/** A parsed type column: a scalar, an object (model), an array of either, or a file. */
export interface ParsedType {
  type: ItemType | 'array' | 'file';
  model?: string;
  items?: Items;
}

/** `String`, `MerchantCard`, `CardFrontTextDTO []`, `String[]`, `FileItem`; undefined when not a type. */
export function parseType(text: string): ParsedType | undefined {
  // The docs' file spellings (FileItem, File, byte[]) before the element[] reading of `byte[]`.
  if (kindOfTypeName(text.trim().replace(/\s+/g, '')) === 'file') return { type: 'file' };
  const match = /^([A-Za-z][A-Za-z0-9_]*)\s*(\[\s*\])?$/.exec(text.trim());
  if (!match) return undefined;
  const element = parseElement(match[1]!);
  if (!element) return undefined;
  return match[2] ? { type: 'array', items: element } : element;
}

/**
 * The scalar a doc type name stands for (`String`, `Long`, `int`...), case-insensitive; undefined
 * for any other name. The one place the doc's type aliases are looked up.
 */
export function scalarTypeFor(docName: string): ScalarKind | undefined {
  const kind = kindOfTypeName(docName);
  return kind !== undefined && isScalarKind(kind) ? kind : undefined;
}

function parseElement(name: string): Items | undefined {
  const scalar = scalarTypeFor(name);
  if (scalar) return { type: scalar };
  if (kindOfTypeName(name) === 'object') return { type: 'object' };
  // Model names are capitalised class names; a lower-case word is not a type.
  if (!/^[A-Z]/.test(name)) return undefined;
  return { type: 'object', model: name };
}

/** Whether a field of this type has nested fields (and so opens a level in the tree). */
export function isContainer(t: ParsedType): boolean {
  return t.type === 'object' || (t.type === 'array' && t.items?.type === 'object');
}

const REQUIRED: Record<string, Requiredness> = {
  必须: true,
  必填: true,
  必选: true,
  是: true,
  可选: false,
  选填: false,
  否: false,
  特殊可选: 'conditional',
  条件必填: 'conditional',
};

export function parseRequired(text: string): Requiredness | undefined {
  return Object.hasOwn(REQUIRED, text.trim()) ? REQUIRED[text.trim()] : undefined;
}


/** `32` -> 32, `-` -> null (no limit); undefined when not a max-length column. */
export function parseMaxLength(text: string): number | null | undefined {
  const t = text.trim();
  if (t === '-' || t === '—' || t === '/') return null;
  if (/^\d+$/.test(t)) return Number(t);
  return undefined;
}

/** The doc's example text as a typed value: numbers and booleans for those types, else the text. */
export function parseExample(text: string, t: ParsedType): string | number | boolean {
  const scalar = t.type === 'array' ? undefined : t.type;
  if (scalar === 'number' && /^-?\d+(\.\d+)?$/.test(text)) {
    const n = Number(text);
    // Keep the text when a number would not survive as written (too long, trailing zeros).
    if (Number.isFinite(n) && String(n) === text) return n;
  }
  if (scalar === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}
