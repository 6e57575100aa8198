import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseSpec, loadSpecDir } from '../../generator/spec/load.js';
import { methodSpec } from './arbitraries.js';
import { MAX_METHOD_NAME_LENGTH } from '../../generator/spec/read-spec.js';
import { FIELD_KINDS, ITEM_KINDS } from '../../generator/types/table.js';
import { specToYaml } from './helpers/spec-yaml.js';

const schema = JSON.parse(readFileSync(new URL('../../generator/spec/spec.schema.json', import.meta.url), 'utf8'));
const ajv = new Ajv2020({ strict: true, strictRequired: false, allowUnionTypes: true, allErrors: true }) // strictRequired would forbid `if: { required: [...] }`;
const validate = ajv.compile(schema);
const schemaAccepts = (text: string) => validate(parse(text)) === true;
const loaderAccepts = (text: string) => parseSpec(text, 'x.yaml').spec !== undefined;

describe('spec.schema.json', () => {
  it('is a valid draft 2020-12 schema (ajv strict compile)', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(typeof validate).toBe('function');
  });

  // JSON cannot be checked by the compiler: this is where a new kind of the table must be added.
  it('lists exactly the kinds of the kinds table, and the loader\'s method-name limit', () => {
    expect(schema.$defs.field.properties.type.enum).toEqual(FIELD_KINDS);
    expect(schema.$defs.items.properties.type.enum).toEqual(ITEM_KINDS);
    expect(schema.properties.method.maxLength).toBe(MAX_METHOD_NAME_LENGTH);
  });

  it('accepts every random spec the loader loads', () => {
    fc.assert(
      fc.property(methodSpec, (spec) => {
        const text = specToYaml(spec);
        expect(loaderAccepts(text)).toBe(true);
        expect(schemaAccepts(text), JSON.stringify(validate.errors)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  const HEAD = 'method: a.b\nresponse: {}\n';
  const invalid: [string, string][] = [
    ['missing method', 'request: {}\nresponse: {}\n'],
    ['unknown top-level key', HEAD + 'request: {}\nexampels: {}\n'],
    ['bad method name', 'method: "a b"\nrequest: {}\nresponse: {}\n'],
    ['field without type', HEAD + 'request:\n  x: { required: true }\n'],
    ['field without required', HEAD + 'request:\n  x: { type: string }\n'],
    ['unknown type', HEAD + 'request:\n  x: { type: String, required: true }\n'],
    ['bad required', HEAD + 'request:\n  x: { type: string, required: yes }\n'],
    ['unknown field key', HEAD + 'request:\n  x: { type: string, required: true, maxlength: 3 }\n'],
    ['maxLength 0', HEAD + 'request:\n  x: { type: string, required: true, maxLength: 0 }\n'],
    ['fields on a string', HEAD + 'request:\n  x: { type: string, required: true, fields: {} }\n'],
    ['items on a string', HEAD + 'request:\n  x: { type: string, required: true, items: { type: string } }\n'],
    ['array without items', HEAD + 'request:\n  x: { type: array, required: true }\n'],
    ['array of arrays', HEAD + 'request:\n  x: { type: array, required: true, items: { type: array } }\n'],
    ['model on an array', HEAD + 'request:\n  x: { type: array, required: true, model: M, items: { type: string } }\n'],
    ['enum on an object', HEAD + 'request:\n  x: { type: object, required: true, fields: {}, enum: [{ value: A }] }\n'],
    ['enum value as a number', HEAD + 'request:\n  x: { type: string, required: true, enum: [{ value: 1 }] }\n'],
    ['string field, number example', HEAD + 'request:\n  x: { type: string, required: true, example: 12 }\n'],
    ['bad date example', HEAD + "request:\n  x: { type: date, required: true, example: '2017-02-17' }\n"],
    ['bad price example', HEAD + "request:\n  x: { type: price, required: true, example: '1.234' }\n"],
    ['example on an object', HEAD + 'request:\n  x: { type: object, required: true, fields: {}, example: a }\n'],
    ['errors entry without code', HEAD + 'request: {}\nerrors: [{ description: d }]\n'],
    ['requiredIf without field', HEAD + 'request:\n  x: { type: string, required: conditional, requiredIf: { equals: A } }\n'],
    ['notes not strings', HEAD + 'request: {}\nnotes: [1]\n'],
    ['object as a top-level param', HEAD + 'request: {}\nparams:\n  x: { type: object, required: true, fields: {} }\n'],
    ['array as a top-level param', HEAD + 'request: {}\nparams:\n  x: { type: array, required: true, items: { type: string } }\n'],
    ['param without required', HEAD + 'request: {}\nparams:\n  x: { type: string }\n'],
  ];
  it.each(invalid)('rejects what the loader rejects: %s', (_name, text) => {
    expect(loaderAccepts(text)).toBe(false);
    expect(schemaAccepts(text)).toBe(false);
  });
});

describe('the committed specs', () => {
  const dir = new URL('../../specs/', import.meta.url).pathname;
  const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));

  it('all load without errors', async () => {
    const { specs, diagnostics } = await loadSpecDir(dir);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(specs.map((s) => s.file)).toHaveLength(files.length);
  });

  it.each(files)('%s passes the JSON Schema and points editors at it', (file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../generator/spec/spec.schema.json');
    expect(schemaAccepts(text), JSON.stringify(validate.errors)).toBe(true);
  });
});
