import { describe, expect, it } from 'vitest';
import { importDoc } from '../../generator/importer/import-doc.js';
import { responseNode } from '../../generator/importer/to-spec/index.js';
import type { Field } from '../../generator/spec/model.js';
import { javaBizContent, page } from './helpers.js';

const ok = (text: string) => {
  const r = importDoc(text, 'doc.txt');
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return r;
};
const field = (fields: Field[], path: string): Field => {
  const [head, ...rest] = path.split('.');
  const f = fields.find((x) => x.name === head);
  if (!f) throw new Error(`no field ${path}`);
  return rest.length === 0 ? f : field(f.fields ?? f.items?.fields ?? [], rest.join('.'));
};

describe('importDoc', () => {
  it('assembles header, fields, errors and examples', () => {
    const r = ok(
      page({
        description: '查询演示\n第二行',
        request: ['id String 必须 32 编号 ID1', 'flag Boolean 可选 - 开关 true'],
        response: ['count Number 必填 10 数量 3'],
        requestExample: javaBizContent({ id: 'ID1', flag: true }),
        responseExample: ['{', '\t"alipay_demo_thing_query_response":{"code":"10000","count":3},', '\t"sign":"S"', '}'],
        errorExample: ['{"alipay_demo_thing_query_response":{"code":"20000"}}'],
        errors: ['NOT_FOUND 不存在 检查编号'],
      }),
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.spec).toEqual({
      method: 'alipay.demo.thing.query',
      title: '演示查询',
      description: '查询演示\n第二行',
      request: [
        { name: 'id', type: 'string', required: true, maxLength: 32, description: '编号', example: 'ID1' },
        { name: 'flag', type: 'boolean', required: false, description: '开关', example: true },
      ],
      response: [{ name: 'count', type: 'number', required: true, maxLength: 10, description: '数量', example: 3 }],
      errors: [{ code: 'NOT_FOUND', description: '不存在', solution: '检查编号' }],
      examples: {
        request: { id: 'ID1', flag: true },
        response: { alipay_demo_thing_query_response: { code: '10000', count: 3 }, sign: 'S' },
        error: { alipay_demo_thing_query_response: { code: '20000' } },
      },
    });
  });

  it('nests three levels deep using the request example, and keeps arrays of scalars', () => {
    const r = ok(
      page({
        request: [
          'outer Outer 必填 - 外层',
          '  • mid',
          '  • Mid',
          '  • 必填',
          '  • -',
          '  • 中层',
          '  • inner',
          '  • Inner []',
          '  • 可选',
          '  • 8',
          '  • 内层列表',
          '  • └ leaf',
          '  • String',
          '  • 必填',
          '  • 4',
          '  • 叶子',
          '  • L1',
          '  • └ mid_tail',
          '  • Number',
          '  • 可选',
          '  • 5',
          '  • 中层字段',
          '  • 7',
          '  • └ outer_tail',
          '  • String[]',
          '  • 可选',
          '  • 32',
          '  • 外层列表',
          '  • a',
          'price Price 条件必填 12 金额 1.50',
        ],
        requestExample: javaBizContent({ outer: { mid: { inner: [{ leaf: 'L1' }], mid_tail: 7 }, outer_tail: ['a'] }, price: '1.50' }),
      }),
    );
    expect(r.diagnostics).toEqual([]);
    const req = r.spec!.request;
    expect(field(req, 'outer.mid').model).toBe('Mid');
    expect(field(req, 'outer.mid.inner')).toMatchObject({ type: 'array', maxLength: 8, items: { type: 'object', model: 'Inner' } });
    expect(field(req, 'outer.mid.inner.leaf')).toMatchObject({ type: 'string', required: true, maxLength: 4, example: 'L1' });
    expect(field(req, 'outer.mid.mid_tail')).toMatchObject({ type: 'number', example: 7 });
    expect(field(req, 'outer.outer_tail')).toMatchObject({ type: 'array', items: { type: 'string' }, example: 'a' });
    expect(field(req, 'price')).toMatchObject({ type: 'price', required: 'conditional', example: '1.50' });
  });

  it('imports but warns where the examples cannot place a nested field', () => {
    const text = page({
      response: ['o O 必填 - x', '  • sub', '  • Sub', '  • 必填', '  • -', '  • 子对象', '  • └ a', '  • String', '  • 必填', '  • 3', '  • 描述', '  • v'],
    });
    const r = importDoc(text, 'doc.txt');
    expect(r.spec).toBeDefined();
    expect(field(r.spec!.response, 'o.sub.a').type).toBe('string');
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ severity: 'warning', file: 'doc.txt', line: text.split('\n').indexOf('  • └ a') + 1, message: expect.stringContaining('`a`: the examples do not show it; placed it under `o.sub`') }),
    ]);
  });

  it('finds enums and requiredIf among nested siblings', () => {
    const r = ok(
      page({
        response: [
          'o O 必填 - x',
          '  • └ status',
          '  • String',
          '  • 必填',
          '  • 8',
          '  • 状态:',
          '    OK: 成功',
          '    FAIL: 失败',
          '  • OK',
          '  • └ code',
          '  • String',
          '  • 选填',
          '  • 8',
          '  • status为OK时必填',
          '  • C1',
        ],
      }),
    );
    expect(field(r.spec!.response, 'o.status').enum).toEqual([
      { value: 'OK', description: '成功' },
      { value: 'FAIL', description: '失败' },
    ]);
    expect(field(r.spec!.response, 'o.code')).toMatchObject({ required: false, requiredIf: { field: 'status', equals: 'OK' } });
  });

  it('keeps wire names exactly, typos included', () => {
    const r = ok(page({ request: ['parter_id String 必须 64 商户的PID 2088', 'gmt_merber_card_create String 必须 32 时间 x'] }));
    expect(r.spec!.request.map((f) => f.name)).toEqual(['parter_id', 'gmt_merber_card_create']);
  });

  it('keeps the documented max length on objects and arrays alike', () => {
    const r = ok(page({ request: ['o O 可选 1024 对象', 'l String[] 可选 16 列表'] }));
    expect(r.spec!.request[0]!.maxLength).toBe(1024);
    expect(r.spec!.request[1]!.maxLength).toBe(16);
  });

  it('a Java example with setters and no setBizContent makes the rows top-level params, setter values their example', () => {
    const r = ok(
      page({
        header: 'alipay.system.oauth.token (换取授权访问令牌)',
        request: [
          'grant_type String 必填 20 授权方式。支持：1.authorization_code;2.refresh_token authorization_code',
          'code String 可选 40 授权码，用户对应用授权后得到。本参数在 grant_type 为 authorization_code 时必填 4b203fe6c11548bcabd8da5bb087a83b',
          'refresh_token String 可选 40 刷新令牌 201208134b203fe6c11548bcabd8da5bb087a83b',
        ],
        response: ['user_id String 必填 16 支付宝用户的唯一标识 2088102150477652'],
        requestExample: [
          'AlipaySystemOauthTokenRequest request = new AlipaySystemOauthTokenRequest();',
          'request.setGrantType("authorization_code");',
          'request.setCode("4b203fe6c11548bcabd8da5bb087a83b");',
          'request.setRefreshToken(refreshToken);',
          'request.setNotifyUrl("https://example.com/notify");',
          'AlipaySystemOauthTokenResponse response = alipayClient.execute(request);',
        ],
      }),
    );
    expect(r.spec!.request).toEqual([]);
    expect(r.spec!.params!.map((f) => [f.name, f.required, f.maxLength, f.example])).toEqual([
      ['grant_type', true, 20, 'authorization_code'],
      ['code', false, 40, '4b203fe6c11548bcabd8da5bb087a83b'],
      ['refresh_token', false, 40, '201208134b203fe6c11548bcabd8da5bb087a83b'],
    ]);
    // SDK settings (setNotifyUrl) are not params; a variable argument gives no example, with a warning.
    expect(r.spec!.examples!.params).toEqual({ grant_type: 'authorization_code', code: '4b203fe6c11548bcabd8da5bb087a83b' });
    expect(r.diagnostics.map((d) => d.message)).toEqual(['request example: setRefreshToken(...) is not a string literal; no example taken']);
  });

  it('a page with a FileItem row is an upload: every row becomes a top-level param, the file of kind file', () => {
    const r = ok(
      page({
        header: 'alipay.offline.material.image.upload (上传门店照片和视频接口)',
        request: [
          'image_type String 必填 8 图片格式 jpg',
          'image_name String 必填 128 图片名称 海底捞',
          'image_content FileItem 必填 - 图片二进制内容，大小不能超过5M -',
        ],
        response: ['image_id String 必填 128 图片在商家中心的唯一标识 mBmEXp9qRs2XEfsq5Tj9lwAAACMAAQED'],
      }),
    );
    expect(r.spec!.request).toEqual([]);
    expect(r.spec!.params!.map((f) => [f.name, f.type, f.required])).toEqual([
      ['image_type', 'string', true],
      ['image_name', 'string', true],
      ['image_content', 'file', true],
    ]);
  });

  it('setters on a page whose rows include an object keep them in biz_content, with a warning', () => {
    const r = ok(
      page({
        request: ['info Object 必填 - 信息', '  • └ id', '  • String', '  • 必填', '  • 32', '  • 编号'],
        requestExample: ['request.setInfo("x");'],
      }),
    );
    expect(r.spec!.params).toBeUndefined();
    expect(r.spec!.request.map((f) => f.name)).toEqual(['info']);
    expect(r.diagnostics.some((d) => d.severity === 'warning' && d.message.includes('the params are kept in biz_content'))).toBe(true);
  });

  it('warns about a page without the sections that follow the request parameters', () => {
    const text = ['alipay.a.b (t)', '', '请求参数', '', 'id String 必须 32 编号 x', '', '公共响应参数', '', 'code String - 码 1'].join('\n');
    const r = importDoc(text, 'doc.txt');
    expect(r.spec?.request).toHaveLength(1);
    expect(r.diagnostics).toEqual([
      { severity: 'warning', file: 'doc.txt', line: 9, col: 1, message: 'no 响应参数, 请求示例, 响应示例, 异常示例, 业务错误码 section: the page may be cut off' },
    ]);
  });
});

