/**
 * The `file` kind in the spec format: a top-level param only (an upload's multipart file part),
 * refused with file and position anywhere JSON must hold it (biz_content, nested, arrays, answers),
 * without a JSON example; its maxLength is bytes. The IR keeps it apart from the scalars.
 */
import { describe, expect, it } from 'vitest';
import { buildMethodIR } from '../../generator/ir/build.js';
import { parseSpec } from '../../generator/spec/load.js';
import { KINDS, PARAM_KINDS, kindOfTypeName } from '../../generator/types/table.js';

function problems(text: string): string[] {
  const { diagnostics, spec } = parseSpec(text, 'a.b.yaml');
  if (diagnostics.some((d) => d.severity === 'error')) expect(spec).toBeUndefined();
  return diagnostics.map((d) => `${d.line}:${d.col} ${d.severity} ${d.message}`);
}

const HEAD = 'method: a.b\nresponse: {}\n';
const ONLY_PARAM = 'a file is only a top-level param: put it under params (biz_content and answers are JSON and cannot hold bytes)';

describe('type: file', () => {
  it('loads as a top-level param, beside text params, with maxLength as bytes', () => {
    const text = HEAD + 'request: {}\nparams:\n  image_content: { type: file, required: true, maxLength: 1024 }\n  image_type: { type: string, required: true }\n';
    expect(problems(text)).toEqual([]);
    const ir = buildMethodIR(parseSpec(text, 'a.b.yaml').spec!.spec);
    expect(ir.params.map((p) => p.type)).toEqual([{ kind: 'file', maxLength: 1024 }, { kind: 'string' }]);
  });

  it.each([
    ['in biz_content', 'request:\n  f: { type: file, required: true }\n', '4:14'],
    ['nested in an object', 'request:\n  o: { type: object, required: true, fields: { f: { type: file, required: true } } }\n', '4:59'],
    ['in the response', 'method: a.b\nrequest: {}\nresponse:\n  f: { type: file, required: true }\n', '4:14'],
  ])('is refused %s, at its type', (_name, body, at) => {
    const text = body.startsWith('method') ? body : HEAD + body;
    expect(problems(text)).toEqual([`${at} error ${body.includes('response:\n') ? 'response' : 'request'}.${body.includes('fields') ? 'o.f' : 'f'}: ${ONLY_PARAM}`]);
  });

  it('is no array item kind', () => {
    const out = problems(HEAD + 'request:\n  l: { type: array, required: true, items: { type: file } }\n');
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^4:52 error request\.l\[\]\.type: unknown type "file", expected one of string, number, boolean, date, price, object/);
  });

  it('has no JSON example', () => {
    const text = HEAD + 'request: {}\nparams:\n  f: { type: file, required: false }\nexamples:\n  params: { f: "shop.png" }\n';
    expect(problems(text)).toEqual(['7:16 error examples.params.f: the example value is not a file: a file has no JSON example (leave it out of the example)']);
  });

  it('the importer reads the docs\' spellings of it, and params may hold it', () => {
    for (const name of ['FileItem', 'byte[]', 'File', 'file']) expect(kindOfTypeName(name)).toBe('file');
    expect(PARAM_KINDS).toContain('file');
    expect(KINDS.file.jsonSchema()).toMatchObject({ type: 'string', format: 'binary' });
  });
});
