import { describe, expect, it } from 'vitest';
import { parseEnum } from '../../generator/importer/to-spec/enum.js';

describe('parseEnum', () => {
  it('reads CODE:说明 lines', () => {
    const d = '卡号ID类型\nBIZ_CARD:支付宝卡号\nD_QR_CODE:动态二维码(业务卡号对应的)\nD_BAR_CODE: 动态条码\n如果卡号不空,则类型不能为空';
    expect(parseEnum(d, 'BIZ_CARD')).toEqual({
      values: [
        { value: 'BIZ_CARD', description: '支付宝卡号' },
        { value: 'D_QR_CODE', description: '动态二维码(业务卡号对应的)' },
        { value: 'D_BAR_CODE', description: '动态条码' },
      ],
    });
  });

  it('reads numbered lists of names, the example choosing names', () => {
    expect(parseEnum('会员来源:\n1:weixin(微信);2:alipay(支付宝);3:offline(线下会员卡);4:other(其他)', 'alipay')).toEqual({
      values: [
        { value: 'weixin', description: '微信' },
        { value: 'alipay', description: '支付宝' },
        { value: 'offline', description: '线下会员卡' },
        { value: 'other', description: '其他' },
      ],
    });
  });

  it('reads no enum from an inline list whose first key is a lead word (`Values: A: x; B: y`)', () => {
    expect(parseEnum('Values: A: x; B: y', 'A')).toEqual({});
    expect(parseEnum('A:x;B:y', 'A').values?.map((v) => v.value)).toEqual(['A', 'B']);
  });

  it('takes the numbers when the example is a number of the list', () => {
    expect(parseEnum('1:weixin(微信);2:alipay(支付宝)', '2')?.values?.map((v) => v.value)).toEqual(['1', '2']);
  });

  it('takes the names with a warning when no example decides', () => {
    const r = parseEnum('1:weixin(微信);2:alipay(支付宝)');
    expect(r.values?.map((v) => v.value)).toEqual(['weixin', 'alipay']);
    expect(r.warning).toContain('numbered enum list');
  });

  it('reads numbered lists of descriptions as number values', () => {
    expect(parseEnum('会员状态:\n1:生效;0:失效', '1')).toEqual({
      values: [
        { value: '1', description: '生效' },
        { value: '0', description: '失效' },
      ],
    });
  });

  it('warns when the example is not one of the values', () => {
    expect(parseEnum('A:a\nB:b', 'C').warning).toContain('"C" is not one of the enum values [A, B]');
  });

  it('finds nothing in prose, single colon lines or URLs', () => {
    for (const d of ['ID类型:UID, 即传值UID即可', '格式为yyyy-MM-dd HH:mm:ss', 'http://a.b/c\nhttps://d.e/f', '说明:\n1、开卡成功后;\n2、不需要传', undefined]) {
      expect(parseEnum(d, 'x')).toEqual({});
    }
  });
});
