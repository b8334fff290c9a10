import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysFromCivil, parseTime, parseTimeBytes } from '../../src/accounting/parse/parse-time.js';

const T = Date.UTC(2026, 10, 29, 15, 0, 0); // 2026-11-29 15:00:00 UTC

describe('parseTime', () => {
  it.each([
    ['2026-11-29 15:00:00+0000', T],
    ['2026-11-29 16:00:00+0100', T],
    ['2026-11-29 10:00:00-0500', T],
    ['2026-11-29 15:00:00 +0000', T],
    ['2026-11-29T15:00:00Z', T],
    ['2026-11-29t15:00:00z', T],
    ['2026-11-29T15:00:00', T],
    ['2026-11-29T15:00:00.250Z', T + 250],
    ['2026-11-29T15:00:00.1234567+00:00', T + 123],
    ['2026-11-29T20:30:00+05:30', T],
    ['2026-11-29T17:00:00+02', T],
    ['11/29/2026 15:00:00+0000', T],
    ['11/29/2026 07:00:00-0800', T],
    ['1795964400', T],
    ['1795964400.5', T + 500],
    ['"2026-11-29 15:00:00+0000"', T],
    ['2024-02-29 00:00:00+0000', Date.UTC(2024, 1, 29)],
    ['1970-01-01 00:00:00+0000', 0],
  ])('%s', (text, expected) => {
    expect(parseTime(text)).toBe(expected);
  });

  it.each([
    '',
    'yesterday',
    '2026-13-01 00:00:00+0000',
    '2026-04-31 00:00:00+0000',
    '2025-02-29 00:00:00+0000',
    '2026-11-29 24:00:00+0000',
    '2026-11-29 15:60:00+0000',
    '2026-11-29 15:00:00+2500',
    '2026-11-29 15:00:00+0',
    '2026-11-29 15:00:00+000',
    '2026-11-29 15:00:00 UTC',
    '2026-11-29 15:00:00+0000x',
    '2026-11-29X15:00:00Z',
    '2026/11/29 15:00:00+0000',
    '29/11/2026 15:00:00+0000',
    '2026-11-29',
    '2026-11-29T15:00:00.Z',
    '17959644001234',
    '-1795964400',
    '2026-11-29 15:00:00+0000é',
  ])('rejects %j', (text) => {
    expect(parseTime(text)).toBeNaN();
  });

  it('reads a timestamp from the middle of a byte buffer', () => {
    const bytes = Buffer.from('t,2026-11-29 15:00:00+0000,x');
    expect(parseTimeBytes(bytes, 2, 26)).toBe(T);
  });

  it('agrees with Date for any instant and offset in every form', () => {
    const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1971, 0, 1) / 1000, max: Date.UTC(2099, 11, 31) / 1000 }),
        fc.integer({ min: -12 * 60, max: 14 * 60 }),
        (secs, offsetMin) => {
          const local = new Date((secs + offsetMin * 60) * 1000);
          const sign = offsetMin < 0 ? '-' : '+';
          const abs = Math.abs(offsetMin);
          const zone = `${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
          const ymd = `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
          const mdy = `${pad(local.getUTCMonth() + 1)}/${pad(local.getUTCDate())}/${local.getUTCFullYear()}`;
          const hms = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`;
          expect(parseTime(`${ymd} ${hms}${zone}`)).toBe(secs * 1000);
          expect(parseTime(`${ymd}T${hms}${zone.slice(0, 3)}:${zone.slice(3)}`)).toBe(secs * 1000);
          expect(parseTime(`${mdy} ${hms}${zone}`)).toBe(secs * 1000);
          expect(parseTime(String(secs))).toBe(secs * 1000);
        },
      ),
    );
  });

  it('counts days like the proleptic Gregorian calendar', () => {
    fc.assert(
      fc.property(fc.integer({ min: -50_000, max: 100_000 }), (day) => {
        const d = new Date(day * 86_400_000);
        expect(daysFromCivil(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())).toBe(day);
      }),
    );
  });
});
