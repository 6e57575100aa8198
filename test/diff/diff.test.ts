/**
 * The semantic spec diff, one row per fact and direction: the path, the fact and the class each
 * change gets. Specs are hand-built (test/generator/fixtures/hand-specs.ts), each row one edit.
 */
import { describe, expect, it } from 'vitest';
import { diffMethod, diffSpecs, formatDiff, suggestBump, type Change } from '../../generator/diff/index.js';
import type { Field, MethodSpec } from '../../generator/spec/model.js';
import { field, sampleSpec } from '../generator/fixtures/hand-specs.js';
import { seedSpecs } from '../generator/helpers/generated.js';

type Edit = (s: MethodSpec) => void;
const req = (s: MethodSpec, name: string): Field => s.request.find((f) => f.name === name)!;
const res = (s: MethodSpec, name: string): Field => s.response.find((f) => f.name === name)!;

function edited(edit: Edit, base = sampleSpec()): Change[] {
  const after = structuredClone(base);
  edit(after);
  return diffMethod(base, after);
}

const pick = (c: Change) => [c.path, c.fact, c.kind, c.class];

describe('one edit, one classified change', () => {
  const rows: [string, Edit, [string, string, string, string][]][] = [
    ['request field removed', (s) => void s.request.splice(0, 1), [['request.card_no', 'field', 'removed', 'breaking']]],
    ['optional request field added', (s) => void s.request.push(field('memo')), [['request.memo', 'field', 'added', 'feature']]],
    ['required request field added', (s) => void s.request.push(field('memo', { required: true })), [['request.memo', 'field', 'added', 'breaking']]],
    ['request field with a requiredIf added', (s) => void s.request.push(field('memo', { required: 'conditional', requiredIf: { field: 'card_no' } })), [['request.memo', 'field', 'added', 'breaking']]],
    ['request field made required', (s) => void (req(s, 'open_date').required = true), [['request.open_date', 'required', 'changed', 'breaking']]],
    ['request field made optional', (s) => void (req(s, 'card_no').required = false), [['request.card_no', 'required', 'changed', 'feature']]],
    ['request false -> conditional (no requiredIf: types and validators unchanged)', (s) => void (req(s, 'open_date').required = 'conditional'), [['request.open_date', 'required', 'changed', 'docs']]],
    ['requiredIf added on a request field', (s) => void (req(s, 'open_date').requiredIf = { field: 'card_no' }), [['request.open_date', 'requiredIf', 'added', 'breaking']]],
    ['requiredIf removed', (s) => void delete req(s, 'user').fields![1]!.requiredIf, [['request.user.id_type', 'requiredIf', 'removed', 'feature']]],
    ['requiredIf condition changed', (s) => void (req(s, 'user').fields![1]!.requiredIf = { field: 'user_id', equals: 'X' }), [['request.user.id_type', 'requiredIf', 'changed', 'breaking']]],
    ['request type changed', (s) => void (req(s, 'count').type = 'string'), [['request.count', 'type', 'changed', 'breaking']]],
    ['request date widened to string', (s) => void (req(s, 'open_date').type = 'string'), [['request.open_date', 'type', 'changed', 'feature']]],
    ['request string narrowed to date', (s) => void (req(s, 'card_no').type = 'date'), [['request.card_no', 'type', 'changed', 'breaking']]],
    ['request max length lowered', (s) => void (req(s, 'card_no').maxLength = 4), [['request.card_no', 'maxLength', 'changed', 'breaking']]],
    ['request max length added', (s) => void (req(s, 'open_date').maxLength = 19), [['request.open_date', 'maxLength', 'added', 'breaking']]],
    ['request max length raised', (s) => void (req(s, 'card_no').maxLength = 64), [['request.card_no', 'maxLength', 'changed', 'feature']]],
    ['request max length removed', (s) => void delete req(s, 'card_no').maxLength, [['request.card_no', 'maxLength', 'removed', 'feature']]],
    ['request enum value removed', (s) => void req(s, 'card_type').enum!.pop(), [['request.card_type', 'enum', 'removed', 'breaking']]],
    ['request enum value added', (s) => void req(s, 'card_type').enum!.push({ value: 'NEW' }), [['request.card_type', 'enum', 'added', 'feature']]],
    ['request enum introduced', (s) => void (req(s, 'card_no').enum = [{ value: 'A' }]), [['request.card_no', 'enum', 'added', 'breaking']]],
    ['request enum dropped', (s) => void delete req(s, 'card_type').enum, [['request.card_type', 'enum', 'removed', 'feature']]],
    ['enum value description', (s) => void (req(s, 'card_type').enum![0]!.description = '新'), [['request.card_type', 'enum', 'changed', 'docs']]],
    ['nested request field removed', (s) => void req(s, 'user').fields!.splice(0, 1), [['request.user.user_id', 'field', 'removed', 'breaking']]],
    ['model renamed', (s) => void (req(s, 'user').model = 'Person'), [['request.user', 'model', 'changed', 'breaking']]],
    ['description changed', (s) => void (req(s, 'card_no').description = '新的'), [['request.card_no', 'description', 'changed', 'docs']]],
    ['example changed', (s) => void (req(s, 'card_no').example = '0002'), [['request.card_no', 'example', 'changed', 'docs']]],
    ['field deprecated', (s) => void (req(s, 'card_no').deprecated = true), [['request.card_no', 'deprecated', 'added', 'docs']]],
    ['response field removed', (s) => void s.response.splice(0, 1), [[`response.${sampleSpec().response[0]!.name}`, 'field', 'removed', 'breaking']]],
    ['response field added (even required)', (s) => void s.response.push(field('extra', { required: true })), [['response.extra', 'field', 'added', 'feature']]],
    ['response type changed', (s) => void (s.response[0]!.type = 'number'), [[`response.${sampleSpec().response[0]!.name}`, 'type', 'changed', 'breaking']]],
    ['title', (s) => void (s.title = '新标题'), [['', 'title', 'changed', 'docs']]],
    ['notes', (s) => void (s.notes = ['复核']), [['', 'notes', 'added', 'docs']]],
    ['method deprecated', (s) => void (s.deprecated = '用 x 代替'), [['', 'deprecated', 'added', 'docs']]],
    ['error code added', (s) => void s.errors.push({ code: 'NEW_ERR' }), [['errors.NEW_ERR', 'errors', 'added', 'feature']]],
    ['error solution changed', (s) => void (s.errors[0]!.solution = '重试'), [[`errors.${sampleSpec().errors[0]!.code}`, 'errors', s0(sampleSpec().errors[0]!.solution), 'docs']]],
    ['response example changed', (s) => void (s.examples = { ...s.examples, response: { x: 1 } }), [['examples.response', 'examples', sampleSpec().examples?.response === undefined ? 'added' : 'changed', 'docs']]],
  ];
  it.each(rows)('%s', (_, edit, expected) => {
    expect(edited(edit).map(pick)).toEqual(expected);
  });

  it('on a response, required true -> false breaks (the property becomes optional), false -> true does not', () => {
    const base = sampleSpec({ response: [field('a', { required: true }), field('b')] });
    expect(edited((s) => void (res(s, 'a').required = false), base).map(pick)).toEqual([['response.a', 'required', 'changed', 'breaking']]);
    expect(edited((s) => void (res(s, 'b').required = true), base).map(pick)).toEqual([['response.b', 'required', 'changed', 'feature']]);
  });

  it('on a response: enum value removed breaks, added does not; max length is a fix; string -> date is not breaking', () => {
    const base = sampleSpec({ response: [field('status', { maxLength: 8, enum: [{ value: 'A' }, { value: 'B' }] })] });
    expect(edited((s) => void res(s, 'status').enum!.pop(), base).map(pick)).toEqual([['response.status', 'enum', 'removed', 'breaking']]);
    expect(edited((s) => void res(s, 'status').enum!.push({ value: 'C' }), base).map(pick)).toEqual([['response.status', 'enum', 'added', 'feature']]);
    expect(edited((s) => void (res(s, 'status').maxLength = 4), base).map(pick)).toEqual([['response.status', 'maxLength', 'changed', 'fix']]);
    expect(edited((s) => void (res(s, 'status').type = 'date'), base).map(pick)).toEqual([['response.status', 'type', 'changed', 'feature']]);
  });

  it('a type change is reported once, not with every child of the old shape', () => {
    const changes = edited((s) => void Object.assign(req(s, 'user'), { type: 'string', fields: undefined, model: undefined }));
    expect(changes.map(pick)).toEqual([
      ['request.user', 'type', 'changed', 'breaking'],
      ['request.user', 'model', 'removed', 'breaking'],
    ]);
  });

  it('array items are compared under `name[]`', () => {
    const base = sampleSpec({ response: [field('goods', { type: 'array', items: { type: 'object', fields: [field('id'), field('name')] } })] });
    expect(edited((s) => void res(s, 'goods').items!.fields!.pop(), base).map(pick)).toEqual([['response.goods[].name', 'field', 'removed', 'breaking']]);
  });

  it('a field moved between request and params is a fix (one Request type holds both)', () => {
    const base = sampleSpec({ request: [field('code')], params: [field('grant_type', { required: true })] });
    const changes = edited((s) => {
      s.params!.push(s.request.pop()!);
    }, base);
    expect(changes.map(pick)).toEqual([['params.code', 'field', 'moved', 'fix']]);
  });
});

