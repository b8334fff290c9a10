/**
 * What was read, as plain data: records by type, malformed records by reason (with locations),
 * providers and sending IPs seen, top deferral classes and responses per provider, and warnings.
 */
import type { Aggregator } from '../aggregate/aggregator.js';
import type { MalformedReason, RecordType } from '../domain/accounting-record.js';
import { RESPONSE_CLASSES, type ResponseClass } from '../domain/response-class.js';

export interface InspectProvider {
  readonly provider: string;
  readonly attempts: number;
  readonly delivered: number;
  readonly deferred: number;
  readonly bounced: number;
  readonly queueFailures: number;
  readonly sourceIps: number;
  readonly domains: number;
  readonly deferralsByClass: Partial<Record<ResponseClass, number>>;
  readonly topResponses: readonly { readonly class: ResponseClass; readonly recordType: string; readonly text: string; readonly count: number }[];
}

export interface InspectWarning {
  readonly code: 'no-transient-records' | 'no-records' | 'malformed-records' | 'unattributed-ips';
  readonly message: string;
}

export interface InspectJson {
  readonly files: readonly string[];
  readonly bytes: number;
  readonly records: number;
  readonly recordsByType: Partial<Record<RecordType, number>>;
  readonly malformed: {
    readonly total: number;
    readonly byReason: Partial<Record<MalformedReason, number>>;
    readonly examples: readonly { readonly reason: MalformedReason; readonly file: string; readonly offset: number; readonly line?: number }[];
  };
  readonly from: string | null;
  readonly to: string | null;
  readonly providers: readonly InspectProvider[];
  readonly sourceIps: readonly { readonly sourceIp: string; readonly vmtas: readonly string[]; readonly attempts: number }[];
  readonly warnings: readonly InspectWarning[];
}

const TOP_RESPONSES = 5;

export function buildInspect(agg: Aggregator): InspectJson {
  const summary = agg.summary();
  const cells = agg.cells();
  const responses = agg.responses();
  const byProvider = new Map<string, { attempts: number; delivered: number; deferred: number; bounced: number; queueFailures: number; ips: Set<string>; domains: Set<string>; classes: number[] }>();
  const byIp = new Map<string, { vmtas: Set<string>; attempts: number }>();
  for (const c of cells) {
    let p = byProvider.get(c.provider);
    if (p === undefined) {
      p = { attempts: 0, delivered: 0, deferred: 0, bounced: 0, queueFailures: 0, ips: new Set(), domains: new Set(), classes: new Array<number>(RESPONSE_CLASSES.length).fill(0) };
      byProvider.set(c.provider, p);
    }
    p.attempts += c.attempts;
    p.delivered += c.delivered;
    p.deferred += c.deferred;
    p.bounced += c.bounced;
    p.queueFailures += c.queueFailures;
    if (c.sourceIp !== '') p.ips.add(c.sourceIp);
    p.domains.add(c.domain);
    for (let i = 0; i < RESPONSE_CLASSES.length; i++) p.classes[i]! += c.deferredByClass[i]! + c.queueFailuresByClass[i]!;
    const ipKey = c.sourceIp === '' ? '(unknown)' : c.sourceIp;
    let ip = byIp.get(ipKey);
    if (ip === undefined) {
      ip = { vmtas: new Set(), attempts: 0 };
      byIp.set(ipKey, ip);
    }
    if (c.vmta !== '') ip.vmtas.add(c.vmta);
    ip.attempts += c.attempts;
  }
  const providers: InspectProvider[] = [...byProvider.entries()]
    .map(([provider, p]) => ({
      provider,
      attempts: p.attempts,
      delivered: p.delivered,
      deferred: p.deferred,
      bounced: p.bounced,
      queueFailures: p.queueFailures,
      sourceIps: p.ips.size,
      domains: p.domains.size,
      deferralsByClass: Object.fromEntries(RESPONSE_CLASSES.map((c, i) => [c, p.classes[i]!]).filter(([, n]) => (n as number) > 0)),
      topResponses: responses
        .filter((r) => r.provider === provider && r.recordType !== 'b')
        .reduce<{ class: ResponseClass; recordType: string; text: string; count: number }[]>((acc, r) => {
          const same = acc.find((a) => a.text === r.text && a.class === r.class && a.recordType === r.recordType);
          if (same) same.count += r.count;
          else acc.push({ class: r.class, recordType: r.recordType, text: r.text, count: r.count });
          return acc;
        }, [])
        .sort((a, b) => b.count - a.count || a.text.localeCompare(b.text))
        .slice(0, TOP_RESPONSES),
    }))
    .sort((a, b) => b.attempts + b.queueFailures - (a.attempts + a.queueFailures) || a.provider.localeCompare(b.provider));

  const records = agg.recordCount;
  const malformedTotal = agg.malformedCount;
  const t = summary.recordsByType;
  const warnings: InspectWarning[] = [];
  if (records === 0) warnings.push({ code: 'no-records', message: 'No accounting records were read. Check the paths, and that the files have a PowerMTA header line (first column "type").' });
  if (records > 0 && (t.t ?? 0) + (t.tq ?? 0) === 0) {
    warnings.push({
      code: 'no-transient-records',
      message:
        'The input holds no transient (t/tq) records, so throttling is invisible: deferrals are not logged. ' +
        'Add "records d,b,t,tq" to an <acct-file> block in the PowerMTA config (or a second <acct-file> with "records t,tq"), then "pmta reload".',
    });
  }
  if (malformedTotal > 0) {
    warnings.push({ code: 'malformed-records', message: `${malformedTotal} malformed record(s) were skipped and counted; see "malformed" for reasons and locations.` });
  }
  const unknownIp = byIp.get('(unknown)');
  if (unknownIp !== undefined && unknownIp.attempts > 0) {
    warnings.push({ code: 'unattributed-ips', message: `${unknownIp.attempts} attempt(s) could not be attributed to a sending IP (their vmta never appeared on a d/t row). Pass --config to map vmtas to IPs.` });
  }
  return {
    files: summary.files,
    bytes: summary.bytes,
    records,
    recordsByType: summary.recordsByType,
    malformed: { total: malformedTotal, byReason: summary.malformed.byReason, examples: summary.malformed.examples },
    from: summary.firstTime === null ? null : new Date(summary.firstTime).toISOString(),
    to: summary.lastTime === null ? null : new Date(summary.lastTime).toISOString(),
    providers,
    sourceIps: [...byIp.entries()]
      .map(([sourceIp, v]) => ({ sourceIp, vmtas: [...v.vmtas].sort(), attempts: v.attempts }))
      .sort((a, b) => b.attempts - a.attempts || a.sourceIp.localeCompare(b.sourceIp)),
    warnings,
  };
}
