import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../generator/diagnostics.js';
import { parseSpec } from '../../generator/spec/load.js';

/** Diagnostics of a spec text as `line:col severity message` strings. */
function problems(text: string): string[] {
  const { diagnostics, spec } = parseSpec(text, 'a.b.yaml');
  if (diagnostics.some((d) => d.severity === 'error')) expect(spec).toBeUndefined();
  return diagnostics.map((d) => `${d.line}:${d.col} ${d.severity} ${d.message}`);
}

const HEAD = 'method: a.b\nresponse: {}\n';

describe('structural errors, each at the offending node', () => {
  const cases: [string, string, string[]][] = [
    ['YAML syntax', 'method: a.b\nrequest: [1, 2\nresponse: {}\n', ['3:1 error YAML: Flow sequence in block collection must be sufficiently indented and end with a ]']],
    ['tab indentation', 'method: a.b\nrequest:\n\tx: 1\nresponse: {}\n', ['3:1 error YAML: Tabs are not allowed as indentation']],
    ['empty file', '', ['1:1 error empty spec: expected a map with method, request and response']],
    ['top level not a map', '- a\n', ['1:1 error expected a map, got a list']],
    ['missing method, request and response', 'title: x\n', [
      '1:1 error missing required key "method"',
      '1:1 error missing required key "request"',
      '1:1 error missing required key "response"',
    ]],
    ['unknown top-level key with suggestion', HEAD + 'request: {}\nexampels: {}\n', ['4:1 error unknown key "exampels" (did you mean "examples"?)']],
    ['object as a top-level param', HEAD + 'request: {}\nparams:\n  x: { type: object, required: true, fields: {} }\n', [
      '5:14 error params.x.type: a top-level param must be a scalar or a file (string, number, boolean, date, price, file), not object',
    ]],
    ['name both in request and params', HEAD + 'request:\n  code: { type: string, required: true }\nparams:\n  code: { type: string, required: true }\n', [
      '6:3 error params.code: "code" is both a request field (biz_content) and a top-level param',
    ]],
    ['unknown key in a param', HEAD + 'request: {}\nparams:\n  x: { type: string, required: true, maxlength: 3 }\n', [
      '5:38 error params.x: unknown key "maxlength" (did you mean "maxLength"?)',
    ]],
    ['params example naming no param', HEAD + 'request: {}\nparams:\n  code: { type: string, required: true }\nexamples:\n  params: { cod: a }\n', [
      '7:13 error examples.params.cod: not a params field (did you mean "code"?)',
    ]],
    ['unknown key without a near miss', HEAD + 'request: {}\nzzz: 1\n', ['4:1 error unknown key "zzz"']],
    ['bad method name', 'method: "alipay trade"\nrequest: {}\nresponse: {}\n', ['1:9 error method: "alipay trade" is not a method name such as alipay.trade.query']],
    ['method not a string', 'method: 12\nrequest: {}\nresponse: {}\n', ['1:9 error method: expected a string, got a number (quote it)']],
    ['request not a map', HEAD + 'request: [a]\n', ['3:10 error request: expected a map, got a list']],
    ['field missing type and required', HEAD + 'request:\n  x: { description: d }\n', [
      '4:3 error request.x: missing required key "type"',
      '4:3 error request.x: missing required key "required"',
    ]],
    ['unknown field key, case slip', HEAD + 'request:\n  x: { type: string, required: true, maxlength: 3 }\n', [
      '4:38 error request.x: unknown key "maxlength" (did you mean "maxLength"?)',
    ]],
    ['unknown field key, snake_case', HEAD + 'request:\n  x: { type: string, required: true, required_if: { field: y } }\n', [
      '4:38 error request.x: unknown key "required_if" (did you mean "requiredIf"?)',
    ]],
    ['unknown type', HEAD + 'request:\n  x: { type: String, required: true }\n', [
      '4:14 error request.x.type: unknown type "String", expected one of string, number, boolean, date, price, object, array, file (did you mean "string"?)',
    ]],
    ['bad required', HEAD + 'request:\n  x: { type: string, required: yes }\n', ['4:32 error request.x.required: expected true, false or conditional, got "yes"']],
    ['bad maxLength', HEAD + 'request:\n  x: { type: string, required: true, maxLength: 0 }\n', ['4:49 error request.x.maxLength: expected a positive integer, got 0']],
    ['maxLength as a string', HEAD + 'request:\n  x: { type: string, required: true, maxLength: "32" }\n', ['4:49 error request.x.maxLength: expected a positive integer, got 32']],
    ['description not a string', HEAD + 'request:\n  x: { type: string, required: true, description: [a] }\n', ['4:51 error request.x.description: expected a string, got a list']],
    ['fields on a non-object', HEAD + 'request:\n  x: { type: string, required: true, fields: {} }\n', ['4:38 error request.x: fields applies to object fields only, this field is string']],
    ['items on a non-array', HEAD + 'request:\n  x: { type: string, required: true, items: { type: string } }\n', ['4:38 error request.x: items applies to array fields only, this field is string']],
    ['array without items', HEAD + 'request:\n  x: { type: array, required: true }\n', ['4:3 error request.x: an array field needs items (e.g. items: { type: string })']],
    ['array of arrays', HEAD + 'request:\n  x: { type: array, required: true, items: { type: array } }\n', [
      '4:52 error request.x[].type: unknown type "array", expected one of string, number, boolean, date, price, object (arrays of arrays are not supported)',
    ]],
    ['model on an array', HEAD + 'request:\n  x: { type: array, required: true, model: M, items: { type: string } }\n', ['4:37 error request.x: model applies to object fields, not array (put it under items)']],
    ['enum on an object', HEAD + 'request:\n  x: { type: object, required: true, fields: {}, enum: [{ value: A }] }\n', ['4:50 error request.x: enum applies to scalar fields, not object']],
    ['enum value as a number', HEAD + 'request:\n  x: { type: string, required: true, enum: [{ value: 1 }, { value: 0.50 }] }\n', [
      '4:54 error request.x.enum[0].value: enum values must be strings, got a number; quote it: value: \'1\'',
      '4:68 error request.x.enum[1].value: enum values must be strings, got a number; quote it: value: \'0.50\'',
    ]],
    ['duplicate enum value', HEAD + 'request:\n  x: { type: string, required: true, enum: [{ value: A }, { value: A }] }\n', ['4:68 error request.x.enum[1].value: duplicate enum value "A"']],
    ['duplicate field', HEAD + 'request:\n  x: { type: string, required: true }\n  x: { type: number, required: true }\n', ['5:3 error request.x: duplicate key (first at line 4)']],
    ['duplicate field by wire name (1 and \'1\')', HEAD + "request:\n  1: { type: string, required: true }\n  '1': { type: number, required: true }\n", ['5:3 error request[\"1\"]: duplicate key (first at line 4)']],
    ['non-scalar key', HEAD + 'request:\n  ? [a]\n  : { type: string, required: true }\n', ['4:5 error request: keys must be plain strings, got a list']],
    ['alias', 'method: a.b\nrequest: &r {}\nresponse: *r\n', ['3:11 error aliases (*r) are not supported in specs: write the value out', '1:1 error missing required key "response"']],
    ['requiredIf naming no sibling', HEAD + 'request:\n  a: { type: string, required: false }\n  b: { type: string, required: conditional, requiredIf: { field: aa } }\n', [
      '5:66 error request.b.requiredIf.field: no sibling field "aa" (did you mean "a"?)',
    ]],
    ['requiredIf on itself', HEAD + 'request:\n  b: { type: string, required: conditional, requiredIf: { field: b } }\n', ['4:66 error request.b.requiredIf.field: a field cannot depend on itself']],
    ['requiredIf.equals outside the sibling enum', HEAD + 'request:\n  a: { type: string, required: false, enum: [{ value: X }] }\n  b: { type: string, required: conditional, requiredIf: { field: a, equals: Y } }\n', [
      '5:77 error request.b.requiredIf.equals: "Y" is not in the enum of "a"',
    ]],
    ['errors entry without code', HEAD + 'request: {}\nerrors:\n  - { description: d }\n', ['5:5 error errors[0]: missing required key "code"']],
    ['notes not strings', HEAD + 'request: {}\nnotes: [1]\n', ['4:9 error notes[0]: expected a string, got a number (quote it)']],
    ['deprecated wrong type', HEAD + 'request: {}\ndeprecated: [1]\n', ['4:13 error deprecated: expected true, false or a note, got a list']],
  ];
  it.each(cases)('%s', (_name, text, expected) => {
    expect(problems(text)).toEqual([...expected].sort(byPosition));
  });
});

