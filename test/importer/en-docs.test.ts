/**
 * The en-docs layout (English doc site markdown): the sample imports to a spec the loader
 * accepts, with the page's facts checked by hand; each construct on small crafted pages.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importDoc } from '../../generator/importer/import-doc.js';
import { chooseLayout } from '../../generator/importer/layouts/index.js';
import { emphasis, plainText, tableCells } from '../../generator/importer/layouts/en-docs/markdown.js';
import { parseSpec } from '../../generator/spec/load.js';
import type { Field } from '../../generator/spec/model.js';

const SAMPLE = 'alipay.fund.auth.operation.cancel.en.md';
const text = readFileSync(new URL(`../../../shared/docs-samples/${SAMPLE}`, import.meta.url), 'utf8');
const byName = (fields: readonly Field[], name: string) => fields.find((f) => f.name === name)!;

describe(`${SAMPLE} (checked by hand against the page)`, () => {
  const r = importDoc(text, SAMPLE);
  const spec = r.spec!;

  it('is detected as en-docs and imports to a spec validate accepts, warning where it had to guess', () => {
    expect(r.layout).toEqual({ name: 'en-docs', how: 'detected' });
    expect(parseSpec(r.yaml!, 'x.yaml').diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.diagnostics.map((d) => [d.severity, d.line, d.message])).toEqual([
      ['warning', 65, expect.stringContaining('`action`: the description may list values (Close, Unfreeze) in prose')],
      ['warning', 189, expect.stringContaining('"CANCEL_OPERATION_ TIME_OUT" has a space in it: read as CANCEL_OPERATION_TIME_OUT')],
    ]);
    expect(spec.method).toBe('alipay.fund.auth.operation.cancel');
    expect(spec.description).toMatch(/^Call this API when timeout error occurs/);
    expect(spec.description).toContain('call the alipay.fund.auth.unfreeze api');
  });

  it('request: Nullable Y = required, the two one-of pairs conditional, max lengths, examples', () => {
    expect(spec.request.map((f) => [f.name, f.type, f.required, f.maxLength, f.example])).toEqual([
      ['auth_no', 'string', 'conditional', 64, '2014070800002001550000014417'],
      ['out_order_no', 'string', 'conditional', 64, '4977164666634053'],
      ['operation_id', 'string', 'conditional', 64, '20161012405744018102'],
      ['out_request_no', 'string', 'conditional', 64, '2016100810000003551'],
      ['remark', 'string', true, 100, 'Cancel the authorization.'],
    ]);
    expect(byName(spec.request, 'auth_no').description).toBe(
      'Alipay funds authorization order number. auth_no and out_order_no can’t be both empty at the same time. When both parameters exist, use the auth_no parameter. This parameter is used together with the operation_id parameter.',
    );
  });

  it('response: required flags, max lengths, the prose values of action kept in the description (no enum)', () => {
    expect(spec.response.map((f) => [f.name, f.type, f.required, f.maxLength])).toEqual([
      ['auth_no', 'string', true, 64],
      ['out_order_no', 'string', true, 64],
      ['operation_id', 'string', true, 64],
      ['out_request_no', 'string', true, 64],
      ['action', 'string', false, 10],
    ]);
    const action = byName(spec.response, 'action');
    expect(action.enum).toBeUndefined();
    expect(action.description).toContain('Close: Close the freeze details; no funds is unfrozen. Unfreeze: funds unfrozen occurs.');
  });

  it('errors: seven rows, the broken code joined', () => {
    expect(spec.errors.map((e) => e.code)).toEqual(['ILLEGAL_ARGUMENT', 'ACCESS_FORBIDDEN', 'PAYER_USER_STATUS_LIMIT', 'ORDER_ALREADY_FINISH', 'CANCEL_OPERATION_TIME_OUT', 'REQUEST_AMOUNT_EXCEED', 'SYSTEM_ERROR']);
    expect(spec.errors[2]).toEqual({ code: 'PAYER_USER_STATUS_LIMIT', description: "The payer's Alipay account is restricted.", solution: 'Login to Alipay to upgrade the account. Call 95188 for details.' });
  });

  it('examples: the Java biz_content, the response and abnormal bodies', () => {
    expect(spec.examples?.request).toEqual({ auth_no: '2014070800002001550000014417', out_order_no: '4977164666634053', operation_id: '20161012405744018102', out_request_no: '2016100810000003551', remark: 'Cancel the authorization.' });
    expect(spec.examples?.response).toMatchObject({ alipay_fund_auth_operation_cancel_response: { code: '10000', action: 'close' }, sign: 'ERITJKEIJKJHKKKKKKKHJEREEEEEEEEEEE' });
    expect(spec.examples?.error).toMatchObject({ alipay_fund_auth_operation_cancel_response: { code: '20000', sub_code: 'isp.unknow-error' } });
  });
});

describe('markdown cells', () => {
  it.each([
    ['no outer pipes', 'a |\tString | Y', ['a', 'String', 'Y']],
    ['outer pipes', '| a | b |', ['a', 'b']],
    ['escaped pipe', 'a | x \\| y | c', ['a', 'x | y', 'c']],
    ['empty cells', 'a |  | c', ['a', '', 'c']],
  ])('%s', (_what, line, cells) => expect(tableCells(line)).toEqual(cells));

  it.each([
    ['**card**', { name: 'card', bold: true, italic: false }],
    ['*no*', { name: 'no', bold: false, italic: true }],
    ['_no_', { name: 'no', bold: false, italic: true }],
    ['***owner***', { name: 'owner', bold: true, italic: true }],
    ['auth_no', { name: 'auth_no', bold: false, italic: false }],
  ])('name cell %s', (cell, expected) => expect(emphasis(cell)).toEqual(expected));

  it.each([
    ['emphasis and spaces', 'use  the **x** and *auth_no*  field', 'use the x and auth_no field'],
    ['line breaks', 'A: one<br>B: two<br/>', 'A: one\nB: two'],
    ['backticks', 'set `k` here', 'set k here'],
    ['a lone star is text', '5 * 3', '5 * 3'],
  ])('plain text: %s', (_what, cell, expected) => expect(plainText(cell)).toBe(expected));
});

const HEADER = ['Parameter | Type | Nullable | Max-length | Description | Example', '--- | --- | --- | --- | --- | ---'];

/** A small English page with these request/response rows and error rows. */
function enPage(parts: { request?: string[]; response?: string[]; errors?: string[]; responseExample?: unknown; requestHeader?: string[] }): string {
  const body = JSON.stringify({ alipay_demo_thing_query_response: { code: '10000', ...(parts.responseExample as object) }, sign: 'S' }, null, 2);
  return [
    '# alipay.demo.thing.query',
    '',
    '**Version 1.0**',
    '',
    '## Request parameters',
    '',
    ...(parts.requestHeader ?? HEADER),
    ...(parts.request ?? ['a | String | Y | 8 | A thing. | X']),
    '',
    '## Response parameters',
    '',
    ...HEADER,
    ...(parts.response ?? []),
    '',
    '## Request sample',
    '',
    '## Response sample',
    '```',
    ...body.split('\n'),
    '```',
    '## Abnormal sample',
    '```',
    '{"alipay_demo_thing_query_response":{"code":"20000"},"sign":"S"}',
    '```',
    '## Business error code',
    '',
    'Error code | Description | Solution',
    '--- | --- | ---',
    ...(parts.errors ?? ['E_ONE | One. | Retry.']),
  ].join('\n');
}

