import { describe, expect, it } from 'vitest';
import { parseSpec } from '../../generator/spec/load.js';

const FIELDS = `method: alipay.marketing.card.query
request:
  card_no: { type: string, required: true, maxLength: 4 }
  user: { type: object, required: false, fields: { uid: { type: string, required: true, enum: [{ value: UID }] } } }
  tags: { type: array, required: false, items: { type: object, fields: { n: { type: number, required: true } } } }
  open: { type: object, required: false }
response:
  card_info: { type: object, required: true, fields: { open_date: { type: date, required: true }, balance: { type: price, required: false } } }
`;

function problems(examples: string): string[] {
  const { diagnostics } = parseSpec(FIELDS + 'examples:\n' + examples, 'x.yaml');
  // FIELDS has one deliberate open object (warning); only the examples' errors matter here.
  return diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.line}:${d.col} ${d.message}`);
}

describe('examples.request against the request fields', () => {
  it('accepts a matching example, including anything inside an object without declared fields', () => {
    expect(problems('  request: { card_no: "0001", user: { uid: UID }, tags: [{ n: 1 }, { n: 2.5 }], open: { any: [1] } }\n')).toEqual([]);
  });

  // These passed validate and failed the runtime's validator (a quoted number, a negative price,
  // 30 February): the loader now gives the generated validator's verdict.
  it('rejects what the runtime rejects: quoted numbers, signed prices, impossible dates', () => {
    expect(problems('  request: { card_no: 2016101700077000000003436443, tags: [{ n: 2016101700077000000003436443 }] }\n')).toEqual([
      '10:23 examples.request.card_no: the number 2016101700077000000003436443 is too large to keep exactly; quote it',
      '10:65 examples.request.tags[0].n: the number 2016101700077000000003436443 is too large to keep exactly; a number field cannot hold it (make the field a string and quote it)',
    ]);
    expect(problems('  request: { tags: [{ n: "2" }] }\n')).toEqual(['10:26 examples.request.tags[0].n: "2" is a string, not a number (unquote it)']);
    const body = '  response:\n    alipay_marketing_card_query_response: { card_info: { open_date: "2024-02-30 10:00:00", balance: "-0.50" } }\n';
    expect(problems(body)).toEqual([
      '11:69 examples.response.alipay_marketing_card_query_response.card_info.open_date: "2024-02-30 10:00:00" is not a date in the format yyyy-MM-dd HH:mm:ss (a real calendar date)',
      '11:101 examples.response.alipay_marketing_card_query_response.card_info.balance: "-0.50" is not a price (digits with at most 2 decimal places, no sign)',
    ]);
  });

  it('reports unknown keys at every depth, with a suggestion', () => {
    expect(problems('  request:\n    card_nr: x\n    user: { uid: UID, uuid: 1 }\n    tags: [{ n: 1, m: 2 }]\n')).toEqual([
      '11:5 examples.request.card_nr: not a request field (did you mean "card_no"?)',
      '12:23 examples.request.user.uuid: not a request field (did you mean "uid"?)',
      '13:20 examples.request.tags[0].m: not a request field (did you mean "n"?)',
    ]);
  });

  it('reports values of the wrong shape or type, walking objects and arrays', () => {
    expect(problems('  request:\n    card_no: 12345\n    user: { uid: OID }\n    tags: { n: 1 }\n    open: x\n')).toEqual([
      '11:14 examples.request.card_no: 12345 is a number, not a string (quote it)',
      '12:18 examples.request.user.uid: "OID" is not in enum [UID]',
      '13:11 examples.request.tags: expected an array, got a map',
      '14:11 examples.request.open: expected an object, got a string',
    ]);
    expect(problems('  request: { card_no: abcdef, tags: [{ n: x }, 3], user: [] }\n')).toEqual([
      '10:23 examples.request.card_no: "abcdef" is longer than maxLength 4 (6)',
      '10:43 examples.request.tags[0].n: "x" is not a number',
      '10:48 examples.request.tags[1]: expected an object, got a number',
      '10:58 examples.request.user: expected an object, got a list',
    ]);
  });

  it('reports a request example that is not a map', () => {
    expect(problems('  request: "{}"\n')).toEqual(['10:12 examples.request: expected a map, got a string']);
  });
});

describe('examples.params against the top-level params', () => {
  const spec = (params: string) =>
    `method: alipay.system.oauth.token\nrequest: {}\nparams:\n  n: { type: number, required: false }\n  b: { type: boolean, required: false }\nresponse: {}\nexamples:\n  params: ${params}\n`;
  const errors = (text: string) => parseSpec(text, 'x.yaml').diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.line}:${d.col} ${d.message}`);

  // The form carries text: "3" is what a number param looks like on the wire (not so in JSON bodies).
  it('reads values as form text', () => {
    expect(errors(spec('{ n: "3", b: "true" }'))).toEqual([]);
    expect(errors(spec('{ n: 3, b: false }'))).toEqual([]);
    expect(errors(spec('{ n: "abc", b: "yes" }'))).toEqual(['8:16 examples.params.n: "abc" is not a number', '8:26 examples.params.b: "yes" is not a boolean']);
  });
});

