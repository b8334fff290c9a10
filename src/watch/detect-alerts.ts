/**
 * Alerts when a pair changes state between two reports: it starts being throttled or blocked, or it
 * recovers. Pure; the previous statuses are the caller's state.
 */
import type { PairReport } from '../domain/report.js';
import { pairKey, type DashboardAlert } from '../ui/dashboard-snapshot.js';

export type StatusMap = ReadonlyMap<string, PairReport['status']>;

const BAD: ReadonlySet<PairReport['status']> = new Set(['throttled', 'paused', 'blocked']);

export function statusesOf(pairs: readonly PairReport[]): Map<string, PairReport['status']> {
  return new Map(pairs.map((p) => [pairKey(p), p.status]));
}

export function detectAlerts(previous: StatusMap, pairs: readonly PairReport[], now: number): DashboardAlert[] {
  const alerts: DashboardAlert[] = [];
  for (const p of pairs) {
    const before = previous.get(pairKey(p));
    if (before === p.status) continue;
    const text = p.topResponses[0]?.text ?? '';
    const time = p.episodes.at(-1) !== undefined ? Date.parse(p.episodes.at(-1)!.start) : Date.parse(p.lastSeen);
    const at = Number.isFinite(time) ? time : now;
    if (p.status === 'blocked' && before !== 'blocked') alerts.push({ time: at, isp: p.isp, sourceIp: p.sourceIp, kind: 'blocked', text });
    else if (BAD.has(p.status) && (before === undefined || !BAD.has(before))) alerts.push({ time: at, isp: p.isp, sourceIp: p.sourceIp, kind: 'throttled', text });
    else if (p.status === 'ok' && before !== undefined && BAD.has(before)) alerts.push({ time: Date.parse(p.lastSeen) || now, isp: p.isp, sourceIp: p.sourceIp, kind: 'recovered', text: '' });
  }
  return alerts;
}
