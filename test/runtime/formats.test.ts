/** isDateTime, isPrice, the UTC+8 timestamp and personal-data masking. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatTimestamp, isDateTime, isPrice, maskPersonalData } from '../../templates/runtime/index.js';

describe('isDateTime', () => {
  it('accepts real calendar date-times', () => {
    for (const s of ['2024-05-13 17:49:20', '2024-02-29 00:00:00', '2000-02-29 23:59:59', '1999-12-31 23:59:59']) {
      expect(isDateTime(s)).toBe(true);
    }
  });
  it('rejects other shapes and impossible dates', () => {
    const bad = [
      '2023-02-29 00:00:00', '1900-02-29 00:00:00', '2024-04-31 10:00:00', '2024-13-01 10:00:00', '2024-00-10 10:00:00',
      '2024-01-00 10:00:00', '2024-01-01 24:00:00', '2024-01-01 23:60:00', '2024-01-01 23:59:60', '2024-1-01 10:00:00',
      '2024-01-01T10:00:00', '2024-01-01 10:00', '2024-01-01', ' 2024-01-01 10:00:00', '2024-01-01 10:00:00\n', '',
      '２０２４-01-01 10:00:00',
    ];
    for (const s of bad) expect(isDateTime(s), s).toBe(false);
  });
  it('agrees with Date on every formatted instant', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2200-01-01T00:00:00Z'), noInvalidDate: true }), (d) => {
        expect(isDateTime(d.toISOString().slice(0, 19).replace('T', ' '))).toBe(true);
      }),
    );
  });
});

describe('isPrice', () => {
  it('accepts yuan amounts with at most 2 decimals', () => {
    for (const s of ['88.88', '0.01', '100', '0', '0.1', '100000000.00']) expect(isPrice(s), s).toBe(true);
  });
  it('rejects anything else', () => {
    for (const s of ['', '.5', '1.', '1.234', '-1', '+1', '01', '1e3', '1,000', ' 1', '1 ', 'NaN', '0x10', '１']) {
      expect(isPrice(s), s).toBe(false);
    }
  });
});

describe('formatTimestamp', () => {
  it('formats a fixed instant in UTC+8', () => {
    expect(formatTimestamp(new Date('2024-05-13T09:49:20Z'))).toBe('2024-05-13 17:49:20');
    // Crosses midnight, month and year in UTC+8.
    expect(formatTimestamp(new Date('2023-12-31T16:00:00Z'))).toBe('2024-01-01 00:00:00');
    expect(formatTimestamp(new Date('2024-02-28T16:30:05.999Z'))).toBe('2024-02-29 00:30:05');
  });

  it('is the same whatever the host time zone', () => {
    // Node applies a changed process.env.TZ immediately; the local hour proves each zone took effect.
    const saved = process.env.TZ;
    const instant = new Date(Date.UTC(2024, 6, 1, 20, 5, 9));
    const localHours = new Set<number>();
    try {
      for (const tz of ['UTC', 'America/Los_Angeles', 'Asia/Shanghai', 'Pacific/Kiritimati', 'Asia/Kolkata']) {
        process.env.TZ = tz;
        localHours.add(new Date(instant.getTime()).getHours());
        expect(formatTimestamp(instant)).toBe('2024-07-02 04:05:09');
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
    expect(localHours.size).toBeGreaterThanOrEqual(4);
  });

  it('formats now within a second of the current UTC+8 time', () => {
    const before = Date.now();
    const ts = formatTimestamp();
    const parsed = Date.parse(`${ts.replace(' ', 'T')}+08:00`);
    expect(isDateTime(ts)).toBe(true);
    expect(parsed).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(parsed).toBeLessThanOrEqual(Date.now());
  });
});

describe('maskPersonalData', () => {
  it('masks phone, ID card and bank card numbers', () => {
    const text = 'phone 13812345678, cert_no 11010519491231002X, card 6222 0212 3456 7890 123, tel 138-1234-5678';
    const masked = maskPersonalData(text);
    expect(masked).toBe('phone 138****5678, cert_no 110***********002X, card 622* **** **** ***0 123, tel 138-****-5678');
    for (const secret of ['12345678', '0519491231', '0212 3456', '1234-5678']) expect(masked).not.toContain(secret);
  });
  it('leaves codes, amounts and dates alone', () => {
    const text = 'code 40004, amount 88.88, at 2024-05-13 17:49:20, ACQ.TRADE_NOT_EXIST';
    expect(maskPersonalData(text)).toBe(text);
  });
});
