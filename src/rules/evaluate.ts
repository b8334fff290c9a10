/**
 * Runs every rule and returns the recommendations in a deterministic order: most confident first,
 * then directive, domain, virtual MTA, id. Same input, same output. Two rules proposing the same
 * directive for the same scope keep the more conservative (lower) value. A last guard drops any
 * lowering of a value for pairs that are all healthy.
 */
import type { Recommendation } from '../domain/report.js';
import { backoffMaxMsgRateRule } from './rule-backoff-max-msg-rate.js';
import { backoffRetryAfterRule } from './rule-backoff-retry-after.js';
import { backoffToNormalAfterRule } from './rule-backoff-to-normal-after.js';
import { bounceUponNoMxRule, invalidDomainConnectionsRule } from './rule-invalid-domains.js';
import { maxMsgPerConnectionRule } from './rule-max-msg-per-connection.js';
import { maxMsgRateRule } from './rule-max-msg-rate.js';
import { maxSmtpOutRule } from './rule-max-smtp-out.js';
import { patternReplyRule } from './rule-pattern-reply.js';
import { pauseRule } from './rule-pause.js';
import { warmupRule } from './rule-warmup.js';
import type { Rule, RuleContext } from './types.js';

export const RULES: readonly Rule[] = [
  maxSmtpOutRule,
  maxMsgPerConnectionRule,
  maxMsgRateRule,
  backoffMaxMsgRateRule,
  backoffRetryAfterRule,
  backoffToNormalAfterRule,
  patternReplyRule,
  pauseRule,
  bounceUponNoMxRule,
  invalidDomainConnectionsRule,
  warmupRule,
];

const LIMIT_DIRECTIVES = new Set(['max-smtp-out', 'max-msg-per-connection', 'max-msg-rate', 'backoff-max-msg-rate']);

/** Leading number of a value (`350/h` → 350 per hour, `20` → 20), Infinity for unlimited/0/empty. */
function magnitude(directive: string, value: string | null): number | null {
  if (value === null) return null;
  const t = value.trim().toLowerCase();
  if (t === 'unlimited' || t === '' || (t === '0' && directive !== 'max-smtp-out')) return Number.POSITIVE_INFINITY;
  const m = /^(\d+(?:\.\d+)?)(?:\/(\d*)(s|sec|m|min|h|hr|d|day))?$/.exec(t);
  if (!m) return null;
  if (m[3] === undefined) return Number(m[1]);
  const unit = { s: 1, sec: 1, m: 60, min: 60, h: 3600, hr: 3600, d: 86400, day: 86400 }[m[3] as 's'] ?? 3600;
  return (Number(m[1]) * 3600) / ((m[2] === '' ? 1 : Number(m[2])) * unit);
}

export function isLowering(r: Recommendation): boolean {
  if (!LIMIT_DIRECTIVES.has(r.directive)) return false;
  const now = magnitude(r.directive, r.current);
  const next = magnitude(r.directive, r.suggested);
  return next !== null && (now === null || next < now);
}

export function evaluateRules(ctx: RuleContext, rules: readonly Rule[] = RULES): Recommendation[] {
  const byId = new Map<string, Recommendation>();
  for (const rule of rules) {
    for (const r of rule.evaluate(ctx)) {
      const prev = byId.get(r.id);
      byId.set(r.id, prev === undefined ? r : pick(prev, r));
    }
  }
  const statusByIp = new Map<string, string[]>();
  for (const p of ctx.pairs) statusByIp.set(`${p.series.provider}\u0000${p.series.sourceIp}`, [p.status]);
  const kept = [...byId.values()].filter((r) => {
    if (!isLowering(r) || r.isp === undefined || r.sourceIps === undefined) return true;
    return r.sourceIps.some((ip) => (statusByIp.get(`${r.isp}\u0000${ip}`) ?? ['ok']).some((s) => s !== 'ok' && s !== 'insufficient-data'));
  });
  return kept.sort(compareRecommendations);
}

function pick(a: Recommendation, b: Recommendation): Recommendation {
  const ma = magnitude(a.directive, a.suggested);
  const mb = magnitude(b.directive, b.suggested);
  if (LIMIT_DIRECTIVES.has(a.directive) && ma !== null && mb !== null && ma !== mb) return ma < mb ? a : b;
  return b.confidence > a.confidence ? b : a;
}

export function compareRecommendations(a: Recommendation, b: Recommendation): number {
  return (
    b.confidence - a.confidence ||
    cmp(a.directive, b.directive) ||
    cmp(a.scope.domain, b.scope.domain) ||
    cmp(a.scope.virtualMta ?? '', b.scope.virtualMta ?? '') ||
    cmp(a.id, b.id)
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
