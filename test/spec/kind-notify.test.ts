/** The `kind` and `notify` keys: loader (file:line:col), dumper round trip, JSON Schema, IR. */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildMethodIR } from '../../generator/ir/build.js';
import { dumpSpec } from '../../generator/spec/dump.js';
import { parseSpec } from '../../generator/spec/load.js';
import { METHOD_KINDS, NOTIFY_TYPES } from '../../generator/spec/method-kind.js';

const schema = JSON.parse(readFileSync(new URL('../../generator/spec/spec.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv2020({ strict: true, strictRequired: false, allowUnionTypes: true, allErrors: true }).compile(schema);

const HEAD = 'method: alipay.trade.page.pay\n';
const BODY =
  'request:\n  out_trade_no: { type: string, required: true }\nresponse: {}\n' +
  'notify:\n  notify_time: { type: date, required: true }\n  trade_status: { type: string, required: false, enum: [{ value: TRADE_SUCCESS }] }\n  total_amount: { type: price, required: false }\n';

function problems(text: string): string[] {
  const { diagnostics, spec } = parseSpec(text, 'a.b.yaml');
  if (diagnostics.some((d) => d.severity === 'error')) expect(spec).toBeUndefined();
  return diagnostics.map((d) => `${d.file}:${d.line}:${d.col} ${d.severity} ${d.message}`);
}

describe('kind and notify in the spec format', () => {
  it('loads a page method with notify fields; the dumper writes it back byte for byte; the schema accepts it', () => {
    const text = `# yaml-language-server: $schema=../generator/spec/spec.schema.json\n${HEAD}kind: page\n${BODY}errors: []\n`;
    const { spec, diagnostics } = parseSpec(text, 'a.yaml');
    expect(diagnostics).toEqual([]);
    expect(spec!.spec.kind).toBe('page');
    expect(spec!.spec.notify!.map((f) => [f.name, f.type])).toEqual([['notify_time', 'date'], ['trade_status', 'string'], ['total_amount', 'price']]);
    const dumped = dumpSpec(spec!.spec);
    expect(parseSpec(dumped, 'a.yaml').spec!.spec).toEqual(spec!.spec);
    expect(dumped).toContain('\nkind: page\n');
    expect(validate(parse(dumped))).toBe(true);
  });

  it('without kind the method is a call, with no notification', () => {
    const ir = buildMethodIR(parseSpec(`${HEAD}request: {}\nresponse: {}\n`, 'a.yaml').spec!.spec);
    expect([ir.kind, ir.notify]).toEqual(['call', []]);
  });

  it('an unknown kind is an error at its position, with the kinds and a suggestion', () => {
    expect(problems(`${HEAD}kind: pgae\n${BODY}`)).toEqual(['a.b.yaml:2:7 error kind: unknown method kind "pgae": one of call, page, app (did you mean "page"?)']);
    expect(validate(parse(`${HEAD}kind: pgae\n${BODY}`))).toBe(false);
  });

  it('a notification field that is not a form value (number, boolean, object, array) is an error at its type', () => {
    for (const type of ['number', 'boolean', 'object', 'array']) {
      const items = type === 'array' ? ', items: { type: string }' : '';
      const text = `${HEAD}request: {}\nresponse: {}\nnotify:\n  fund_bill_list: { type: ${type}, required: false${items} }\n`;
      const [first, ...rest] = problems(text).filter((p) => p.includes(' error '));
      expect(rest).toEqual([]);
      expect(first).toMatch(new RegExp(`^a\\.b\\.yaml:5:27 error notify\\.fund_bill_list\\.type: a notification field is a form value: string, date, price, not ${type}`));
      expect(validate(parse(text)), type).toBe(false);
    }
  });

  // JSON cannot be checked by the compiler: the schema must list what the table does.
  it('the JSON Schema lists exactly the kinds of the method-kind table and the notification types', () => {
    expect(schema.properties.kind.enum).toEqual(METHOD_KINDS);
    expect(schema.$defs.notifyMap.additionalProperties.allOf[1].properties.type.enum).toEqual(NOTIFY_TYPES);
  });

  it('the IR keeps the kind and the notify fields, their enums and formats', () => {
    const ir = buildMethodIR(parseSpec(`${HEAD}kind: page\n${BODY}`, 'a.yaml').spec!.spec);
    expect(ir.kind).toBe('page');
    expect(ir.notify.map((f) => f.type.kind)).toEqual(['date', 'string', 'price']);
    expect(ir.enums.map((e) => e.values.map((v) => v.value))).toEqual([['TRADE_SUCCESS']]);
  });
});
