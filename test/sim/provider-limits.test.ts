/**
 * The hidden provider behaviour: hourly limit (token bucket), connection cap, per-connection cap,
 * greeting-level throttling. Checked on the records the simulator writes, classified with the real
 * provider model (what an advisor reading the files would see).
 */
import { describe, expect, it } from 'vitest';
import type { SimRecord } from '../../src/sim/sim-record.js';
import { fixtures, oneIpScenario, runScenario } from './helpers/sim-harness.js';

const hourOf = (r: SimRecord): number => Math.floor(r.time / 3600);

function perHour(records: readonly SimRecord[], type: SimRecord['type']): Map<number, number> {
  const m = new Map<number, number>();
  for (const r of records) if (r.type === type) m.set(hourOf(r), (m.get(hourOf(r)) ?? 0) + 1);
  return m;
}

async function classOf(r: SimRecord, provider: string): Promise<string> {
  const { model } = await fixtures();
  return model.classify(provider, r.dsnDiag.replace(/^smtp;/, ''), r.dsnStatus.slice(0, 5), r.bounceCat).class;
}

describe('hourly acceptance limit', () => {
  it('a sender under the limit is never throttled', async () => {
    // 300 messages an hour against a 600/h limit.
    const { records, truth } = await runScenario(oneIpScenario({ provider: 'google', volume: 7200, behaviour: { hourlyLimit: 600, burstMinutes: 10 } }));
    expect(records.filter((r) => r.type === 'd')).toHaveLength(7200);
    expect(records.filter((r) => r.type !== 'd')).toHaveLength(0);
    const pair = truth.pairs[0];
    expect(pair?.problems).toEqual([]);
    expect(pair?.events.rate).toBe(0);
  });

  it('over the limit, accepted messages per hour match the limit', async () => {
    // 1,800 messages an hour against 600/h for a day: the provider accepts its limit, defers the rest.
    const { records, truth } = await runScenario(oneIpScenario({ provider: 'google', volume: 43200, behaviour: { hourlyLimit: 600, burstMinutes: 10 } }));
    const delivered = perHour(records, 'd');
    const hours = [...delivered.keys()].sort((a, b) => a - b).slice(1, -1); // whole hours after the first burst
    expect(hours.length).toBeGreaterThan(20);
    for (const h of hours) {
      expect(delivered.get(h)).toBeGreaterThanOrEqual(540);
      expect(delivered.get(h)).toBeLessThanOrEqual(660);
    }
    const mean = hours.reduce((s, h) => s + (delivered.get(h) ?? 0), 0) / hours.length;
    expect(Math.abs(mean - 600)).toBeLessThan(15);
    const deferrals = records.filter((r) => r.type === 't');
    expect(deferrals.length).toBeGreaterThan(1000);
    for (const r of deferrals.slice(0, 50)) expect(await classOf(r, 'google')).toBe('rate');
    expect(truth.pairs[0]?.problems).toEqual(['rate']);
    expect(truth.pairs[0]?.finalHourlyLimit).toBe(600);
  });

  it('a provider that throttles in the greeting writes tq records with its rate text', async () => {
    const { records, truth } = await runScenario(
      oneIpScenario({ provider: 'gmx', volume: 24000, behaviour: { hourlyLimit: 300, burstMinutes: 10, throttleAt: 'greeting', connections: 50 } }),
    );
    const tq = records.filter((r) => r.type === 'tq');
    expect(tq.length).toBeGreaterThan(10);
    for (const r of tq) {
      expect(await classOf(r, 'gmx')).toBe('rate');
      expect(r.rcpt).toBe('');
      expect(r.dlvSourceIp).toBe('203.0.113.14');
    }
    expect(truth.pairs[0]?.throttleAt).toBe('greeting');
  });
});

describe('connection caps', () => {
  const burst = [{ hour: 9, minutes: 5, weight: 1 }];

  it('connections above the cap are refused in the greeting (tq, connections text)', async () => {
    const json = oneIpScenario({
      provider: 'microsoft',
      volume: 6000,
      campaigns: burst,
      behaviour: { hourlyLimit: 100000, connections: 3 },
      domains: { '*': { 'max-smtp-out': 10 } },
    });
    const { records, truth } = await runScenario(json);
    const tq = records.filter((r) => r.type === 'tq');
    expect(tq.length).toBeGreaterThan(5);
    for (const r of tq) expect(await classOf(r, 'microsoft')).toBe('connections');
    const pair = truth.pairs[0];
    expect(pair?.events.peakConnectionsOpen).toBe(3);
    expect(pair?.connectionCap).toBe(3);
    expect(pair?.problems).toContain('connections');
  });

  it('max-smtp-out within the cap gives no connection refusals', async () => {
    // Six Microsoft domains, three connections each: 18 at most, under a cap of 20.
    const json = oneIpScenario({
      provider: 'microsoft',
      volume: 6000,
      campaigns: burst,
      behaviour: { hourlyLimit: 100000, connections: 20, perConnection: 1000 },
      domains: { '*': { 'max-smtp-out': 3 } },
    });
    const { records, truth } = await runScenario(json);
    expect(records.filter((r) => r.type === 'tq')).toHaveLength(0);
    expect(truth.pairs[0]?.events.peakConnectionsOpen).toBeGreaterThan(3);
    expect(truth.pairs[0]?.events.peakConnectionsOpen).toBeLessThanOrEqual(18);
    expect(truth.pairs[0]?.problems).toEqual([]);
  });

  it('the message after the per-connection cap gets the per-connection text and the session ends', async () => {
    const json = oneIpScenario({
      provider: 'yahoo',
      volume: 3000,
      campaigns: burst,
      behaviour: { hourlyLimit: 100000, connections: 50, perConnection: 20 },
      domains: { '*': { 'max-smtp-out': 2, 'max-msg-per-connection': 100 } },
    });
    const { records, truth } = await runScenario(json);
    const refusals = records.filter((r) => r.type === 't');
    expect(refusals.length).toBeGreaterThan(20);
    for (const r of refusals) expect(await classOf(r, 'yahoo')).toBe('per-connection');
    expect(truth.pairs[0]?.problems).toEqual(['per-connection']);
    // Every refused message is delivered later: nothing is lost to the cap.
    expect(records.filter((r) => r.type === 'd').length).toBe(3000);
  });

  it('max-msg-per-connection at the cap avoids the refusals', async () => {
    const json = oneIpScenario({
      provider: 'yahoo',
      volume: 3000,
      campaigns: burst,
      behaviour: { hourlyLimit: 100000, connections: 50, perConnection: 20 },
      domains: { '*': { 'max-smtp-out': 2, 'max-msg-per-connection': 20 } },
    });
    const { records } = await runScenario(json);
    expect(records.filter((r) => r.type === 't')).toHaveLength(0);
  });
});
