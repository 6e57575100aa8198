import { describe, expect, it } from 'vitest';
import { parseRowLine, parseTable } from '../../generator/importer/layouts/text-dump/table.js';
import { lines } from './helpers.js';

describe('parseRowLine', () => {
  it('reads the columns and leaves the rest for description and example', () => {
    expect(parseRowLine('ext_info String 可选 1024 扩展信息,暂时没有 ""')).toEqual({
      name: 'ext_info',
      columns: { type: { type: 'string' }, required: false, maxLength: 1024 },
      rest: '扩展信息,暂时没有 ""',
    });
    expect(parseRowLine('front_text_list CardFrontTextDTO [] 选填 - 列表')).toMatchObject({
      name: 'front_text_list',
      columns: { type: { type: 'array', items: { model: 'CardFrontTextDTO' } }, required: false, maxLength: null },
      rest: '列表',
    });
    expect(parseRowLine('card_info MerchantCard 必填 -')).toMatchObject({ name: 'card_info', rest: '' });
  });

  it('rejects prose, bullets, indented lines and common-parameter rows without a required marker', () => {
    expect(parseRowLine('形如: 学院 新闻学院')).toBeUndefined();
    expect(parseRowLine('  • String')).toBeUndefined();
    expect(parseRowLine('  a String 必填 32 x')).toBeUndefined();
    expect(parseRowLine('app_id String 32 支付宝分配给开发者的应用ID 2014072300007148')).toBeUndefined();
  });
});

describe('parseTable', () => {
  it('collects multi-line tails (blank lines inside kept) with their line numbers', () => {
    const { rows, diagnostics } = parseTable(
      lines('参数 类型 是否必填 最大长度 描述 示例值', 'a String 必须 32 第一行', '第二行', '', '第三行', 'x1', 'b Number 可选 - 说明 5'),
    );
    expect(diagnostics).toEqual([]);
    expect(rows.map((r) => [r.name, r.line, r.tail.map((l) => l.text)])).toEqual([
      ['a', 2, ['第一行', '第二行', '', '第三行', 'x1']],
      ['b', 7, ['说明 5']],
    ]);
  });

  it('reads bullet groups: marker, columns, multi-line description with its blank line, example', () => {
    const { rows, diagnostics } = parseTable(
      lines(
        'card_user_info CardUserInfo 可选 - 用户信息',
        '  • └ user_uni_id',
        '  • String',
        '  • 必填',
        '  • 32',
        '  • 用户唯一标识',
        '',
        '    说明:2088开头',
        '      缩进保留',
        '  • 2088302463082075',
        '  • mdcode_info',
        '  • MdCodeInfoDTO',
        '  • 选填',
        '  • 1024',
        '  • 商户动态码回传信息',
        '  • └ code_status',
        '  • String',
        '  • 必填',
        '  • 14',
      ),
    );
    expect(diagnostics).toEqual([]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.bullets).toEqual([
      {
        line: 2,
        name: 'user_uni_id',
        marker: true,
        type: { type: 'string' },
        required: true,
        maxLength: 32,
        description: '用户唯一标识\n\n说明:2088开头\n  缩进保留',
        descriptionLine: 6,
        example: '2088302463082075',
      },
      {
        line: 11,
        name: 'mdcode_info',
        marker: false,
        type: { type: 'object', model: 'MdCodeInfoDTO' },
        required: false,
        maxLength: 1024,
        description: '商户动态码回传信息',
        descriptionLine: 15,
      },
      { line: 16, name: 'code_status', marker: true, type: { type: 'string' }, required: true, maxLength: 14 },
    ]);
  });

  it('reports an incomplete bullet group (a cut-off page) as an error on its line', () => {
    const { diagnostics } = parseTable(lines('o Obj 可选 - x', '  • └ a', '  • String'));
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ severity: 'error', line: 2 });
    expect(diagnostics[0]!.message).toContain('`a` is incomplete');
  });

  it('reports a line that is no row before the first row, and a bullet before any row', () => {
    const { diagnostics } = parseTable(lines('this is not a row', '  • └ a'));
    expect(diagnostics.map((d) => [d.severity, d.line])).toEqual([
      ['error', 1],
      ['error', 2],
    ]);
  });

  it('warns about an unindented line inside a bullet group and keeps it as text', () => {
    const { rows, diagnostics } = parseTable(lines('o Obj 可选 - x', '  • └ a', '  • String', '  • 必填', '  • 3', '  • 描述', '续行', '  • v'));
    expect(diagnostics).toMatchObject([{ severity: 'warning', line: 7 }]);
    expect(rows[0]!.bullets[0]).toMatchObject({ description: '描述\n续行', example: 'v' });
  });
});
