/**
 * Invalid recipient domains of both kinds, including typos of big providers.
 */
import { describe, expect, it } from 'vitest';
import { oneIpScenario, runScenario } from './helpers/sim-harness.js';

const INVALID = [
  { domain: 'gmial.com', kind: 'no-mx', weight: 1 },
  { domain: 'yahooo.com', kind: 'nxdomain', weight: 1 },
];

describe('invalid domains', () => {
  it('NXDOMAIN: an immediate bad-domain bounce without a source IP', async () => {
    const { records, truth } = await runScenario(
      oneIpScenario({ provider: 'google', volume: 2000, days: 2, audience: { google: 1, invalid: 1 }, invalidDomains: INVALID }),
    );
    const nx = records.filter((r) => r.rcpt.endsWith('@yahooo.com'));
    expect(nx.length).toBeGreaterThan(100);
    for (const r of nx) {
      expect(r.type).toBe('b');
      expect(r.bounceCat).toBe('bad-domain');
      expect(r.dlvSourceIp).toBe('');
      expect(r.time).toBe(r.timeQueued);
      expect(r.dsnStatus).toBe('5.1.2 (bad destination system address)');
    }
    const spec = truth.invalidDomains.find((d) => d.domain === 'yahooo.com');
    expect(spec).toMatchObject({ kind: 'nxdomain', messages: nx.length, bounced: nx.length, queueFailures: 0 });
  });

  it('no MX: repeated 4.4.1 queue failures until bounce-after, then message-expired', async () => {
    const json = oneIpScenario({
      provider: 'google',
      volume: 2000,
      days: 2,
      audience: { google: 1, invalid: 1 },
      invalidDomains: INVALID,
      domains: { '*': { 'max-smtp-out': 5, 'retry-after': '10m', 'bounce-after': '6h' } },
    });
    const { records, truth } = await runScenario(json);
    const tq = records.filter((r) => r.type === 'tq');
    expect(tq.length).toBeGreaterThan(100);
    for (const r of tq) {
      expect(r.queue).toBe('gmial.com/vmta-1');
      expect(r.dsnStatus).toBe('4.4.1 (no answer from host)');
      expect(r.rcpt).toBe('');
    }
    // One attempt per retry interval: never two within ten minutes.
    for (let i = 1; i < tq.length; i += 1) expect((tq[i]?.time ?? 0) - (tq[i - 1]?.time ?? 0)).toBeGreaterThanOrEqual(600);
    const expired = records.filter((r) => r.type === 'b' && r.rcpt.endsWith('@gmial.com'));
    expect(expired.length).toBeGreaterThan(100);
    for (const r of expired) {
      expect(r.bounceCat).toBe('message-expired');
      expect(r.dlvSourceIp).toBe('');
      expect(r.dsnDiag).toMatch(/^smtp;421 4\.4\.1 /);
      expect(r.time - (r.timeQueued ?? 0)).toBeGreaterThanOrEqual(6 * 3600);
      expect(r.time - (r.timeQueued ?? 0)).toBeLessThan(6 * 3600 + 601);
    }
    expect(records.some((r) => r.type === 'd' && r.rcpt.endsWith('@gmial.com'))).toBe(false);
    const spec = truth.invalidDomains.find((d) => d.domain === 'gmial.com');
    expect(spec).toMatchObject({ kind: 'no-mx', queueFailures: tq.length, bounced: expired.length });
  });
});