describe('examples.response and examples.error against the response fields', () => {
  it('checks the <method>_response node, allowing the common code/msg/sub_code/sub_msg', () => {
    const body = [
      '  response:',
      '    sign: abc',
      '    alipay_marketing_card_query_response:',
      '      code: "10000"',
      '      msg: Success',
      '      card_info: { open_date: "2014-02-20", balance: "1.234", level: VIP }',
      '  error:',
      '    alipay_marketing_card_query_response: { code: "40004", sub_code: X, sub_msg: y, extra: 1 }',
      '',
    ].join('\n');
    expect(problems(body)).toEqual([
      '15:31 examples.response.alipay_marketing_card_query_response.card_info.open_date: "2014-02-20" is not a date in the format yyyy-MM-dd HH:mm:ss (a real calendar date)',
      '15:54 examples.response.alipay_marketing_card_query_response.card_info.balance: "1.234" is not a price (digits with at most 2 decimal places, no sign)',
      '15:63 examples.response.alipay_marketing_card_query_response.card_info.level: not a response field',
      '17:85 examples.error.alipay_marketing_card_query_response.extra: not a response field',
    ]);
  });

  // Wrong-typed common fields passed validate; the gateway sends them all as strings.
  it('checks the common code/msg/sub_code/sub_msg and the body sign as strings', () => {
    const body = [
      '  error:',
      '    sign: 12',
      '    alipay_marketing_card_query_response: { code: 40004, msg: true, sub_code: [x], sub_msg: null }',
      '',
    ].join('\n');
    expect(problems(body)).toEqual([
      '11:11 examples.error.sign: 12 is a number, not a string (quote it)',
      '12:51 examples.error.alipay_marketing_card_query_response.code: 40004 is a number, not a string (quote it)',
      '12:63 examples.error.alipay_marketing_card_query_response.msg: true is a boolean, not a string (quote it)',
      '12:79 examples.error.alipay_marketing_card_query_response.sub_code: expected a string, got a list',
      '12:93 examples.error.alipay_marketing_card_query_response.sub_msg: null is null, not a string (quote it)',
    ]);
  });

  it('leaves bodies without the method node alone (error_response, other shapes)', () => {
    expect(problems('  error: { error_response: { code: "40002", whatever: 1 }, sign: x }\n')).toEqual([]);
  });

  it('does not call keys unknown when their field failed to load (one mistake, one message)', () => {
    const text = FIELDS.replace('open: { type: object', 'open: { type: objekt') + 'examples:\n  request: { open: {} }\n';
    const { diagnostics } = parseSpec(text, 'x.yaml');
    expect(diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([
      'request.open.type: unknown type "objekt", expected one of string, number, boolean, date, price, object, array, file (did you mean "object"?)',
    ]);
  });
});
