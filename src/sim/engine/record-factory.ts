/**
 * Builds accounting records for what happened: a delivery, a recipient-level deferral or bounce, a
 * queue-level failure, an expiry. Field conventions follow PowerMTA: `b` rows carry no dlvSourceIp or
 * dlvDestinationIp; `tq` rows carry no recipient, job or message fields.
 */
import { dsnStatusField } from '../dsn-status.js';
import type { SimRecord } from '../sim-record.js';
import type { Msg, Queue } from './engine-types.js';

export interface Reply {
  /** Rendered reply text without `smtp;`. */
  readonly text: string;
  /** Enhanced code, e.g. `4.7.0`. */
  readonly status: string;
  readonly bounceCat: string;
}

export interface Mta {
  readonly host: string;
  readonly ip: string;
}

const mtaField = (mx: Mta | null): string => (mx === null ? '' : `${mx.host} (${mx.ip})`);

export function messageRecord(type: 'd' | 't' | 'b', now: number, q: Queue, msg: Msg, mx: Mta | null, reply: Reply, esmtp: string): SimRecord {
  const b = type === 'b';
  return {
    type,
    time: now,
    timeQueued: msg.queuedAt,
    orig: msg.orig,
    rcpt: msg.rcpt,
    dsnAction: type === 'd' ? 'relayed' : b ? 'failed' : 'delayed',
    dsnStatus: dsnStatusField(reply.status),
    dsnDiag: `smtp;${reply.text}`,
    dsnMta: mtaField(mx),
    bounceCat: type === 'd' ? '' : reply.bounceCat,
    dlvSourceIp: b || mx === null ? '' : q.vmta.ip,
    dlvDestinationIp: b || mx === null ? '' : mx.ip,
    dlvEsmtpAvailable: b || mx === null ? '' : esmtp,
    dlvSize: msg.size,
    vmta: q.vmta.name,
    jobId: msg.jobId,
    queue: q.name,
    vmtaPool: msg.pool,
  };
}

export function queueRecord(now: number, q: Queue, mx: Mta, reply: Reply, sourceIp: string): SimRecord {
  return {
    type: 'tq',
    time: now,
    timeQueued: null,
    orig: '',
    rcpt: '',
    dsnAction: '',
    dsnStatus: dsnStatusField(reply.status),
    dsnDiag: `smtp;${reply.text}`,
    dsnMta: mtaField(mx),
    bounceCat: '',
    dlvSourceIp: sourceIp,
    dlvDestinationIp: mx.ip,
    dlvEsmtpAvailable: '',
    dlvSize: null,
    vmta: q.vmta.name,
    jobId: '',
    queue: q.name,
    vmtaPool: '',
  };
}

/** The bounce PowerMTA writes when a message outlives `bounce-after`: the last transient reply, `4.4.7`. */
export function expiredRecord(now: number, q: Queue, msg: Msg): SimRecord {
  const diag = msg.lastDiag === '' ? 'smtp;451 4.4.7 delivery time expired' : msg.lastDiag;
  return {
    ...messageRecord('b', now, q, msg, null, { text: '', status: '4.4.7', bounceCat: 'message-expired' }, ''),
    dsnDiag: diag,
    dsnMta: msg.lastMta,
  };
}
