/** The pairs that need attention (blocked, paused, throttled) and a one-line summary of why. */
import type { PairReport } from '../domain/report.js';
import { fmtInt } from './text-format.js';

export function needsAttention(pairs: readonly PairReport[]): PairReport[] {
  return pairs.filter((p) => p.status === 'blocked' || p.status === 'paused' || p.status === 'throttled');
}

/** What the provider did, in words: "accepted ~410/h (380–445) while throttling it". */
export function attentionDetail(p: PairReport): string {
  const l = p.maxHourlyRate;
  const parts: string[] = [];
  if (p.binding === 'rate' || p.binding === 'reputation') {
    if (l.estimate !== null && !l.censored) parts.push(`accepted ~${fmtInt(l.estimate)}/h (${fmtInt(l.low ?? l.estimate)}–${fmtInt(l.high ?? l.estimate)}) while throttling`);
    else parts.push('throttled; not enough saturated hours to measure the limit yet');
  }
  if (p.binding === 'per-connection' && p.perConnectionCap) parts.push(`cap ≈ ${p.perConnectionCap.estimate} messages/session (1 in ${p.perConnectionCap.estimate + 1} refused)`);
  if (p.binding === 'connections') parts.push(`${fmtInt(p.queueFailuresByClass?.connections ?? 0)} connections refused as too many`);
  if (p.binding === 'block') parts.push('block-listed: refusing the IP');
  if ((p.episodeCount ?? 0) > 0) parts.push(`${p.episodeCount} episode${p.episodeCount === 1 ? '' : 's'}`);
  return parts.join(' · ');
}
