import { describe, expect, it } from 'vitest';
import { parseHeader } from '../../generator/importer/layouts/text-dump/header.js';
import { splitLines, trimBlankLines } from '../../generator/importer/lines.js';
import { findSection, sectionBody, splitSections } from '../../generator/importer/layouts/text-dump/sections.js';
import { lines } from './helpers.js';

describe('splitLines', () => {
  it('numbers lines from 1, normalises line ends and drops trailing blanks and a BOM', () => {
    expect(splitLines('\uFEFFa  \r\nb\rc\t\n')).toEqual([
      { no: 1, text: 'a' },
      { no: 2, text: 'b' },
      { no: 3, text: 'c' },
      { no: 4, text: '' },
    ]);
  });

  it('trimBlankLines keeps inner blank lines', () => {
    expect(trimBlankLines(lines('', 'a', '', 'b', '  ', '')).map((l) => l.no)).toEqual([2, 3, 4]);
  });
});

describe('splitSections', () => {
  it('splits at whole-line headings and keeps what comes before as the preamble', () => {
    const page = splitSections(lines('m.x.y (t)', '', '请求参数', 'row', '请求示例', 'code', '响应参数'));
    expect(page.preamble.map((l) => l.text)).toEqual(['m.x.y (t)', '']);
    expect(page.sections.map((s) => [s.name, s.line])).toEqual([
      ['请求参数', 3],
      ['请求示例', 5],
      ['响应参数', 7],
    ]);
    expect(sectionBody(findSection(page, '请求参数')).map((l) => l.text)).toEqual(['row']);
    expect(findSection(page, '业务错误码')).toBeUndefined();
  });

  it('does not take an indented or longer line for a heading, and reports duplicates', () => {
    const page = splitSections(lines('请求参数', '  响应参数', '响应参数说明', '请求参数'));
    expect(page.sections).toHaveLength(1);
    expect(page.sections[0]!.lines.map((l) => l.text)).toEqual(['  响应参数', '响应参数说明']);
    expect(page.duplicates.map((l) => l.no)).toEqual([4]);
  });
});

describe('parseHeader', () => {
  it('reads method, title and a multi-line description', () => {
    expect(parseHeader(lines('', 'alipay.marketing.card.query (会员卡查询)', '', '第一行', '第二行', ''))).toEqual({
      ok: true,
      header: { method: 'alipay.marketing.card.query', title: '会员卡查询', description: '第一行\n第二行', line: 2 },
    });
  });

  it('accepts full-width parentheses and a header without title', () => {
    expect(parseHeader(lines('koubei.member.data.isv.create（isv 会员CRM数据回流）'))).toMatchObject({
      ok: true,
      header: { method: 'koubei.member.data.isv.create', title: 'isv 会员CRM数据回流' },
    });
    expect(parseHeader(lines('alipay.trade.pay'))).toEqual({ ok: true, header: { method: 'alipay.trade.pay', line: 1 } });
  });

  it('rejects a page whose first line is not a method header, naming the line', () => {
    const r = parseHeader(lines('', '', 'Hello world, this is not a doc page'));
    expect(r).toMatchObject({ ok: false, line: 3 });
    if (!r.ok) expect(r.message).toContain('not an Alipay method doc page');
    expect(parseHeader(lines('Alipay.Trade (x)')).ok).toBe(false);
    expect(parseHeader(lines('alipay (x)')).ok).toBe(false);
  });
});