describe('diffSpecs', () => {
  it('same specs: no changes, no bump', async () => {
    const specs = await seedSpecs();
    const d = diffSpecs(specs, structuredClone(specs));
    expect(d.methods).toEqual([]);
    expect(d.bump.bump).toBe('none');
    expect(formatDiff(d)).toBe('no changes\n');
  });

  it('methods added and removed; per method in name order; the text flags breaking changes', async () => {
    const specs = await seedSpecs();
    const [first, ...rest] = specs;
    const changed = structuredClone(rest);
    changed[0]!.request.push(field('zz_new', { required: true }));
    const d = diffSpecs(specs, [...changed, sampleSpec()], '0.1.0');
    expect(d.methods.map((m) => [m.method, m.status])).toEqual(
      [[first!.method, 'removed'], [rest[0]!.method, 'changed'], ['alipay.sample.thing.query', 'added']].sort((a, b) => (a[0]! < b[0]! ? -1 : 1)),
    );
    expect(d.counts).toEqual({ breaking: 2, feature: 1, fix: 0, docs: 0 });
    expect(d.bump).toEqual({ bump: 'minor', next: '0.2.0', reason: "breaking changes; 0.1.0 is 0.x: minor (npm's ^0.y.z pins the minor)" });
    const text = formatDiff(d);
    expect(text).toContain(`  BREAKING  request.zz_new: required field added (string): calls without it are refused\n`);
    expect(text).toMatch(/3 method\(s\) changed: 2 breaking, 1 feature, 0 fix, 0 docs; suggested bump: minor \(0\.2\.0\)/);
  });
});

describe('suggestBump', () => {
  const of = (...classes: Change['class'][]) => classes.map((c) => ({ class: c }));
  it.each([
    ['1.4.2', of('docs'), 'patch', '1.4.3'],
    ['1.4.2', of('fix', 'docs'), 'patch', '1.4.3'],
    ['1.4.2', of('feature', 'docs'), 'minor', '1.5.0'],
    ['1.4.2', of('feature', 'breaking'), 'major', '2.0.0'],
    ['0.3.1', of('breaking'), 'minor', '0.4.0'],
    ['0.3.1', of('feature'), 'patch', '0.3.2'],
    ['0.3.1', of('docs'), 'patch', '0.3.2'],
    ['1.0.0', [], 'none', undefined],
  ] as const)('%s with %j -> %s', (version, changes, bump, next) => {
    const s = suggestBump(changes, version);
    expect(s.bump).toBe(bump);
    expect(s.next).toBe(next);
  });

  it('a version that is not x.y.z gets a bump without a next version', () => {
    expect(suggestBump(of('feature'), '2.0.0-beta.1')).toEqual({ bump: 'minor', reason: 'new features, nothing breaking' });
  });
});

function s0(v: string | undefined): string {
  return v === undefined ? 'added' : 'changed';
}
