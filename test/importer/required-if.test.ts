import { describe, expect, it } from 'vitest';
import { parseRequiredIf } from '../../generator/importer/to-spec/required-if.js';

describe('parseRequiredIf', () => {
  it('reads `<sibling>为<value>时必填`', () => {
    expect(parseRequiredIf('动态码的码值:\ncode_status为SUCCESS时必填;\n基于此码值', ['code_status', 'x'])).toEqual({ field: 'code_status', equals: 'SUCCESS' });
  });

  it('reads presence conditions', () => {
    expect(parseRequiredIf('shop_id不为空时必填', ['shop_id'])).toEqual({ field: 'shop_id' });
  });

  it('ignores phrases naming a field that is not a sibling, and plain prose', () => {
    expect(parseRequiredIf('code_status为SUCCESS时必填', ['other'])).toBeUndefined();
    expect(parseRequiredIf('请求中则必须提供该参数', ['x'])).toBeUndefined();
    expect(parseRequiredIf(undefined, ['x'])).toBeUndefined();
  });
});