describe('en-docs constructs', () => {
  it('detects the layout by its `# method` title and parameter headings', () => {
    expect(chooseLayout(enPage({})).layout.name).toBe('en-docs');
    expect(chooseLayout(enPage({}).replace('# alipay', 'alipay')).layout.name).toBe('text-dump');
  });

  it.each([
    ['Y = required', 'a | String | Y | 8 | d | X', { required: true, maxLength: 8, description: 'd', example: 'X' }, undefined],
    ['N = optional', 'a | String | N | 8 | d | X', { required: false }, undefined],
    ['max length - = none', 'a | String | N | - | d | X', { required: false }, 'maxLength'],
    ['max length ~ = none', 'a | String | N | ~ | d | X', { required: false }, 'maxLength'],
    ['example - = none', 'a | String | N | 8 | d | -', { maxLength: 8 }, 'example'],
    ['number example typed', 'a | Number | Y | 8 | d | 12', { type: 'number', example: 12 }, undefined],
    ['list of strings', 'a | String[] | Y | 8 | d | X', { type: 'array', items: { type: 'string' } }, undefined],
    ['outer pipes', '| a | String | Y | 8 | d | X |', { required: true, example: 'X' }, undefined],
  ])('request row: %s', (_what, row, expected, absent) => {
    const r = importDoc(enPage({ request: [row] }), 'p.md');
    expect(r.diagnostics).toEqual([]);
    expect(r.spec!.request[0]).toMatchObject(expected);
    if (absent) expect(r.spec!.request[0]).not.toHaveProperty(absent);
  });

  it('columns are found by their header words, in any order (Mandatory means required too)', () => {
    const r = importDoc(enPage({ requestHeader: ['Type | Parameter | Description | Mandatory | Max-length', '--- | --- | --- | --- | ---'], request: ['String | a | d | Y | 16'] }), 'p.md');
    expect(r.spec!.request[0]).toEqual({ name: 'a', type: 'string', required: true, maxLength: 16, description: 'd' });
  });

  it('a length in the type cell (String(64)) when the table has no max length column', () => {
    const r = importDoc(enPage({ requestHeader: ['Parameter | Type | Required | Description', '--- | --- | --- | ---'], request: ['a | String(64) | Yes | d'] }), 'p.md');
    expect(r.diagnostics).toEqual([]);
    expect(r.spec!.request[0]).toEqual({ name: 'a', type: 'string', required: true, maxLength: 64, description: 'd' });
  });

  it('an unknown Nullable value is a warning, taken as optional', () => {
    const r = importDoc(enPage({ request: ['a | String | Maybe | 8 | d | X'] }), 'p.md');
    expect(r.spec!.request[0]!.required).toBe(false);
    expect(r.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', line: 9, message: expect.stringContaining('no Y/N in the Nullable') })]);
  });

  it('an unknown type is an error naming the line', () => {
    const r = importDoc(enPage({ request: ['a | 字符串 | Y | 8 | d | X'] }), 'p.md');
    expect(r.spec).toBeUndefined();
    expect(r.diagnostics).toEqual([expect.objectContaining({ severity: 'error', line: 9, message: expect.stringContaining('no type the importer knows') })]);
  });

  it('nesting: italic rows under the bold parent, a bold-italic child with its own children placed by the example', () => {
    const r = importDoc(
      enPage({
        response: ['**card** | Card | Y | - | The card. | -', '*no* | String | Y | 32 | Card number. | 001', '***owner*** | Owner | N | - | Holder. | -', '*uid* | String | N | 16 | User. | 2088', 'after | String | N | 8 | After. | Z'],
        responseExample: { card: { no: '001', owner: { uid: '2088' } }, after: 'Z' },
      }),
      'p.md',
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.spec!.response.map((f) => f.name)).toEqual(['card', 'after']);
    expect(r.spec!.response[0]).toMatchObject({ model: 'Card', fields: [{ name: 'no', maxLength: 32 }, { name: 'owner', model: 'Owner', fields: [{ name: 'uid' }] }] });
  });

  it('an italic row without an object row before it is a warning, read as top-level', () => {
    const r = importDoc(enPage({ request: ['*a* | String | Y | 8 | d | X'] }), 'p.md');
    expect(r.spec!.request[0]!.name).toBe('a');
    expect(r.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', message: expect.stringContaining('follows no object row') })]);
  });

  it.each([
    ["can't be both empty", "*a* and *b* can't be both empty."],
    ['cannot both be empty', 'a or b cannot both be empty'],
    ['either ... or', 'Pass either a or b.'],
  ])('one-of prose (%s): both optional fields conditional', (_what, prose) => {
    const r = importDoc(enPage({ request: [`a | String | N | 8 | ${prose} | X`, 'b | String | N | 8 | d | Y', 'c | String | N | 8 | d | Z'] }), 'p.md');
    expect(r.spec!.request.map((f) => f.required)).toEqual(['conditional', 'conditional', false]);
  });

  it('enum values listed one per line (<br>) are taken; values in running prose are warned about and kept', () => {
    const listed = importDoc(enPage({ request: ['s | String | Y | 8 | Status.<br>OPEN: open<br>CLOSED: closed | OPEN'] }), 'p.md');
    expect(listed.spec!.request[0]!.enum).toEqual([{ value: 'OPEN', description: 'open' }, { value: 'CLOSED', description: 'closed' }]);
    expect(listed.diagnostics).toEqual([]);
    const prose = importDoc(enPage({ request: ['s | String | Y | 8 | Status. Open: it is open. Closed: it is shut. | Open'] }), 'p.md');
    expect(prose.spec!.request[0]!.enum).toBeUndefined();
    expect(prose.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', message: expect.stringContaining('may list values (Open, Closed) in prose') })]);
  });

  it.each([
    ['CODE: text items after a lead', 'The status. Valid values: SUCCESS: paid; FAIL: not paid.', 'SUCCESS', [{ value: 'SUCCESS', description: 'paid' }, { value: 'FAIL', description: 'not paid' }]],
    ['bare codes after a lead', 'Signature type. Supported values: RSA2, RSA.', 'RSA2', [{ value: 'RSA2' }, { value: 'RSA' }]],
    ['codes joined by or', 'Enum: WAP or APP', 'APP', [{ value: 'WAP' }, { value: 'APP' }]],
  ])('enum values stated in prose without doubt: %s', (_what, prose, example, values) => {
    const r = importDoc(enPage({ request: [`s | String | Y | 8 | ${prose} | ${example}`] }), 'p.md');
    expect(r.diagnostics).toEqual([]);
    expect(r.spec!.request[0]).toMatchObject({ enum: values, description: prose });
  });

  it.each([
    ['lower-case words', 'Values: close, open.'],
    ['no lead word', 'It is SUCCESS: paid; FAIL: not paid.'],
    ['a repeated code', 'Values: A: x; A: y'],
  ])('prose that does not state values without doubt gives no enum: %s', (_what, prose) => {
    const r = importDoc(enPage({ request: [`s | String | Y | 8 | ${prose} | x`] }), 'p.md');
    expect(r.spec!.request[0]!.enum).toBeUndefined();
  });

  it('error table: description and solution; a missing table is a warning, not a silent drop', () => {
    const r = importDoc(enPage({ errors: ['E_ONE | One. | Retry.', 'E_TWO |  | Wait.'] }), 'p.md');
    expect(r.spec!.errors).toEqual([{ code: 'E_ONE', description: 'One.', solution: 'Retry.' }, { code: 'E_TWO', solution: 'Wait.' }]);
    const none = importDoc(enPage({}).replace(/Error code[\s\S]*$/, 'See the error list.'), 'p.md');
    expect(none.spec!.errors).toEqual([]);
    expect(none.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', message: expect.stringContaining('no readable error table') })]);
  });
});

describe('one-of groups and open enums in the prose', () => {
  it('"either a or b" makes a one-of group of the two siblings, with a warning at the row', () => {
    const r = importDoc(enPage({ request: ['auth_no | String | N | 64 | Either auth_no or out_order_no is sent. | A1', 'out_order_no | String | N | 64 | The merchant order number. | O1', 'remark | String | Y | 100 | A remark. | R'] }), 'p.en.md');
    expect(r.spec!.oneOf).toEqual([['auth_no', 'out_order_no']]);
    expect(r.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', line: 9, message: expect.stringContaining('exactly one of `auth_no`, `out_order_no`') })]);
  });

  it('"either" naming a field that is not a sibling stays prose', () => {
    const r = importDoc(enPage({ request: ['auth_no | String | N | 64 | Either auth_no or buyer_id is sent. | A1'] }), 'p.en.md');
    expect(r.spec!.oneOf).toBeUndefined();
    expect(r.diagnostics).toEqual([]);
  });

  it('"either" naming a required (Nullable Y) field is refused with a warning', () => {
    const r = importDoc(enPage({ request: ['auth_no | String | N | 64 | Either auth_no or remark is sent. | A1', 'remark | String | Y | 100 | A remark. | R'] }), 'p.en.md');
    expect(r.spec!.oneOf).toBeUndefined();
    expect(r.diagnostics).toContainEqual(expect.objectContaining({ severity: 'warning', line: 9, message: expect.stringContaining('the page marks `remark` required') }));
  });

  it.each([
    ['including but not limited to', 'Channel, including but not limited to the values: ALIPAY: Alipay; BANK: Bank.'],
    ['such as', 'Channel such as the values: ALIPAY: Alipay; BANK: Bank.'],
    ['new types might come', 'Channel. Values: ALIPAY: Alipay; BANK: Bank. New types might be added.'],
  ])('"%s" keeps the listed values as an open enum, with a warning', (_what, description) => {
    const r = importDoc(enPage({ request: [`channel | String | Y | 16 | ${description} | ALIPAY`] }), 'p.en.md');
    expect(r.spec!.request[0]).toMatchObject({ enum: [{ value: 'ALIPAY' }, { value: 'BANK' }], enumOpen: true });
    expect(r.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', line: 9, message: expect.stringContaining('open enum') })]);
  });

  it('a closed list stays closed', () => {
    const r = importDoc(enPage({ request: ['channel | String | Y | 16 | Channel. Values: ALIPAY: Alipay; BANK: Bank. | ALIPAY'] }), 'p.en.md');
    expect(r.spec!.request[0]!.enumOpen).toBeUndefined();
    expect(r.diagnostics).toEqual([]);
  });
});