describe('warnings (the spec still loads)', () => {
  const cases: [string, string, string[]][] = [
    ['object without fields', HEAD + 'request:\n  o: { type: object, required: true }\n', ['4:3 warning request.o: object without fields: the page does not show them, so any object is accepted (an open object); add fields: {} for an object documented as empty']],
    ['maxLength on a boolean', HEAD + 'request:\n  b: { type: boolean, required: true, maxLength: 5 }\n', ['4:39 warning request.b: maxLength has no meaning on a boolean field']],
    ['requiredIf on a required field', HEAD + 'request:\n  a: { type: string, required: false }\n  b: { type: string, required: true, requiredIf: { field: a } }\n', [
      '5:38 warning request.b: requiredIf has no effect on a field with required: true',
    ]],
    ['duplicate error code', HEAD + 'request: {}\nerrors: [{ code: E }, { code: E }]\n', ['4:31 warning errors[1].code: duplicate error code "E"']],
  ];
  it.each(cases)('%s', (_name, text, expected) => {
    const { spec, diagnostics } = parseSpec(text, 'a.b.yaml');
    expect(spec).toBeDefined();
    expect(diagnostics.map((d) => `${d.line}:${d.col} ${d.severity} ${d.message}`)).toEqual(expected);
  });
});

describe('example values contradicting their field', () => {
  const field = (decl: string) => HEAD + `request:\n  f: { ${decl} }\n`;
  const cases: [string, string, string][] = [
    ['string field, number example', 'type: string, required: true, example: 12', '4:47 error request.f: example 12 is a number, not a string (quote it)'],
    ['not in enum', "type: string, required: true, enum: [{ value: A }, { value: B }], example: C", '4:83 error request.f: example "C" is not in enum [A, B]'],
    ['longer than maxLength', "type: string, required: true, maxLength: 3, example: abcd", '4:61 error request.f: example "abcd" is longer than maxLength 3 (4)'],
    ['bad date', "type: date, required: true, example: '2017-02-17  20:11:54'", '4:45 error request.f: example "2017-02-17  20:11:54" is not a date in the format yyyy-MM-dd HH:mm:ss (a real calendar date)'],
    ['impossible date', "type: date, required: true, example: '2017-13-01 00:00:00'", '4:45 error request.f: example "2017-13-01 00:00:00" is not a date in the format yyyy-MM-dd HH:mm:ss (a real calendar date)'],
    // The runtime's isDateTime rejects it; the loader used a looser pattern and accepted it.
    ['30 February', "type: date, required: true, example: '2024-02-30 10:00:00'", '4:45 error request.f: example "2024-02-30 10:00:00" is not a date in the format yyyy-MM-dd HH:mm:ss (a real calendar date)'],
    ['29 February of a common year', "type: date, required: true, example: '2023-02-29 10:00:00'", '4:45 error request.f: example "2023-02-29 10:00:00" is not a date in the format yyyy-MM-dd HH:mm:ss (a real calendar date)'],
    ['price with 3 decimals', "type: price, required: true, example: '1.234'", '4:46 error request.f: example "1.234" is not a price (digits with at most 2 decimal places, no sign)'],
    ['price as text', "type: price, required: true, example: 十元", '4:46 error request.f: example "十元" is not a price (digits with at most 2 decimal places, no sign)'],
    // The runtime's isPrice rejects a sign; the loader accepted it.
    ['negative price', "type: price, required: true, example: '-0.50'", '4:46 error request.f: example "-0.50" is not a price (digits with at most 2 decimal places, no sign)'],
    ['price as a number', 'type: price, required: true, example: 124.8', '4:46 error request.f: example 124.8 is a number, not a price string (quote it)'],
    ['number as text', "type: number, required: true, example: abc", '4:47 error request.f: example "abc" is not a number'],
    ['number with a leading zero', "type: number, required: true, example: '007'", '4:47 error request.f: example "007" is a string, not a number (unquote it)'],
    ['boolean as text', "type: boolean, required: true, example: yes", '4:48 error request.f: example "yes" is not a boolean'],
    ['example on an object', "type: object, required: true, fields: {}, example: x", '4:50 error request.f: an object field takes no scalar example'],
    ['example not a scalar', "type: string, required: true, example: [a]", '4:47 error request.f.example: expected a string, number or boolean, got a list'],
    ['integer too large to keep', "type: string, required: true, example: 2016101700077000000003436443", '4:47 error request.f.example: the number 2016101700077000000003436443 is too large to keep exactly; quote it'],
    ['long values are truncated', `type: string, required: true, maxLength: 2, example: ${'x'.repeat(100)}`, `4:61 error request.f: example "${'x'.repeat(38)}… is longer than maxLength 2 (100)`],
  ];
  it.each(cases)('%s', (_name, decl, expected) => {
    expect(problems(field(decl))).toEqual([expected]);
  });

  it('accepts examples that fit, including numbers and booleans written as strings', () => {
    const ok = [
      "type: number, required: true, example: '88'",
      'type: number, required: true, example: 1.5',
      "type: boolean, required: true, example: 'true'",
      "type: price, required: true, example: '0.01'",
      "type: date, required: true, example: '2014-02-20 21:20:46'",
      "type: string, required: true, maxLength: 4, enum: [{ value: '1' }], example: '1'",
      "type: number, required: true, enum: [{ value: '1' }, { value: '0' }], example: 0",
    ];
    for (const decl of ok) expect(problems(field(decl)), decl).toEqual([]);
  });
});

