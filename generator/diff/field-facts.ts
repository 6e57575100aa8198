/**
 * The table of field facts: one comparator per property of a spec field (generator/spec/model.ts).
 * The tables are mapped types over the properties, so a property added to `Shape`, `Field` or
 * `Items` does not compile until it has an entry here: a new spec fact is never silently ignored
 * by `diff`. Each entry says what the change means for callers (./change.ts): on a request
 * (`input`) narrowing what is accepted breaks callers; on a response (`output`) taking away what
 * callers could rely on does.
 */
import { isDeepStrictEqual } from 'node:util';
import type { EnumValue, Field, Items, Requiredness, Shape } from '../spec/model.js';
import { change, child, itemsOf, matchBy, show, type At, type Change, type ChangeClass } from './change.js';

export interface FactEntry<T> {
  /** Compared only when both sides have the same type (a type change is reported once, not with every child). */
  readonly structural: boolean;
  readonly compare: (before: T, after: T, at: At) => Change[];
}

type ShapeFacts = { readonly [K in keyof Shape]-?: FactEntry<Shape> };
type FieldOnlyFacts = { readonly [K in Exclude<keyof Field, keyof Shape>]-?: FactEntry<Field> };
type ItemsOnlyFacts = { readonly [K in Exclude<keyof Items, keyof Shape>]-?: FactEntry<Items> };

const docs = (fact: string, what: string) =>
  (before: unknown, after: unknown, at: At): Change[] => {
    if (isDeepStrictEqual(before, after)) return [];
    const kind = before === undefined ? 'added' : after === undefined ? 'removed' : 'changed';
    return [change(at, fact, kind, 'docs', `${what} ${kind}`, { before, after })];
  };

/**
 * Kinds whose values are a subset of another's, with the same TypeScript type (`string`): a date
 * or a price is also a string. Accepting the wider kind on a request, or promising the narrower
 * one on a response, breaks no caller.
 */
const WIDER: Readonly<Record<string, readonly string[]>> = { date: ['string'], price: ['string'] };

function typeClass(before: string, after: string, at: At): ChangeClass {
  const widened = WIDER[before]?.includes(after) === true;
  const narrowed = WIDER[after]?.includes(before) === true;
  if (at.flow === 'input' ? widened : narrowed) return 'feature';
  return 'breaking';
}

function compareType(a: Shape, b: Shape, at: At): Change[] {
  if (a.type === b.type) return [];
  const cls = typeClass(a.type, b.type, at);
  const why = cls === 'breaking' ? (at.flow === 'input' ? ': calls sending the old type are refused' : ': code reading the old type breaks') : '';
  return [change(at, 'type', 'changed', cls, `type ${a.type} -> ${b.type}${why}`, { before: a.type, after: b.type })];
}

function compareModel(a: Shape, b: Shape, at: At): Change[] {
  if (a.model === b.model) return [];
  const kind = a.model === undefined ? 'added' : b.model === undefined ? 'removed' : 'changed';
  // The model name is the exported TypeScript type callers import and annotate with.
  return [
    change(at, 'model', kind, 'breaking', `model ${a.model ?? '(anonymous)'} -> ${b.model ?? '(anonymous)'}: the exported type name changes`, {
      before: a.model,
      after: b.model,
    }),
  ];
}

function compareMaxLength(a: Shape, b: Shape, at: At): Change[] {
  if (a.maxLength === b.maxLength) return [];
  const kind = a.maxLength === undefined ? 'added' : b.maxLength === undefined ? 'removed' : 'changed';
  const text = `max length ${a.maxLength ?? 'none'} -> ${b.maxLength ?? 'none'}`;
  const values = { before: a.maxLength, after: b.maxLength };
  // Responses are checked only by the exported response validators: no caller's call changes.
  if (at.flow === 'output') return [change(at, 'maxLength', kind, 'fix', text, values)];
  const lowered = b.maxLength !== undefined && (a.maxLength === undefined || b.maxLength < a.maxLength);
  return [change(at, 'maxLength', kind, lowered ? 'breaking' : 'feature', lowered ? `${text}: longer values are refused` : text, values)];
}

