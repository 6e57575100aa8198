import { describe, expect, it } from 'vitest';
import { splitTail } from '../../generator/importer/to-spec/row-tail.js';

describe('splitTail', () => {
  it('takes the example alone on the last line of a multi-line row', () => {
    expect(splitTail(['操作卡号。', '业务卡号', '0000001'], false, ['0000001'])).toEqual({ description: '操作卡号。\n业务卡号', example: '0000001' });
    // Without JSON evidence a value-like last line is still the example.
    expect(splitTail(['会员卡类型:', '微卡、炫酷卡', '微卡'], false, [])).toEqual({ description: '会员卡类型:\n微卡、炫酷卡', example: '微卡' });
  });

  it('keeps a prose last line in the description', () => {
    expect(splitTail(['说明:', '如果卡号不空,则类型不能为空。'], false, [])).toEqual({ description: '说明:\n如果卡号不空,则类型不能为空。' });
    expect(splitTail(['第一行', 'two words'], false, [])).toEqual({ description: '第一行\ntwo words' });
  });

  it('splits a one-line row at the JSON value, even one with spaces or quotes', () => {
    expect(splitTail(['扩展信息,暂时没有 ""'], false, ['""'])).toEqual({ description: '扩展信息,暂时没有', example: '""' });
    expect(splitTail(['领取时间,格式:yyyy-MM-dd HH:mm:ss 2017-02-17 20:11:54'], false, ['2017-02-17  20:11:54'])).toEqual({
      description: '领取时间,格式:yyyy-MM-dd HH:mm:ss',
      example: '2017-02-17 20:11:54',
    });
    expect(splitTail(['描述 a b c'], false, ['b c'])).toEqual({ description: '描述 a', example: 'b c' });
  });

  it('without evidence takes a trailing timestamp or last word', () => {
    expect(splitTail(['开卡时间 2014-02-20 21:20:46'], false, [])).toEqual({ description: '开卡时间', example: '2014-02-20 21:20:46' });
    expect(splitTail(['商户的PID 2088902248579233'], false, [])).toEqual({ description: '商户的PID', example: '2088902248579233' });
    expect(splitTail(['只有描述'], false, [])).toEqual({ description: '只有描述' });
    expect(splitTail(['描述结束。 另一句,'], false, [])).toEqual({ description: '描述结束。 另一句,' });
  });

  it('a row that is only the JSON value is an example without description', () => {
    expect(splitTail(['abc'], false, ['abc'])).toEqual({ example: 'abc' });
  });

  it('objects never have an example', () => {
    expect(splitTail(['用户信息 填写则作为附加条件查询'], true, [])).toEqual({ description: '用户信息 填写则作为附加条件查询' });
    expect(splitTail([], false, [])).toEqual({});
  });
});
