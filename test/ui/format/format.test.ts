import { describe, expect, it } from 'vitest';
import { cleanText } from '../../../src/ui/format/clean-text.js';
import { fitText, ruleTitle } from '../../../src/ui/format/fit-text.js';
import { formatClock, formatDuration, formatStamp } from '../../../src/ui/format/format-clock.js';
import { formatBytes, formatCount, formatPercent, formatPercentInterval } from '../../../src/ui/format/format-number.js';
import { baseName, shortenPath } from '../../../src/ui/format/shorten-path.js';
import { acceptanceSparkline, volumeSparkline } from '../../../src/ui/format/sparkline.js';
import { wrapLines } from '../../../src/ui/format/wrap-lines.js';

const hour = (attempts: number, delivered: number) => ({ hourStart: 0, attempts, delivered, deferred: attempts - delivered });

describe('numbers', () => {
  it('groups thousands without depending on the locale', () => {
    expect(formatCount(12430)).toBe('12,430');
    expect(formatCount(3_912_554)).toBe('3,912,554');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(-1234.4)).toBe('-1,234');
    expect(formatCount(Number.NaN)).toBe('–');
  });

  it('prints rates as percentages and intervals as whole-percent ranges that contain the interval', () => {
    expect(formatPercent(0.9712)).toBe('97.1%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(0)).toBe('0.0%');
    expect(formatPercentInterval([0.5945, 0.6255])).toBe('[59–63]');
    expect(formatBytes(3 * 1024 * 1024 + 512 * 1024)).toBe('3.5 MiB');
    expect(formatBytes(512)).toBe('512 B');
  });
});

describe('clock', () => {
  const t = Date.parse('2026-11-29T14:32:07Z');
  it('formats in the given time zone', () => {
    expect(formatClock(t, 'UTC')).toBe('14:32:07');
    expect(formatClock(t, 'Europe/Berlin')).toBe('15:32:07');
  });
  it('says how long an episode has lasted in one unit or two', () => {
    expect(formatDuration(45_000)).toBe('45s');
    expect(formatDuration(22 * 60_000 + 5_000)).toBe('22m');
    expect(formatDuration(3 * 3600_000 + 5 * 60_000)).toBe('3h05m');
    expect(formatDuration(52 * 3600_000)).toBe('2d4h');
  });
  it('adds the date to times more than a day away', () => {
    expect(formatStamp(t - 60_000, t, 'UTC')).toBe('14:31');
    expect(formatStamp(t - 30 * 3600_000, t, 'UTC')).toBe('2026-11-28 08:32');
  });
});

describe('sparklines', () => {
  it('draws acceptance on an absolute scale: full blocks when healthy, a real dip when not, blank without attempts', () => {
    expect(acceptanceSparkline([hour(100, 100), hour(100, 97), hour(100, 39), hour(0, 0), hour(100, 0)])).toBe('██▄ ▁');
  });
  it('draws volume against the busiest hour', () => {
    expect(volumeSparkline([hour(100, 0), hour(200, 0), hour(400, 0), hour(800, 0), hour(0, 0)])).toBe('▂▃▅█ ');
  });
});

describe('text', () => {
  it('cleans remote text: no escape sequences, controls or bidi; long tokens cut', () => {
    const out = cleanText(`421 \u001B[2J\u001B]0;pwned\u0007 \u009B31mx \u202Eevil\u202C ${'A'.repeat(100)}`);
    expect(out).toBe(`421 x evil ${'A'.repeat(59)}…`);
  });
  it('wraps at spaces, hard-breaks long tokens and marks a cut', () => {
    expect(wrapLines('421 4.7.0 deferred due to volume', 12)).toEqual(['421 4.7.0', 'deferred due', 'to volume']);
    expect(wrapLines('abcdefghijklmnop', 5)).toEqual(['abcde', 'fghij', 'klmno', 'p']);
    expect(wrapLines('one two three four five six', 8, 2)).toEqual(['one two', 'three…']);
    for (const l of wrapLines(cleanText(`x ${'y'.repeat(200)} z`), 30)) expect([...l].length).toBeLessThanOrEqual(30);
  });
  it('pads, cuts and draws rules to a width', () => {
    expect(fitText('abc', 5)).toBe('abc  ');
    expect(fitText('abc', 5, 'right')).toBe('  abc');
    expect(fitText('abcdef', 4)).toBe('abc…');
    expect(ruleTitle('recs (2)', 16)).toBe('─ recs (2) ─────');
  });
  it('shortens paths from the left', () => {
    expect(shortenPath('/var/log/pmta/acct', 40)).toBe('/var/log/pmta/acct');
    expect(shortenPath('/var/log/pmta/acct', 12)).toBe('…/pmta/acct');
    expect(shortenPath('/var/log/pmta/accounting-files', 10)).toBe('…ing-files');
    expect(baseName('/var/log/pmta/acct/acct-0011.csv')).toBe('acct-0011.csv');
  });
});
