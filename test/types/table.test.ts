/** The kinds table itself: the importer's type-column spellings, and the one definition of date and price. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DATE_TIME_PATTERN, PRICE_PATTERN, isDateTime, isPrice } from '../../templates/runtime/formats.js';
import { FIELD_KINDS, KINDS, kindOfTypeName, scalarModule } from '../../generator/types/table.js';

describe('kindOfTypeName', () => {
  it('reads the doc type-column spellings, case-insensitive', () => {
    const cases: [string, string | undefined][] = [
      ['String', 'string'], ['Number', 'number'], ['long', 'number'], ['Integer', 'number'], ['int', 'number'],
      ['Double', 'number'], ['float', 'number'], ['Boolean', 'boolean'], ['bool', 'boolean'], ['Date', 'date'],
      ['Price', 'price'], ['JsonObject', 'object'], ['Map', 'object'], ['object', 'object'],
      ['MerchantCard', undefined], ['array', undefined], ['', undefined], ['__proto__', undefined], ['constructor', undefined],
    ];
    for (const [name, kind] of cases) expect(kindOfTypeName(name), name).toBe(kind);
  });

  it('gives every kind back by its spec name, except arrays (written Item[])', () => {
    for (const k of FIELD_KINDS) expect(kindOfTypeName(k)).toBe(KINDS[k].category === 'array' ? undefined : k);
  });
});

describe('date and price: one definition', () => {
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');

  it('the date pattern is the calendar: every y-m-d h:m:s, valid or not, gets the Date verdict', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }),
        fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }), fc.integer({ min: 0, max: 61 }),
        (y, mo, d, h, mi, s) => {
          // Day 0 of the next month is the month's last day (setUTCFullYear keeps years 0-99 as written).
          const date = new Date(0);
          date.setUTCFullYear(y, mo, 0);
          const real = mo >= 1 && mo <= 12 && d >= 1 && d <= date.getUTCDate() && h <= 23 && mi <= 59 && s <= 59;
          expect(isDateTime(`${pad(y, 4)}-${pad(mo)}-${pad(d)} ${pad(h)}:${pad(mi)}:${pad(s)}`)).toBe(real);
        },
      ),
      { numRuns: 2000 },
    );
    for (const leap of ['2000-02-29 00:00:00', '2400-02-29 00:00:00', '0000-02-29 00:00:00', '1996-02-29 00:00:00']) expect(isDateTime(leap), leap).toBe(true);
    for (const common of ['1900-02-29 00:00:00', '2100-02-29 00:00:00', '2023-02-29 00:00:00']) expect(isDateTime(common), common).toBe(false);
  });

  it('the kinds use the runtime\'s own functions and patterns', () => {
    expect(scalarModule('date').format?.test).toBe(isDateTime);
    expect(scalarModule('date').format?.pattern).toBe(DATE_TIME_PATTERN);
    expect(scalarModule('price').format?.test).toBe(isPrice);
    expect(scalarModule('price').format?.pattern).toBe(PRICE_PATTERN);
  });
});
