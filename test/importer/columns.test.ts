import { describe, expect, it } from 'vitest';
import { isContainer, parseExample, parseMaxLength, parseRequired, parseType } from '../../generator/importer/columns.js';

describe('parseType', () => {
  it.each([
    ['String', { type: 'string' }],
    ['Number', { type: 'number' }],
    ['Boolean', { type: 'boolean' }],
    ['Date', { type: 'date' }],
    ['Price', { type: 'price' }],
    ['Long', { type: 'number' }],
    ['MerchantCard', { type: 'object', model: 'MerchantCard' }],
    ['Object', { type: 'object' }],
    ['CardFrontTextDTO []', { type: 'array', items: { type: 'object', model: 'CardFrontTextDTO' } }],
    ['CardFrontTextDTO[]', { type: 'array', items: { type: 'object', model: 'CardFrontTextDTO' } }],
    ['String[]', { type: 'array', items: { type: 'string' } }],
    ['Number []', { type: 'array', items: { type: 'number' } }],
    ['FileItem', { type: 'file' }],
    ['File', { type: 'file' }],
    ['byte[]', { type: 'file' }],
    ['byte []', { type: 'file' }],
  ])('%s', (text, expected) => {
    expect(parseType(text)).toEqual(expected);
  });

  it('is undefined for text that is not a type', () => {
    for (const text of ['必填', 'user_id', '32', '学院', 'a b', '[]']) expect(parseType(text)).toBeUndefined();
  });

  it('objects and arrays of objects have children, scalars and scalar arrays do not', () => {
    expect(isContainer(parseType('MerchantCard')!)).toBe(true);
    expect(isContainer(parseType('X []')!)).toBe(true);
    expect(isContainer(parseType('String[]')!)).toBe(false);
    expect(isContainer(parseType('Date')!)).toBe(false);
  });
});

describe('parseRequired', () => {
  it('maps every documented marker', () => {
    expect(['必须', '必填', '是'].map(parseRequired)).toEqual([true, true, true]);
    expect(['可选', '选填', '否'].map(parseRequired)).toEqual([false, false, false]);
    expect(['特殊可选', '条件必填'].map(parseRequired)).toEqual(['conditional', 'conditional']);
    expect(parseRequired('required')).toBeUndefined();
  });
});

describe('parseMaxLength', () => {
  it('reads numbers and the no-limit dash', () => {
    expect(parseMaxLength('32')).toBe(32);
    expect(parseMaxLength('-')).toBeNull();
    expect(parseMaxLength('3a')).toBeUndefined();
  });
});

describe('parseExample', () => {
  it('types examples by the field type and keeps text that a number would change', () => {
    expect(parseExample('1496996459', { type: 'number' })).toBe(1496996459);
    expect(parseExample('12.5', { type: 'number' })).toBe(12.5);
    expect(parseExample('1.50', { type: 'number' })).toBe('1.50');
    expect(parseExample('20170308000000000058101000300045', { type: 'number' })).toBe('20170308000000000058101000300045');
    expect(parseExample('true', { type: 'boolean' })).toBe(true);
    expect(parseExample('0000001', { type: 'string' })).toBe('0000001');
    expect(parseExample('124.89', { type: 'price' })).toBe('124.89');
  });
});