type EnumFacts = { readonly [K in keyof EnumValue]-?: (a: EnumValue, b: EnumValue, at: At) => Change[] };
const ENUM_VALUE_FACTS: EnumFacts = {
  value: () => [], // values are matched by value
  description: (a, b, at) => docs('enum', `description of enum value ${a.value}`)(a.description, b.description, at),
};

function compareEnum(a: Shape, b: Shape, at: At): Change[] {
  if (a.enum === undefined && b.enum === undefined) return [];
  const input = at.flow === 'input';
  if (a.enum === undefined || b.enum === undefined) {
    // A new list restricts what a request accepts; a dropped list widens what a response may hold.
    const restricted = a.enum === undefined;
    const cls: ChangeClass = restricted === input ? 'breaking' : 'feature';
    const message = restricted ? `enum added (${b.enum!.map((v) => v.value).join(', ')})` : 'enum removed: any value now';
    return [change(at, 'enum', restricted ? 'added' : 'removed', cls, message, { before: a.enum?.map((v) => v.value), after: b.enum?.map((v) => v.value) })];
  }
  const { both, removed, added } = matchBy(a.enum, b.enum, (v) => v.value);
  const out: Change[] = [];
  for (const v of removed) {
    if (input && b.enumOpen === true) {
      out.push(change(at, 'enum', 'removed', 'docs', `enum value ${v.value} no longer documented (open enum: still accepted)`, { before: v.value }));
      continue;
    }
    // Request: calls sending it are refused. Response: code naming the literal no longer compiles.
    const why = input ? ': calls sending it are refused' : ': code comparing with it no longer compiles';
    out.push(change(at, 'enum', 'removed', 'breaking', `enum value ${v.value} removed${why}`, { before: v.value }));
  }
  for (const v of added) out.push(change(at, 'enum', 'added', 'feature', `enum value ${v.value} added`, { after: v.value }));
  for (const [x, y] of both) for (const compare of Object.values(ENUM_VALUE_FACTS)) out.push(...compare(x, y, at));
  return out;
}

/** What TypeScript and the validators make of `required`: only `true` makes the property mandatory. */
function compareRequired(a: Field, b: Field, at: At): Change[] {
  if (a.required === b.required) return [];
  const text = `required ${String(a.required)} -> ${String(b.required)}`;
  const values = { before: a.required, after: b.required };
  if (a.required !== true && b.required !== true) return [change(at, 'required', 'changed', 'docs', text, values)];
  const nowRequired = b.required === true;
  if (at.flow === 'input') {
    return [change(at, 'required', 'changed', nowRequired ? 'breaking' : 'feature', nowRequired ? `${text}: calls without it are refused` : text, values)];
  }
  return [change(at, 'required', 'changed', nowRequired ? 'feature' : 'breaking', nowRequired ? text : `${text}: the property becomes optional`, values)];
}

function compareRequiredIf(a: Field, b: Field, at: At): Change[] {
  if (isDeepStrictEqual(a.requiredIf, b.requiredIf)) return [];
  const kind = a.requiredIf === undefined ? 'added' : b.requiredIf === undefined ? 'removed' : 'changed';
  const text = `requiredIf ${a.requiredIf ? show(a.requiredIf) : 'none'} -> ${b.requiredIf ? show(b.requiredIf) : 'none'}`;
  const values = { before: a.requiredIf, after: b.requiredIf };
  // Only request validators check it; on a response it is documentation.
  if (at.flow === 'output') return [change(at, 'requiredIf', kind, 'docs', text, values)];
  const tighter = b.requiredIf !== undefined;
  return [change(at, 'requiredIf', kind, tighter ? 'breaking' : 'feature', tighter ? `${text}: some calls without it are refused` : text, values)];
}

/** Closing an open enum narrows a request; opening one widens what a response may hold. */
function compareEnumOpen(a: Shape, b: Shape, at: At): Change[] {
  const before = a.enumOpen === true;
  const after = b.enumOpen === true;
  if (before === after) return [];
  const narrowed = at.flow === 'input' ? !after : after;
  const text = after ? 'enum opened: other values accepted' : 'enum closed: only the documented values';
  return [change(at, 'enum', 'changed', narrowed ? 'breaking' : 'feature', text, { before, after })];
}

/**
 * One-of groups (exactly one member present): a new or changed group refuses requests that were
 * valid; a removed one accepts more. On a response a group is documentation.
 */
