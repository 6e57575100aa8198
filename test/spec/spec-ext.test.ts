/**
 * The spec-format additions in the loader, the dumper and spec.schema.json: `oneOf` (top level
 * and on object shapes), `enumOpen`, and objects without `fields` (open objects). Each bad value
 * is an error at its own line and column; each good one loads, dumps and loads back the same,
 * and the JSON Schema gives the loader's verdict.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseSpec } from '../../generator/spec/load.js';
import { dumpSpec } from '../../generator/spec/dump.js';
import type { MethodSpec } from '../../generator/spec/model.js';

const HEAD = 'method: a.b\nresponse: {}\n';
const schema = JSON.parse(readFileSync(new URL('../../generator/spec/spec.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv2020({ strict: true, strictRequired: false, allowUnionTypes: true }).compile(schema);

function problems(text: string): string[] {
  return parseSpec(text, 'a.b.yaml').diagnostics.map((d) => `${d.line}:${d.col} ${d.severity} ${d.message}`);
}

function loaded(text: string): MethodSpec {
  const r = parseSpec(text, 'a.b.yaml');
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return r.spec!.spec;
}

const AB = 'request:\n  a: { type: string, required: conditional }\n  b: { type: string, required: false }\n';
const OBJ = 'request:\n  o:\n    type: object\n    required: true\n    fields:\n      x: { type: string, required: false }\n      y: { type: number, required: false }\n';

describe('loads', () => {
  it.each<[string, string, Partial<MethodSpec>]>([
    ['a top-level one-of group', HEAD + AB + 'oneOf: [[a, b]]\n', { oneOf: [['a', 'b']] }],
    ['a group naming a top-level param', HEAD + 'request:\n  a: { type: string, required: false }\nparams:\n  p: { type: string, required: false }\noneOf: [[a, p]]\n', { oneOf: [['a', 'p']] }],
  ])('%s', (_what, text, expected) => {
    expect(loaded(text)).toMatchObject(expected);
  });

  it('a group on an object and on array items', () => {
    expect(loaded(HEAD + OBJ + '    oneOf: [[x, y]]\n').request[0]!.oneOf).toEqual([['x', 'y']]);
    const items = loaded(HEAD + 'request:\n  l:\n    type: array\n    required: false\n    items:\n      type: object\n      fields: { x: { type: string, required: false }, y: { type: string, required: false } }\n      oneOf: [[x, y]]\n');
    expect(items.request[0]!.items!.oneOf).toEqual([['x', 'y']]);
  });

  it('an open enum on a field and on items; enumOpen: false is the default and not kept', () => {
    const spec = loaded(HEAD + "request:\n  s: { type: string, required: false, enum: [{ value: A }], enumOpen: true }\n  l: { type: array, required: false, items: { type: number, enum: [{ value: '1' }], enumOpen: true } }\n  c: { type: string, required: false, enum: [{ value: A }], enumOpen: false }\n");
    expect(spec.request.map((f) => f.enumOpen ?? f.items?.enumOpen)).toEqual([true, true, undefined]);
  });

  it('a requiredIf may name a value outside an open enum (the documented values are not all of them)', () => {
    const spec = loaded(HEAD + "request:\n  k: { type: string, required: false, enum: [{ value: A }], enumOpen: true }\n  c: { type: string, required: conditional, requiredIf: { field: k, equals: Z } }\n");
    expect(spec.request[1]!.requiredIf).toEqual({ field: 'k', equals: 'Z' });
  });

  it('an object without fields is open, with a warning at the field; fields: {} is a closed empty object, no warning', () => {
    expect(problems(HEAD + 'request:\n  o: { type: object, model: M, required: false }\n')).toEqual([
      '4:3 warning request.o: object without fields: the page does not show them, so any object is accepted (an open object); add fields: {} for an object documented as empty',
    ]);
    expect(problems(HEAD + 'request:\n  o: { type: object, required: false, fields: {} }\n')).toEqual([]);
  });
});

describe('refuses, at the offending node', () => {
  it.each<[string, string, string[]]>([
    ['a name that is no sibling', HEAD + AB + 'oneOf: [[a, c]]\n', ['6:13 error oneOf[0][1]: no sibling field "c" (did you mean "a"?)']],
    ['a group of one', HEAD + AB + 'oneOf: [[a]]\n', ['6:9 error oneOf[0]: a one-of group needs at least two fields']],
    ['a name twice', HEAD + AB + 'oneOf: [[a, a]]\n', ['6:13 error oneOf[0][1]: "a" is listed twice in the group']],
    ['a group that is not a list', HEAD + AB + 'oneOf: [a]\n', ['6:9 error oneOf[0]: a one-of group is a list of sibling field names, e.g. [trade_no, out_trade_no]']],
    ['oneOf not a list', HEAD + AB + 'oneOf: a\n', ['6:8 error oneOf: expected a list, got a string']],
    ['a required member', HEAD + 'request:\n  a: { type: string, required: true }\n  b: { type: string, required: false }\noneOf: [[a, b]]\n', [
      '6:10 error oneOf[0][0]: "a" has required: true, but a member of a one-of group is sent only when it is the chosen one: make it required: conditional',
    ]],
    ['a name that is a response field', 'method: a.b\nresponse:\n  r: { type: string, required: false }\n' + AB + 'oneOf: [[a, r]]\n', ['7:13 error oneOf[0][1]: no sibling field "r" (did you mean "a"?)']],
    ['oneOf on a string field', HEAD + 'request:\n  s: { type: string, required: false, oneOf: [[a, b]] }\n', ['4:39 error request.s: oneOf applies to object fields (or array items), this field is string']],
    ['oneOf on an open object', HEAD + 'request:\n  o: { type: object, required: false, oneOf: [[a, b]] }\n', [
      '4:3 warning request.o: object without fields: the page does not show them, so any object is accepted (an open object); add fields: {} for an object documented as empty',
      '4:39 error request.o: oneOf names fields of the object, but it has no fields',
    ]],
    ['a model group naming an outer field', HEAD + OBJ + '    oneOf: [[x, o]]\n', ['10:17 error request.o.oneOf[0][1]: no sibling field "o" (did you mean "x"?)']],
    ['enumOpen without enum', HEAD + 'request:\n  s: { type: string, required: false, enumOpen: true }\n', ['4:39 error request.s: enumOpen needs the documented values in enum']],
    ['enumOpen not a boolean', HEAD + "request:\n  s: { type: string, required: false, enum: [{ value: A }], enumOpen: 'yes' }\n", ['4:71 error request.s.enumOpen: expected true or false, got "yes"']],
    ['an unknown key beside oneOf', HEAD + AB + 'oneof: [[a, b]]\n', ['6:1 error unknown key "oneof" (did you mean "oneOf"?)']],
  ])('%s', (_what, text, expected) => {
    expect(problems(text)).toEqual(expected);
    expect(parseSpec(text, 'a.b.yaml').spec).toBeUndefined();
  });
});

describe('dumper and JSON Schema', () => {
  const good = [
    HEAD + AB + 'oneOf: [[a, b]]\n',
    HEAD + OBJ + '    oneOf: [[x, y]]\n',
    HEAD + "request:\n  s: { type: string, required: false, enum: [{ value: A, description: a }], enumOpen: true }\n",
    HEAD + 'request:\n  o: { type: object, model: M, required: false }\n',
  ];
  it.each(good)('dumps and reloads the same spec, and the schema accepts both texts: %#', (text) => {
    const spec = loaded(text);
    const dumped = dumpSpec(spec);
    expect(loaded(dumped)).toStrictEqual(spec);
    expect(validate(parse(text)), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(parse(dumped)), JSON.stringify(validate.errors)).toBe(true);
  });

  it('writes a group as a flow list of names, after the fields it names', () => {
    const dumped = dumpSpec(loaded(HEAD + OBJ + '    oneOf: [[x, y]]\n' + 'oneOf: []\n'));
    expect(dumped).toContain('        required: false\n    oneOf: [ [ x, \'y\' ] ]\n');
    expect(dumped).not.toMatch(/^oneOf/m);
  });

  it.each([
    ['a group of one', HEAD + AB + 'oneOf: [[a]]\n'],
    ['a name twice', HEAD + AB + 'oneOf: [[a, a]]\n'],
    ['oneOf on a string field', HEAD + 'request:\n  s: { type: string, required: false, oneOf: [[a, b]] }\n'],
    ['oneOf on an object without fields', HEAD + 'request:\n  o: { type: object, required: false, oneOf: [[a, b]] }\n'],
    ['enumOpen without enum', HEAD + 'request:\n  s: { type: string, required: false, enumOpen: true }\n'],
    ['enumOpen not a boolean', HEAD + "request:\n  s: { type: string, required: false, enum: [{ value: A }], enumOpen: 'yes' }\n"],
  ])('the schema rejects what the loader rejects: %s', (_what, text) => {
    expect(parseSpec(text, 'a.b.yaml').spec).toBeUndefined();
    expect(validate(parse(text))).toBe(false);
  });
});
