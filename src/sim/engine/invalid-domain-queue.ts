/**
 * Queues of domains that cannot take mail. A domain with an A record but no MX (or whose host never
 * answers) gets a queue-level `tq` failure `4.4.1 (no answer from host)` on every retry until each
 * message outlives bounce-after and bounces as `message-expired`. An NXDOMAIN domain bounces at once.
 */
import { dsnStatusField } from '../dsn-status.js';
import type { SimRecord } from '../sim-record.js';
import type { Msg, Queue } from './engine-types.js';
import { queueRecord } from './record-factory.js';
import { retryDelay } from './sender-mode.js';
import { emit, scheduleWake } from './sim-context.js';
import type { SimContext } from './sim-context.js';

export const NO_ANSWER_STATUS = '4.4.1';

export function noAnswerText(domain: string, ip: string): string {
  return `421 4.4.1 No answer from host ${domain} (${ip}): connection timed out`;
}

export function nxdomainText(domain: string): string {
  return `550 5.1.2 DNS Hard Error looking up ${domain} (MX): NXDomain`;
}

export function wakeInvalidQueue(ctx: SimContext, q: Queue, now: number): void {
  for (let m = q.deferred.pop(); m; m = q.deferred.pop()) q.ready.push(m);
  const host = q.domain.mx[0] ?? { host: q.domain.name, ip: '0.0.0.0' };
  const diag = `smtp;${noAnswerText(q.domain.name, host.ip)}`;
  const keep: Msg[] = [];
  for (let m = q.ready.shift(); m; m = q.ready.shift()) {
    if (now - m.queuedAt >= q.settings.bounceAfter && m.attempts > 0) {
      m.lastStatus = NO_ANSWER_STATUS;
      m.lastDiag = diag;
      m.lastMta = `${host.host} (${host.ip})`;
      emit(ctx, expiredNoAnswer(now, q, m));
      q.bounced += 1;
    } else keep.push(m);
  }
  if (keep.length === 0) return;
  for (const m of keep) q.ready.push(m);
  const oldest = keep[0] as Msg;
  const expiry = oldest.queuedAt + q.settings.bounceAfter;
  if (now >= q.retryUntil) {
    emit(ctx, queueRecord(now, q, host, { text: noAnswerText(q.domain.name, host.ip), status: NO_ANSWER_STATUS, bounceCat: '' }, '0.0.0.0'));
    for (const m of keep) m.attempts += 1;
    q.noAnswerAttempts += 1;
    q.retryUntil = now + retryDelay(q, q.retryStep);
    q.retryStep += 1;
  }
  // Wake at the next retry, or earlier when the oldest message expires before it.
  scheduleWake(ctx, q, oldest.attempts > 0 ? Math.min(q.retryUntil, Math.max(expiry, now)) : q.retryUntil);
}

function expiredNoAnswer(now: number, q: Queue, m: Msg): SimRecord {
  return {
    type: 'b',
    time: now,
    timeQueued: m.queuedAt,
    orig: m.orig,
    rcpt: m.rcpt,
    dsnAction: 'failed',
    dsnStatus: dsnStatusField('4.4.7'),
    dsnDiag: m.lastDiag,
    dsnMta: m.lastMta,
    bounceCat: 'message-expired',
    dlvSourceIp: '',
    dlvDestinationIp: '',
    dlvEsmtpAvailable: '',
    dlvSize: m.size,
    vmta: q.vmta.name,
    jobId: m.jobId,
    queue: q.name,
    vmtaPool: m.pool,
  };
}

export function noMxText(domain: string): string {
  return `550 5.1.2 No MX records for ${domain} (bounce-upon-no-mx)`;
}

/** The immediate bounce of a message to a domain that does not exist (or has no MX, with bounce-upon-no-mx). */
export function badDomainBounce(now: number, q: Queue, m: Msg): SimRecord {
  const text = q.domain.invalid === 'nxdomain' ? nxdomainText(q.domain.name) : noMxText(q.domain.name);
  return { ...expiredNoAnswer(now, q, m), dsnStatus: dsnStatusField('5.1.2'), dsnDiag: `smtp;${text}`, dsnMta: '', bounceCat: 'bad-domain' };
}
