/**
 * The prose readings behind one-of groups and open enums, table-driven: which descriptions state
 * a group of two siblings (and which only look like it), and which phrases open a value list.
 */
import { describe, expect, it } from 'vitest';
import { describedGroups } from '../../generator/importer/to-spec/one-of.js';
import { openEnumPhrase } from '../../generator/importer/to-spec/open-enum.js';
import type { Field } from '../../generator/spec/model.js';

const f = (name: string, description?: string, required: Field['required'] = false): Field => ({ name, type: 'string', required, ...(description !== undefined && { description }) });

describe('one-of groups in descriptions', () => {
  it.each<[string, Field[], string[][]]>([
    ['与X二选一 (the field itself and X)', [f('a', '与b二选一'), f('b')], [['a', 'b']]],
    ['X和Y二选一', [f('a', '说明：a和b二选一'), f('b')], [['a', 'b']]],
    ['X、Y必须二选一', [f('c', 'a、b必须二选一'), f('a'), f('b')], [['a', 'b']]],
    ['either X or Y', [f('a'), f('b', 'Either a or b is required.')], [['a', 'b']]],
    ['either the `X` or `Y` parameter', [f('a', 'Pass either the `a` parameter or `b`.'), f('b')], [['a', 'b']]],
    ['the pair stated on both fields is one group', [f('a', '与b二选一'), f('b', '与a二选一')], [['a', 'b']]],
    ['不能同时为空 is at least one, not a group', [f('a', '和b不能同时为空'), f('b')], []],
    ['a name that is no sibling', [f('a', '与z二选一'), f('b')], []],
    ['二选一 with no names', [f('a', '以下两种方式二选一'), f('b')], []],
    ['either ... or naming the same field', [f('a', 'either a or a')], []],
  ])('%s', (_what, fields, expected) => {
    const diagnostics: unknown[] = [];
    expect(describedGroups(fields, () => ({ line: 1, col: 1 }), [], diagnostics as never[])).toEqual(expected);
    expect(diagnostics).toHaveLength(expected.length);
  });

  it('a member the page marks required is refused with a warning; a field already in a stated group is left alone', () => {
    const diagnostics: { message: string }[] = [];
    expect(describedGroups([f('a', '与b二选一'), f('b', undefined, true)], () => ({ line: 3, col: 1 }), [], diagnostics as never[])).toEqual([]);
    expect(diagnostics).toEqual([expect.objectContaining({ line: 3, message: expect.stringContaining('the page marks `b` required') })]);
    expect(describedGroups([f('a', '与b二选一'), f('b')], () => ({ line: 1, col: 1 }), [['a', 'b']], [])).toEqual([]);
  });
});

describe('open value lists', () => {
  it.each<[string, string | undefined]>([
    ['类型，包括但不限于：A、B', '包括但不限于'],
    ['取值不限于以下', '不限于'],
    ['后续可能新增类型', '后续可能'],
    ['Types, including but not limited to: A, B', 'including but not limited to'],
    ['A channel such as ALIPAY', 'such as'],
    ['ALIPAY, BANK, etc.', 'etc.'],
    ['New types might come in later versions', 'New types might'],
    ['微卡、炫酷卡、金卡等', undefined],
    ['A: one; B: two', undefined],
    ['', undefined],
  ])('%j', (description, phrase) => {
    expect(openEnumPhrase(description)).toBe(phrase);
  });
});
