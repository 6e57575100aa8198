/**
 * Never a wrong spec silently: where a page contradicts itself the importer drops the
 * contradicting part with a warning at the doc line, and the spec it returns is one the loader
 * accepts. Each case below was written out as an invalid spec before the fix.
 */
import { describe, expect, it } from 'vitest';
import { checkOutput, importDoc } from '../../generator/importer/import-doc.js';
import { dumpSpec } from '../../generator/spec/dump.js';
import { parseSpec } from '../../generator/spec/load.js';
import type { MethodSpec } from '../../generator/spec/model.js';
import { javaBizContent, page } from './helpers.js';

function imported(text: string) {
  const r = importDoc(text, 'doc.txt');
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(parseSpec(dumpSpec(r.spec!), 'out.yaml').diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return { spec: r.spec!, warnings: r.diagnostics.filter((d) => d.severity === 'warning'), lineOf: (s: string) => text.split('\n').indexOf(s) + 1 };
}

describe('a page that contradicts itself gives a valid spec and a warning per contradiction', () => {
  it('an example outside the enum the description lists: the example is dropped', () => {
    const r = imported(page({ request: ['status String 必填 8 状态', 'A:开', 'B:关', 'X'], requestExample: javaBizContent({ status: 'X' }) }));
    expect(r.spec.request[0]).toEqual({ name: 'status', type: 'string', required: true, maxLength: 8, description: '状态\nA:开\nB:关', enum: [{ value: 'A', description: '开' }, { value: 'B', description: '关' }] });
    expect(r.warnings).toContainEqual(expect.objectContaining({ line: r.lineOf('status String 必填 8 状态'), message: expect.stringContaining('dropped the example') }));
    // The request example shows the same value: dropped from it too.
    expect(r.spec.examples?.request).toEqual({});
    expect(r.warnings).toContainEqual(expect.objectContaining({ message: expect.stringMatching(/^request example `status`: "X" is not in enum \[A, B\]: dropped it/) }));
  });

  it('an example longer than the max length: the example is dropped', () => {
    const r = imported(page({ request: ['code String 必填 3 编号 ABCDEF'] }));
    expect(r.spec.request[0]).toEqual({ name: 'code', type: 'string', required: true, maxLength: 3, description: '编号' });
    expect(r.warnings).toEqual([expect.objectContaining({ line: r.lineOf('code String 必填 3 编号 ABCDEF'), col: 1, message: expect.stringContaining('longer than maxLength 3') })]);
  });

  it('a row twice in one table: the first is kept', () => {
    const r = imported(page({ response: ['id String 必填 8 编号 A1', 'id Number 可选 8 又一个 2'] }));
    expect(r.spec.response).toEqual([{ name: 'id', type: 'string', required: true, maxLength: 8, description: '编号', example: 'A1' }]);
    expect(r.warnings).toEqual([expect.objectContaining({ line: r.lineOf('id Number 可选 8 又一个 2'), message: expect.stringContaining('`response.id` appears twice (first at line 23)') })]);
  });

  it('a field name at every open level: the repeat is dropped, not written as a duplicate key', () => {
    const r = imported(page({ response: ['o O 必填 - x', '  • └ a', '  • String', '  • 必填', '  • 3', '  • 描述', '  • v', '  • └ a', '  • String', '  • 必填', '  • 3', '  • 又一个', '  • w'] }));
    expect(r.spec.response[0]!.fields!.map((f) => f.name)).toEqual(['a']);
    expect(r.warnings).toContainEqual(expect.objectContaining({ message: expect.stringContaining('`response.o.a` appears twice') }));
  });

  it('a max length of 0 (not a positive integer): dropped', () => {
    const r = imported(page({ request: ['n String 必填 0 名称 x'] }));
    expect(r.spec.request[0]!.maxLength).toBeUndefined();
    expect(r.warnings).toEqual([expect.objectContaining({ message: expect.stringContaining('max length 0') })]);
  });

  it('a requiredIf value outside the sibling\'s enum: the condition is dropped', () => {
    const r = imported(page({ request: ['status String 必填 8 状态', 'A:开', 'B:关', 'A', 'code String 可选 8 status为C时必填 c1'] }));
    expect(r.spec.request[1]!.requiredIf).toBeUndefined();
    expect(r.warnings).toEqual([expect.objectContaining({ line: r.lineOf('code String 可选 8 status为C时必填 c1'), message: expect.stringContaining('dropped the condition') })]);
  });

  it('example JSON keys that name no field, or values of another shape: dropped from the example', () => {
    const r = imported(
      page({
        request: ['id String 必填 8 编号 A1', 'o O 可选 - 对象', '  • └ n', '  • Number', '  • 可选', '  • 8', '  • 数', '  • 1'],
        requestExample: javaBizContent({ id: 'A1', ghost: 1, o: { n: 'not a number' } }),
        responseExample: ['{"alipay_demo_thing_query_response":{"code":"10000","extra":null},"sign":"S"}'],
      }),
    );
    expect(r.spec.examples).toEqual({ request: { id: 'A1', o: {} }, response: { alipay_demo_thing_query_response: { code: '10000' }, sign: 'S' } });
    expect(r.warnings.map((w) => w.message)).toEqual(
      expect.arrayContaining([expect.stringContaining('`ghost` is not a field of the table'), expect.stringContaining('`n`: "not a number" is not a number'), expect.stringContaining('`extra` is not a field of the table')]),
    );
  });

  it('a type named like an Object.prototype member is a model name, not a broken scalar', () => {
    const r = imported(page({ request: ['c Constructor 可选 - 构造', '  • └ x', '  • String', '  • 可选', '  • 4', '  • 说明', '  • v', 't ToString 可选 - 对象', '  • └ y', '  • String', '  • 可选', '  • 4', '  • 说明', '  • w'] }));
    expect(r.spec.request.map((f) => [f.name, f.type, f.model])).toEqual([
      ['c', 'object', 'Constructor'],
      ['t', 'object', 'ToString'],
    ]);
  });
});

describe('checkOutput: the importer reads back what it would write, with the loader validate uses', () => {
  const spec: MethodSpec = {
    method: 'alipay.demo.thing.query',
    request: [
      { name: 'a', type: 'string', required: true },
      { name: 'a', type: 'number', required: false },
    ],
    response: [],
    errors: [],
  };

  it('an invalid spec is refused: no YAML, errors at file:line:col of the spec it would have written', () => {
    const r = checkOutput(spec, 'doc.txt', 'specs/alipay.demo.thing.query.yaml');
    expect(r.yaml).toBeUndefined();
    expect(r.diagnostics).toEqual([
      { severity: 'error', file: 'specs/alipay.demo.thing.query.yaml', line: 7, col: 3, message: 'not written: the spec imported from doc.txt is invalid: request.a: duplicate key (first at line 4)' },
    ]);
  });

  it('a valid spec comes back as the YAML dumpSpec writes', () => {
    const good = { ...spec, request: [spec.request[0]!] };
    expect(checkOutput(good, 'doc.txt', 'x.yaml')).toEqual({ yaml: dumpSpec(good), diagnostics: [] });
  });
});