export function compareOneOf(a: readonly (readonly string[])[] | undefined, b: readonly (readonly string[])[] | undefined, at: At): Change[] {
  const key = (g: readonly string[]): string => [...g].sort().join(',');
  const { removed, added } = matchBy(a ?? [], b ?? [], key);
  const out: Change[] = [];
  const output = at.flow === 'output';
  for (const g of removed) out.push(change(at, 'oneOf', 'removed', output ? 'docs' : 'feature', `one-of group [${g.join(', ')}] removed`, { before: g }));
  for (const g of added) {
    out.push(change(at, 'oneOf', 'added', output ? 'docs' : 'breaking', `one-of group [${g.join(', ')}] added${output ? '' : ': calls without exactly one of them are refused'}`, { after: g }));
  }
  return out;
}

export const SHAPE_FACTS: ShapeFacts = {
  enumOpen: { structural: true, compare: compareEnumOpen },
  oneOf: { structural: true, compare: (a, b, at) => compareOneOf(a.oneOf, b.oneOf, at) },
  type: { structural: false, compare: compareType },
  model: { structural: false, compare: compareModel },
  fields: { structural: true, compare: (a, b, at) => compareFieldLists(a.fields ?? [], b.fields ?? [], at) },
  items: {
    structural: true,
    compare: (a, b, at) => (a.items !== undefined && b.items !== undefined ? compareItems(a.items, b.items, itemsOf(at)) : []),
  },
  maxLength: { structural: true, compare: compareMaxLength },
  enum: { structural: true, compare: compareEnum },
};

export const FIELD_FACTS: FieldOnlyFacts = {
  name: { structural: false, compare: () => [] }, // fields are matched by name
  required: { structural: false, compare: compareRequired },
  requiredIf: { structural: false, compare: compareRequiredIf },
  description: { structural: false, compare: (a, b, at) => docs('description', 'description')(a.description, b.description, at) },
  example: { structural: false, compare: (a, b, at) => docs('example', 'example')(a.example, b.example, at) },
  deprecated: { structural: false, compare: (a, b, at) => docs('deprecated', 'deprecation note')(a.deprecated, b.deprecated, at) },
};

export const ITEMS_FACTS: ItemsOnlyFacts = {};

function run<T extends Shape>(tables: readonly Readonly<Record<string, FactEntry<T>>>[], a: T, b: T, at: At): Change[] {
  const sameType = a.type === b.type;
  const out: Change[] = [];
  for (const table of tables) for (const entry of Object.values(table)) if (sameType || !entry.structural) out.push(...entry.compare(a, b, at));
  return out;
}

export function compareField(a: Field, b: Field, at: At): Change[] {
  return run<Field>([SHAPE_FACTS, FIELD_FACTS], a, b, at);
}

export function compareItems(a: Items, b: Items, at: At): Change[] {
  return run<Items>([SHAPE_FACTS, ITEMS_FACTS], a, b, at);
}

/** A field that is new: a breaking change only when a request must now carry it. */
export function fieldAdded(f: Field, at: At): Change {
  const enforced = f.required === true || f.requiredIf !== undefined;
  if (at.flow === 'input' && enforced) {
    return change(at, 'field', 'added', 'breaking', `required field added (${f.type}): calls without it are refused`, { after: f.type });
  }
  return change(at, 'field', 'added', 'feature', `${at.flow === 'input' ? 'optional ' : ''}field added (${f.type})`, { after: f.type });
}

export function fieldRemoved(f: Field, at: At): Change {
  const why = at.flow === 'input' ? 'calls sending it are refused' : 'code reading it breaks';
  return change(at, 'field', 'removed', 'breaking', `field removed (${f.type}): ${why}`, { before: f.type });
}

export function compareFieldLists(before: readonly Field[], after: readonly Field[], at: At): Change[] {
  const { both, removed, added } = matchBy(before, after, (f) => f.name);
  const out: Change[] = [];
  for (const f of removed) out.push(fieldRemoved(f, child(at, f.name)));
  for (const [a, b] of both) out.push(...compareField(a, b, child(at, a.name)));
  for (const f of added) out.push(fieldAdded(f, child(at, f.name)));
  return out;
}
