import { describe, expect, it } from 'vitest';
import { RESPONSE_CLASS_INDEX } from '../../src/domain/response-class.js';
import { evaluateRules, isLowering } from '../../src/rules/evaluate.js';
import { toConfigChanges } from '../../src/rules/to-config-changes.js';
import { cell, dailyCampaign, emptyClasses, synthCells, T0 } from '../stats/helpers/synthetic-cells.js';
import { contextOf, response, viewOf } from './helpers.js';

const DAY = 1440;
const TSS04 = '421 4.7.0 [TSS04] Messages from 203.0.113.14 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes';

/** Yahoo throttles 203.0.113.14 at 400/h; Google takes everything from 203.0.113.15. */
function scenarioCells() {
  return [
    ...synthCells({ minutes: 2 * DAY, inject: dailyCampaign(14, 8, 20), limitPerHour: () => 400 }),
    ...synthCells({ provider: 'google', sourceIp: '203.0.113.15', vmta: 'vmta-15', domain: 'gmail.com', minutes: 2 * DAY, inject: dailyCampaign(10, 8, 20), limitPerHour: () => 5000 }),
  ];
}

const CONFIG = `
domain-macro yahoo yahoo.com,aol.com,ymail.com
<virtual-mta vmta-14>
  smtp-source-host 203.0.113.14 mta14.example.com
</virtual-mta>
<virtual-mta vmta-15>
  smtp-source-host 203.0.113.15 mta15.example.com
</virtual-mta>
<smtp-pattern-list blocking-errors>
  reply /too many connections/ mode=backoff
</smtp-pattern-list>
<domain $yahoo>
  max-msg-rate 2000/h
  smtp-pattern-list blocking-errors
</domain>
<domain gmail.com>
  max-msg-rate 600/h
</domain>
`;

describe('evaluateRules', () => {
  it('lowers max-msg-rate of the throttled pair below its measured limit, leaves the healthy one alone', () => {
    const ctx = contextOf(scenarioCells(), [response({ text: TSS04, class: 'rate', count: 900 })], viewOf(CONFIG));
    const recs = evaluateRules(ctx);
    const rate = recs.filter((r) => r.directive === 'max-msg-rate' && r.isp === 'yahoo');
    expect(rate).toHaveLength(1);
    const r = rate[0]!;
    expect(r.scope).toEqual({ domain: 'yahoo.com', virtualMta: 'vmta-14' });
    expect(r.current).toBe('2000/h');
    expect(r.currentSource).toBe('config');
    const suggested = Number(r.suggested.replace('/h', ''));
    expect(suggested).toBeGreaterThanOrEqual(0.7 * 400 * 0.95);
    expect(suggested).toBeLessThanOrEqual(0.85 * 400 * 1.05);
    expect(r.confidence).toBeGreaterThan(0.5);
    expect(recs.some((x) => x.isp === 'google' && isLowering(x))).toBe(false);
    // Google took everything at the configured 600/h: a probe upwards, not a cut
    const raise = recs.find((x) => x.isp === 'google' && x.directive === 'max-msg-rate')!;
    expect(raise.current).toBe('600/h');
    expect(raise.suggested).toBe('750/h');
    // the TSS04 reply is not matched by the config's list: a pattern line for the list in force
    const line = recs.find((x) => x.directive === 'smtp-pattern-list')!;
    expect(line.suggested).toBe('reply /\\[TSS04\\]/ mode=backoff');
    expect(line.patternList).toBe('blocking-errors');
  });

  it('is deterministic: same cells in another order, same recommendations', () => {
    const cells = scenarioCells();
    const responses = [response({ text: TSS04, class: 'rate', count: 900 })];
    const a = evaluateRules(contextOf(cells, responses));
    const b = evaluateRules(contextOf([...cells].reverse(), responses));
    expect(b).toEqual(a);
    for (let i = 1; i < a.length; i++) expect(a[i - 1]!.confidence).toBeGreaterThanOrEqual(a[i]!.confidence);
  });

  it('recommends nothing for a pair below the evidence floor', () => {
    const cells = synthCells({ minutes: 120, inject: () => 2, limitPerHour: () => 30 });
    const recs = evaluateRules(contextOf(cells, [response({ text: TSS04, class: 'rate', count: 2 })]));
    expect(recs.filter((r) => r.isp === 'yahoo')).toEqual([]);
  });

  it('caps max-msg-per-connection at the smaller of the measured bound and the published figure', () => {
    // sessions of 20 then a refusal, from a busy queue: 1 in 21 refused
    const cells = Array.from({ length: 600 }, (_, i) => {
      const deferredByClass = emptyClasses();
      deferredByClass[RESPONSE_CLASS_INDEX['per-connection']] = 2;
      return cell({ minute: T0 + i * 60_000, attempts: 42, delivered: 40, deferred: 2, deferredByClass });
    });
    const recs = evaluateRules(contextOf(cells, [response({ text: '421 Max message per connection reached, closing transmission channel', class: 'per-connection', count: 1200 })]));
    const r = recs.find((x) => x.directive === 'max-msg-per-connection')!;
    expect(Number(r.suggested)).toBeLessThanOrEqual(20);
    expect(Number(r.suggested)).toBeGreaterThanOrEqual(15);
    expect(r.current).toBe('0');
    expect(r.currentSource).toBe('default');
  });

  it('maps recommendations to config changes', () => {
    const recs = evaluateRules(contextOf(scenarioCells(), [response({ text: TSS04, class: 'rate', count: 900 })], viewOf(CONFIG)));
    const changes = toConfigChanges(recs);
    expect(changes).toHaveLength(recs.length);
    expect(changes).toContainEqual(expect.objectContaining({ kind: 'pattern-reply', list: 'blocking-errors', regex: '\\[TSS04\\]', actions: 'mode=backoff' }));
    const rate = recs.find((r) => r.directive === 'max-msg-rate')!;
    expect(changes).toContainEqual(expect.objectContaining({ kind: 'set', directive: 'max-msg-rate', domain: 'yahoo.com', virtualMta: 'vmta-14', value: rate.suggested }));
  });
});
