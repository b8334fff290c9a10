/** Shared fixtures for rule tests: a config from text, a rule context from synthetic cells. */
import type { Cell, ResponseStat } from '../../src/aggregate/types.js';
import { loadConfig } from '../../src/config/load-config.js';
import { memoryConfigSource } from '../../src/config/memory-config-source.js';
import type { ConfigView } from '../../src/rules/config-view.js';
import { defaultsView } from '../../src/rules/config-view.js';
import { configViewOf } from '../../src/rules/config-view-from-config.js';
import type { ProviderInfo, RuleContext } from '../../src/rules/types.js';
import { findInvalidDomains } from '../../src/stats/invalid-domains.js';
import { analysePairs } from '../../src/stats/pair-analysis.js';

export function viewOf(text: string): ConfigView {
  return configViewOf(loadConfig('/etc/pmta/config', memoryConfigSource(new Map([['/etc/pmta/config', text]]))));
}

export const PROVIDERS: readonly ProviderInfo[] = [
  { id: 'yahoo', name: 'Yahoo', domains: ['yahoo.com', 'aol.com', 'ymail.com'], limits: { perConnection: 20 } },
  { id: 'google', name: 'Google', domains: ['gmail.com', 'googlemail.com'], limits: { connections: 5, perConnection: 50 } },
  { id: 'att', name: 'AT&T', domains: ['att.net'], limits: {} },
];

export function contextOf(cells: readonly Cell[], responses: readonly ResponseStat[] = [], config: ConfigView = defaultsView()): RuleContext {
  const pairs = analysePairs(cells);
  return {
    pairs,
    responses,
    invalidDomains: findInvalidDomains(cells, PROVIDERS.flatMap((p) => p.domains), responses),
    config,
    providers: new Map(PROVIDERS.map((p) => [p.id, p])),
    lastTime: Math.max(...cells.map((c) => c.minute)) + 59_999,
  };
}

export function response(partial: Partial<ResponseStat> & Pick<ResponseStat, 'text' | 'class' | 'count'>): ResponseStat {
  return { provider: 'yahoo', sourceIp: '203.0.113.14', vmta: 'vmta-14', recordType: 't', patternId: 'x', first: Date.UTC(2026, 10, 20), last: Date.UTC(2026, 10, 21), ...partial };
}
