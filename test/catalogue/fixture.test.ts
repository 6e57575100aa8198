import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { convertMethod } from '../../bench/catalogue/convert.js';
import { sample } from '../../bench/catalogue/random.js';
import { readCatalogue, type Catalogue, type CatalogueField } from '../../bench/catalogue/source.js';
import { writeCatalogueSpecs } from '../../bench/catalogue/write.js';
import { loadSpecDir } from '../../generator/spec/load.js';
import type { Field, MethodSpec } from '../../generator/spec/model.js';

const SAMPLE_SIZE = 300;
const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'catalogue-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const f = (name: string, type: string, description: string | null = null, list = false): CatalogueField => ({ name, type, list, description });

/** A tiny catalogue with each construct of the real one. */
const crafted: Catalogue = {
  method_count: 3,
  methods: {
    'alipay.demo.card.query': {
      request_class: 'X',
      summary: '卡查询',
      uses_biz_content: true,
      biz_model: 'M',
      request_fields: [
        f('card_no', 'string', '卡号'),
        f('status', 'string', '状态  VALID：有效  INVALID：无效'),
        f('count', 'long'),
        f('ok', 'bool'),
        f('cards', 'Card', null, true),
        f('tags', 'string', null, true),
        f('node', 'Node'),
      ],
      direct_request_params: null,
      response_fields: [f('size', 'Nullable<long>')],
    },
    'alipay.demo.file.upload': {
      request_class: 'Y',
      summary: null,
      uses_biz_content: false,
      biz_model: null,
      request_fields: null,
      direct_request_params: [{ property: 'FileContent', type: 'FileItem', description: null }],
      response_fields: [],
    },
    'alipay.demo.legacy.pay': {
      request_class: 'W',
      summary: null,
      uses_biz_content: false,
      biz_model: null,
      request_fields: null,
      direct_request_params: [
        { property: 'OutTradeNo', type: 'string', description: '订单号' },
        { property: 'ItBPay', type: 'Nullable<long>', description: null },
        { property: 'GmtCreate', type: 'Nullable<DateTime>', description: null },
      ],
      response_fields: [],
    },
    'alipay.demo.free.query': {
      request_class: 'Z',
      summary: null,
      uses_biz_content: true,
      biz_model: null,
      request_fields: null,
      direct_request_params: null,
      response_fields: null,
    },
  },
  types: {
    Card: { fields: [f('label', 'string', '文字')] },
    Node: { fields: [f('name', 'string'), f('child', 'Node')] },
  },
};

const convert = (method: string, seed = 1): MethodSpec => {
  const result = convertMethod(crafted, method, { seed });
  if ('skipped' in result) throw new Error(result.skipped);
  return result.spec;
};
const byName = (fields: Field[], name: string): Field => fields.find((x) => x.name === name)!;

describe('catalogue -> specs', () => {
  it('maps types, lists, models and enum descriptions', () => {
    const spec = convert('alipay.demo.card.query');
    expect(spec.title).toBe('卡查询');
    const req = spec.request;
    expect(req.map((x) => x.name)).toEqual(['card_no', 'status', 'count', 'ok', 'cards', 'tags', 'node']);
    expect(byName(req, 'count').type).toBe('number');
    expect(byName(req, 'ok').type).toBe('boolean');
    expect(byName(req, 'status').enum).toEqual([
      { value: 'VALID', description: '有效' },
      { value: 'INVALID', description: '无效' },
    ]);
    expect(byName(req, 'status').description).toBe('状态\nVALID：有效\nINVALID：无效');
    expect(byName(req, 'cards')).toMatchObject({ type: 'array', items: { type: 'object', model: 'Card' } });
    expect(byName(req, 'cards').items!.fields![0]).toMatchObject({ name: 'label', type: 'string', description: '文字' });
    expect(byName(req, 'tags').items!.type).toBe('string');
    expect(spec.response[0]!.type).toBe('number');
    for (const x of req) expect(typeof x.required).toBe('boolean');
  });

  it('cuts a recursive model at its first repeat, and says so', () => {
    const result = convertMethod(crafted, 'alipay.demo.card.query', { seed: 1 });
    if ('skipped' in result) throw new Error('unexpected skip');
    const node = byName(result.spec.request, 'node');
    expect(node.fields!.map((x) => x.name)).toEqual(['name', 'child']);
    expect(byName(node.fields!, 'child')).toMatchObject({ type: 'object', model: 'Node' });
    expect(byName(node.fields!, 'child').fields).toBeUndefined();
    expect(result.notes).toEqual(['recursive model Node > Node cut at the repeat']);
  });

  it('turns scalar top-level params into params with snake_case wire names', () => {
    const spec = convert('alipay.demo.legacy.pay');
    expect(spec.request).toEqual([]);
    expect(spec.params!.map((p) => [p.name, p.type])).toEqual([
      ['out_trade_no', 'string'],
      ['it_b_pay', 'number'],
      ['gmt_create', 'date'],
    ]);
    expect(spec.params![0]!.description).toBe('订单号');
    expect(spec.notes![0]).toMatch(/\.NET property names/);
  });

  it('skips file uploads, and keeps model-less biz_content methods', () => {
    const skipped = convertMethod(crafted, 'alipay.demo.file.upload', { seed: 1 });
    expect('skipped' in skipped && skipped.skipped).toMatch(/FileContent: FileItem; a file upload/);
    const free = convert('alipay.demo.free.query');
    expect(free.request).toEqual([]);
    expect(free.notes![0]).toMatch(/without a model/);
  });

  it('draws required flags and max lengths from the seed, per method', () => {
    expect(convert('alipay.demo.card.query', 7)).toEqual(convert('alipay.demo.card.query', 7));
    const seeds = Array.from({ length: 20 }, (_, i) => JSON.stringify(convert('alipay.demo.card.query', i)));
    expect(new Set(seeds).size).toBeGreaterThan(1);
  });

  it(`turns ${SAMPLE_SIZE} sampled real methods into specs the loader accepts`, async () => {
    const catalogue = readCatalogue();
    const chosen = new Set(sample(Object.keys(catalogue.methods), SAMPLE_SIZE, 42));
    const dir = tempDir();
    const result = writeCatalogueSpecs({ outDir: dir, catalogue, filter: (m) => chosen.has(m) });
    expect(result.written.length + result.skipped.length).toBe(SAMPLE_SIZE);
    for (const s of result.skipped) expect(s.reason).toMatch(/top-level request params the spec format cannot hold/);
    expect(readdirSync(dir).sort()).toEqual(result.written.map((m) => `${m}.yaml`));

    const { specs, diagnostics } = await loadSpecDir(dir);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(specs.map((s) => s.spec.method)).toEqual(result.written);
    // Same seed, smaller selection: the same text for the same method.
    const again = tempDir();
    const first = result.written[0]!;
    writeCatalogueSpecs({ outDir: again, catalogue, filter: (m) => m === first });
    expect(readFileSync(join(again, `${first}.yaml`), 'utf8')).toBe(readFileSync(join(dir, `${first}.yaml`), 'utf8'));
  });
});
