/**
 * Catalogue methods whose field names repeat at several nesting levels (`button[].name` and
 * `button[].sub_button[].name`), rendered in the text-dump layout by the test renderer. Before
 * the fix the tree resolver put the inner `name` next to the outer one and the importer wrote a
 * spec with duplicate YAML keys, which `validate` rejects.
 */
import { describe, expect, it } from 'vitest';
import { convertMethod } from '../../bench/catalogue/convert.js';
import { readCatalogue } from '../../bench/catalogue/source.js';
import { importDoc } from '../../generator/importer/import-doc.js';
import { dumpSpec } from '../../generator/spec/dump.js';
import { parseSpec } from '../../generator/spec/load.js';
import type { Field, MethodSpec } from '../../generator/spec/model.js';
import { exampleObject } from './arbitrary.js';
import { renderDoc } from './render.js';

const METHODS = ['alipay.open.public.menu.modify', 'alipay.eco.contract.signflows.create'];
const catalogue = readCatalogue();

function catalogueSpec(method: string): MethodSpec {
  const c = convertMethod(catalogue, method, { seed: 1 });
  if (!('spec' in c)) throw new Error(`${method}: ${c.skipped}`);
  return c.spec;
}

/** Every field path, `[]` marking array items: the tree's shape. */
function paths(fields: readonly Field[], prefix = ''): string[] {
  return fields.flatMap((f) => {
    const path = `${prefix}${f.name}`;
    const children = f.fields ?? f.items?.fields ?? [];
    return [path, ...paths(children, f.type === 'array' ? `${path}[].` : `${path}.`)];
  });
}

/** Gives each scalar an example value the page can show, so the example JSON shows every field. */
function withExamples(fields: readonly Field[]): Field[] {
  return fields.map((f) => {
    const children = f.fields ?? f.items?.fields;
    if (children) return f.fields ? { ...f, fields: withExamples(children) } : { ...f, items: { ...f.items!, fields: withExamples(children) } };
    const value = f.enum?.[0]?.value ?? f.items?.enum?.[0]?.value ?? (f.type === 'number' || f.items?.type === 'number' ? 7 : f.type === 'boolean' ? true : 'v');
    return { ...f, example: f.type === 'array' ? String(value) : value };
  });
}

function valid(spec: MethodSpec): void {
  expect(parseSpec(dumpSpec(spec), `${spec.method}.yaml`).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
}

describe.each(METHODS)('%s rendered as a text dump', (method) => {
  const base = catalogueSpec(method);

  it('has a field name at two nesting levels (what the test is about)', () => {
    const names = paths([...base.request, ...base.response]).map((p) => p.slice(p.lastIndexOf('.') + 1));
    expect(new Set(names).size).toBeLessThan(names.length);
  });

  it('with examples: the examples place every field, and the spec comes back with the same tree', () => {
    const request = withExamples(base.request);
    const response = withExamples(base.response);
    const spec: MethodSpec = {
      ...base,
      request,
      response,
      examples: { request: exampleObject(request), response: { [`${method.replace(/\./g, '_')}_response`]: { code: '10000', msg: 'Success', ...exampleObject(response) }, sign: 'S' } },
    };
    const r = importDoc(renderDoc(spec), `${method}.txt`);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(paths(r.spec!.request)).toEqual(paths(request));
    expect(paths(r.spec!.response)).toEqual(paths(response));
    valid(r.spec!);
  });

  it('without examples: every field kept, none twice in one object, the spec valid', () => {
    const r = importDoc(renderDoc(base), `${method}.txt`);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const names = (fields: readonly Field[]) => paths(fields).map((p) => p.slice(p.lastIndexOf('.') + 1)).sort();
    expect(names(r.spec!.request)).toEqual(names(base.request));
    expect(names(r.spec!.response)).toEqual(names(base.response));
    valid(r.spec!);
  });
});
