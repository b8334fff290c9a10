/**
 * The dashboard's input, built from the aggregate cells and the report: pure. Live figures (the
 * current pace per hour, today's accepted volume) are taken relative to the newest record's time, not
 * the wall clock, so replayed or accelerated logs read the same as live ones.
 */
import type { Cell } from '../aggregate/types.js';
import type { ReportJson } from '../domain/report.js';
import { pairKey, type DashboardAlert, type DashboardSnapshot, type HourlyPoint, type PairLive, type WarmupProgress, type WatchSource } from '../ui/dashboard-snapshot.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
export const SPARK_HOURS = 12;

export interface SnapshotInput {
  readonly now: number;
  readonly cells: readonly Cell[];
  readonly report: ReportJson;
  readonly alerts: readonly DashboardAlert[];
  readonly source: WatchSource;
}

export function buildSnapshot(input: SnapshotInput): DashboardSnapshot {
  const ref = input.source.lastRecordTime ?? input.now;
  return {
    now: input.now,
    report: { input: input.report.input, pairs: input.report.pairs, recommendations: input.report.recommendations, warmup: input.report.warmup },
    hourly: hourlyByPair(input.cells, ref),
    warmupProgress: warmupProgress(input.cells, input.report, ref),
    alerts: input.alerts,
    source: input.source,
  };
}

export function hourlyByPair(cells: readonly Cell[], ref: number): Record<string, PairLive> {
  const currentHour = Math.floor(ref / HOUR) * HOUR;
  const firstHour = currentHour - (SPARK_HOURS - 1) * HOUR;
  const out = new Map<string, { hours: Map<number, { attempts: number; delivered: number; deferred: number }>; att60: number; del60: number }>();
  for (const c of cells) {
    if (c.minute < firstHour || c.minute > ref) continue;
    const key = pairKey({ isp: c.provider, sourceIp: c.sourceIp, vmta: c.vmta === '' ? null : c.vmta });
    let e = out.get(key);
    if (e === undefined) {
      e = { hours: new Map(), att60: 0, del60: 0 };
      out.set(key, e);
    }
    const h = Math.floor(c.minute / HOUR) * HOUR;
    let p = e.hours.get(h);
    if (p === undefined) {
      p = { attempts: 0, delivered: 0, deferred: 0 };
      e.hours.set(h, p);
    }
    p.attempts += c.attempts;
    p.delivered += c.delivered;
    p.deferred += c.deferred + c.queueFailures;
    if (c.minute > ref - HOUR) {
      e.att60 += c.attempts;
      e.del60 += c.delivered;
    }
  }
  const result: Record<string, PairLive> = {};
  for (const [key, e] of [...out.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const hours: HourlyPoint[] = [];
    for (let h = firstHour; h <= currentHour; h += HOUR) {
      const p = e.hours.get(h);
      hours.push({ hourStart: h, attempts: p?.attempts ?? 0, delivered: p?.delivered ?? 0, deferred: p?.deferred ?? 0 });
    }
    result[key] = { hours, attemptsPerHour: e.att60, deliveredPerHour: e.del60 };
  }
  return result;
}

/** Today's accepted volume per (IP, provider) against today's cap of its warm-up plan. */
export function warmupProgress(cells: readonly Cell[], report: ReportJson, ref: number): WarmupProgress[] {
  const dayStart = Math.floor(ref / DAY) * DAY;
  const today = new Date(dayStart).toISOString().slice(0, 10);
  const accepted = new Map<string, number>();
  for (const c of cells) {
    if (c.minute < dayStart || c.sourceIp === '') continue;
    const key = `${c.sourceIp}|${c.provider}`;
    accepted.set(key, (accepted.get(key) ?? 0) + c.delivered);
  }
  return report.warmup
    .map((plan) => {
      const d = plan.days.find((x) => x.date === today);
      return {
        sourceIp: plan.sourceIp,
        isp: plan.isp,
        day: d?.day ?? null,
        acceptedToday: accepted.get(`${plan.sourceIp}|${plan.isp}`) ?? 0,
        capToday: d?.maxMessages ?? null,
      };
    })
    .sort((a, b) => (a.sourceIp < b.sourceIp ? -1 : a.sourceIp > b.sourceIp ? 1 : a.isp < b.isp ? -1 : a.isp > b.isp ? 1 : 0));
}