describe('importDoc errors', () => {
  const errors = (text: string) => {
    const r = importDoc(text, 'doc.txt');
    expect(r.spec).toBeUndefined();
    return r.diagnostics.filter((d) => d.severity === 'error');
  };

  it('an empty or blank file', () => {
    expect(errors('')).toEqual([{ severity: 'error', file: 'doc.txt', line: 1, col: 1, message: 'the file is empty: expected an Alipay method doc page' }]);
    expect(errors('\n  \n')[0]!.line).toBe(1);
  });

  it('garbage and binary files', () => {
    expect(errors('lorem ipsum\n请求参数\nfoo')[0]).toMatchObject({ line: 1, message: expect.stringContaining('not an Alipay method doc page') });
    expect(errors('\u0000\u0001\u00ff')[0]).toMatchObject({ line: 1, message: expect.stringContaining('binary') });
  });

  it('a page cut off before its request parameters', () => {
    const full = page({ request: ['id String 必须 32 编号 x'] });
    const cut = full.split('\n').slice(0, 9).join('\n');
    expect(errors(cut)).toEqual([
      { severity: 'error', file: 'doc.txt', line: 9, col: 1, message: expect.stringContaining('cut off before its request parameters') },
    ]);
  });

  it('a page cut off inside its request parameters', () => {
    const full = page({ request: ['id String 必须 32 编号 x', 'o O 可选 - 对象', '  • └ a', '  • String', '  • 必填', '  • 3'] });
    const lines = full.split('\n');
    const at = lines.indexOf('id String 必须 32 编号 x');
    expect(errors(lines.slice(0, at + 1).join('\n'))[0]).toMatchObject({ line: at + 1, message: expect.stringContaining('ends inside its request parameters') });
    // Cut in the middle of a bullet group: the incomplete group is reported on its own line.
    const cutBullets = [...lines.slice(0, at + 4), '', '公共响应参数'].join('\n');
    expect(errors(cutBullets)[0]).toMatchObject({ line: at + 3, message: expect.stringContaining('`a` is incomplete') });
  });

  it('a row that cannot be read', () => {
    expect(errors(page({ request: ['id String 必须 32 编号 x', '  • not a field'] }))[0]!.message).toContain('expected a nested field');
    expect(errors(page({ request: ['what is this'] }))[0]!.message).toContain('expected a parameter row');
  });
});

describe('responseNode', () => {
  it('picks `<method>_response`, else the only *_response key', () => {
    expect(responseNode({ a_b_response: 1, sign: 's' }, 'a.b')).toBe(1);
    expect(responseNode({ other_response: 2 }, 'a.b')).toBe(2);
    expect(responseNode({ x_response: 1, y_response: 2 }, 'a.b')).toBeUndefined();
    expect(responseNode('x', 'a.b')).toBeUndefined();
  });
});
