import { describe, expect, it } from 'vitest';
import { hasGlobMagic, matchSegment, splitGlob } from '../../src/accounting/glob-pattern.js';

describe('glob pattern', () => {
  it.each([
    ['acct-*.csv', 'acct-2026-11-29-0001.csv', true],
    ['acct-*.csv', 'acct-2026-11-29-0001.csv.gz', false],
    ['acct-*.csv*', 'acct-2026-11-29-0001.csv.gz', true],
    ['acct-????.csv', 'acct-0001.csv', true],
    ['acct-????.csv', 'acct-001.csv', false],
    ['acct-[0-9]*.csv', 'acct-7.csv', true],
    ['acct-[0-9]*.csv', 'acct-x.csv', false],
    ['acct-[!0-9]*', 'acct-x.csv', true],
    ['acct-[^0-9]*', 'acct-1.csv', false],
    ['*.csv', '.hidden.csv', false],
    ['.*.csv', '.hidden.csv', true],
    ['a.c', 'abc', false],
    ['(x)+.csv', '(x)+.csv', true],
    ['[unclosed', '[unclosed', true],
  ])('%s vs %s → %s', (pattern, name, expected) => {
    expect(matchSegment(pattern, name)).toBe(expected);
  });

  it('splits a pattern at its first glob segment', () => {
    expect(splitGlob('/var/log/pmta/acct-*.csv')).toEqual({ base: '/var/log/pmta', segments: ['acct-*.csv'] });
    expect(splitGlob('/var/log/**/acct-*.csv')).toEqual({ base: '/var/log', segments: ['**', 'acct-*.csv'] });
    expect(splitGlob('*.csv')).toEqual({ base: '.', segments: ['*.csv'] });
    expect(splitGlob('/*/x')).toEqual({ base: '/', segments: ['*', 'x'] });
    expect(hasGlobMagic('/var/log/pmta/acct.csv')).toBe(false);
  });
});
