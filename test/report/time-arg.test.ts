import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/domain/user-error.js';
import { parseTimeArg } from '../../src/report/time-arg.js';

const LAST = Date.UTC(2026, 10, 29, 6, 0, 0);

describe('parseTimeArg', () => {
  it('counts relative spans back from the last record', () => {
    expect(parseTimeArg('since', '24h', LAST)).toBe(Date.UTC(2026, 10, 28, 6));
    expect(parseTimeArg('since', '7d', LAST)).toBe(Date.UTC(2026, 10, 22, 6));
    expect(parseTimeArg('since', '90m', LAST)).toBe(Date.UTC(2026, 10, 29, 4, 30));
  });

  it('reads ISO dates and times, UTC when no zone is given', () => {
    expect(parseTimeArg('since', '2026-11-28', LAST)).toBe(Date.UTC(2026, 10, 28));
    expect(parseTimeArg('since', '2026-11-28 06:30', LAST)).toBe(Date.UTC(2026, 10, 28, 6, 30));
    expect(parseTimeArg('until', '2026-11-28T06:00:00+01:00', LAST)).toBe(Date.UTC(2026, 10, 28, 5));
  });

  it('rejects anything else with a one-line hint', () => {
    expect(() => parseTimeArg('since', 'yesterday', LAST)).toThrow(UserError);
    expect(() => parseTimeArg('since', '24h', null)).toThrow(/no records to count back from/);
  });
});
