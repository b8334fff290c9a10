/**
 * The simulated PowerMTA obeys its configuration: retry-after per deferral, max-msg-rate on attempts,
 * bounce-after expiry, max-smtp-out.
 */
import { describe, expect, it } from 'vitest';
import type { SimRecord } from '../../src/sim/sim-record.js';
import { oneIpScenario, runScenario } from './helpers/sim-harness.js';

function attemptsByRecipient(records: readonly SimRecord[]): Map<string, SimRecord[]> {
  const m = new Map<string, SimRecord[]>();
  for (const r of records) if (r.rcpt !== '') m.set(r.rcpt + String(r.timeQueued), [...(m.get(r.rcpt + String(r.timeQueued)) ?? []), r]);
  return m;
}

describe('sender configuration', () => {
  it('retries a deferred recipient after each retry-after interval in turn, the last one repeating', async () => {
    const json = oneIpScenario({
      provider: 'google',
      volume: 2000,
      behaviour: { hourlyLimit: 100000, mailboxFull: 0.5 },
      domains: { '*': { 'max-smtp-out': 5, 'retry-after': '7m,13m,29m', 'bounce-after': '4d' } },
    });
    const { records } = await runScenario(json);
    const intervals = [420, 780, 1740];
    let checked = 0;
    for (const attempts of attemptsByRecipient(records).values()) {
      for (let i = 1; i < attempts.length; i += 1) {
        const gap = (attempts[i]?.time ?? 0) - (attempts[i - 1]?.time ?? 0);
        const want = intervals[Math.min(i - 1, intervals.length - 1)] ?? 0;
        expect(gap).toBeGreaterThanOrEqual(want);
        expect(gap).toBeLessThan(want + 30);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(500);
  });

  it('max-msg-rate caps attempts per hour (deliveries and deferrals alike)', async () => {
    const json = oneIpScenario({
      provider: 'google',
      volume: 4000,
      campaigns: [{ hour: 1, minutes: 10, weight: 1 }],
      behaviour: { hourlyLimit: 100000, mailboxFull: 0.2 },
      domains: { '*': { 'max-smtp-out': 5, 'max-msg-rate': '300/h' } },
    });
    const { records } = await runScenario(json);
    const perHour = new Map<number, number>();
    for (const r of records) {
      if (r.queue !== 'gmail.com/vmta-1' || r.type === 'tq') continue;
      const h = Math.floor(r.time / 3600);
      perHour.set(h, (perHour.get(h) ?? 0) + 1);
    }
    const counts = [...perHour.values()];
    expect(Math.max(...counts)).toBeLessThanOrEqual(301);
    expect(counts.filter((c) => c >= 299).length).toBeGreaterThan(5);
  });

  it('bounces messages that outlive bounce-after as message-expired', async () => {
    const json = oneIpScenario({
      provider: 'google',
      volume: 1000,
      days: 2,
      behaviour: { hourlyLimit: 100000, mailboxFull: 0.5 },
      domains: { '*': { 'max-smtp-out': 5, 'retry-after': '1h', 'bounce-after': '3h' } },
    });
    const { records } = await runScenario(json);
    const expired = records.filter((r) => r.type === 'b' && r.bounceCat === 'message-expired');
    expect(expired.length).toBeGreaterThan(10);
    for (const r of expired) {
      expect(r.time - (r.timeQueued ?? 0)).toBeGreaterThanOrEqual(3 * 3600);
      expect(r.dsnStatus).toBe('4.4.7 (delivery time expired)');
      expect(r.dsnDiag).toMatch(/^smtp;452/);
    }
  });
});