describe('several errors in one file', () => {
  it('are all reported, sorted by position', () => {
    const text = [
      'method: a.b',
      'titel: t',
      'request:',
      '  x: { type: strin, required: true }',
      '  y: { type: string, required: true, maxLength: -1 }',
      '  z: { type: number, required: true, example: many }',
      'response:',
      '  r: { type: array, required: true, items: { type: object, fields: { q: { required: 1 } } } }',
      'examples:',
      '  request: { z: "x" }',
      '',
    ].join('\n');
    const { diagnostics } = parseSpec(text, 'specs/a.b.yaml');
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      'specs/a.b.yaml:2:1: error: unknown key "titel" (did you mean "title"?)',
      'specs/a.b.yaml:4:14: error: request.x.type: unknown type "strin", expected one of string, number, boolean, date, price, object, array, file (did you mean "string"?)',
      'specs/a.b.yaml:5:49: error: request.y.maxLength: expected a positive integer, got -1',
      'specs/a.b.yaml:6:47: error: request.z: example "many" is not a number',
      'specs/a.b.yaml:8:70: error: response.r[].q: missing required key "type"',
      'specs/a.b.yaml:8:85: error: response.r[].q.required: expected true, false or conditional, got 1',
      'specs/a.b.yaml:10:17: error: examples.request.z: "x" is not a number',
    ]);
  });
});

function byPosition(a: string, b: string): number {
  const [la, ca] = a.split(' ')[0]!.split(':').map(Number);
  const [lb, cb] = b.split(' ')[0]!.split(':').map(Number);
  return la! - lb! || ca! - cb! || (a < b ? -1 : 1);
}
