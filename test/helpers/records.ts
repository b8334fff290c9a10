/** Builders of realistic AcctRecord values and a small provider model, for tests of the pure core. */
import type { AcctRecord, DeliveryFields } from '../../src/domain/accounting-record.js';
import type { ResponseClass } from '../../src/domain/response-class.js';
import type { Classification, ProviderModel } from '../../src/providers/types.js';

const EMPTY_DELIVERY: Omit<DeliveryFields, 'timeLogged' | 'file' | 'offset' | 'field'> = {
  orig: 'bounce@news.example.org',
  rcpt: '',
  dsnAction: '',
  dsnStatus: '',
  dsnStatusText: '',
  dsnDiag: '',
  dsnMta: '',
  bounceCat: '',
  dlvSourceIp: '',
  dlvDestinationIp: '',
  dlvSize: null,
  vmta: '',
  vmtaPool: 'pool-a',
  queue: '',
  jobId: '',
};

type Extra = Partial<Omit<DeliveryFields, 'field'>>;

export function delivery(time: string, rcpt: string, ip: string, vmta: string, extra: Extra = {}): AcctRecord {
  const domain = rcpt.slice(rcpt.indexOf('@') + 1);
  return mk('d', time, {
    rcpt,
    dsnAction: 'relayed',
    dsnStatus: '2.0.0',
    dsnStatusText: 'success',
    dsnDiag: '250 2.0.0 OK',
    dsnMta: mxFor(domain),
    dlvSourceIp: ip,
    dlvSize: 41159,
    vmta,
    queue: `${domain}/${vmta}`,
    ...extra,
  });
}

export function transient(time: string, rcpt: string, ip: string, vmta: string, diag: string, extra: Extra = {}): AcctRecord {
  const domain = rcpt.slice(rcpt.indexOf('@') + 1);
  const status = /\b([245]\.\d{1,3}\.\d{1,3})\b/.exec(diag)?.[1] ?? '4.0.0';
  return mk('t', time, {
    rcpt,
    dsnAction: 'delayed',
    dsnStatus: status,
    dsnStatusText: 'other',
    dsnDiag: diag,
    dsnMta: mxFor(domain),
    dlvSourceIp: ip,
    vmta,
    queue: `${domain}/${vmta}`,
    bounceCat: 'policy-related',
    ...extra,
  });
}

export function bounce(time: string, rcpt: string, vmta: string, diag: string, extra: Extra = {}): AcctRecord {
  const domain = rcpt.slice(rcpt.indexOf('@') + 1);
  return mk('b', time, {
    rcpt,
    dsnAction: 'failed',
    dsnStatus: '5.1.1',
    dsnStatusText: 'bad destination mailbox address',
    dsnDiag: diag,
    dsnMta: mxFor(domain),
    vmta,
    queue: `${domain}/${vmta}`,
    bounceCat: 'bad-mailbox',
    ...extra,
  });
}

export function queueFailure(time: string, queue: string, ip: string, diag: string, dsnMta = ''): AcctRecord {
  const [domain = '', vmta = ''] = queue.split('/');
  return {
    type: 'tq',
    timeLogged: Date.parse(time),
    file: 'test.csv',
    offset: 0,
    field: () => '',
    queue,
    vmta,
    dsnStatus: '4.4.1',
    dsnStatusText: 'no answer from host',
    dsnDiag: diag,
    dsnMta: dsnMta || mxFor(domain),
    dlvSourceIp: ip,
    dlvDestinationIp: '',
  };
}

function mk(type: 'd' | 't' | 'b', time: string, fields: Extra): AcctRecord {
  return { ...EMPTY_DELIVERY, ...fields, type, timeLogged: Date.parse(time), file: 'test.csv', offset: 0, field: () => '' } as AcctRecord;
}

const MX: Record<string, string> = {
  'gmail.com': 'gmail-smtp-in.l.google.com (142.250.27.26)',
  'yahoo.com': 'mta7.am0.yahoodns.net (67.195.204.72)',
  'hotmail.com': 'hotmail-com.olc.protection.outlook.com (52.101.8.44)',
  'acme-corp.com': 'aspmx.l.google.com (142.250.27.27)',
};

function mxFor(domain: string): string {
  return MX[domain] ?? '';
}

/** A tiny provider model with the same semantics as the real one, for unit tests of the core. */
export function testModel(): ProviderModel {
  const domains: Record<string, string> = { 'gmail.com': 'google', 'yahoo.com': 'yahoo', 'hotmail.com': 'microsoft' };
  const rules: [RegExp, ResponseClass, string][] = [
    [/\[TSS04\]/i, 'reputation', 'yahoo-tss04'],
    [/too many connections|too many sessions/i, 'connections', 'generic-conn'],
    [/unusual rate/i, 'rate', 'google-4.7.28'],
    [/user unknown|does not exist/i, 'recipient', 'generic-unknown-user'],
    [/no answer from host/i, 'invalid-domain', 'generic-no-answer'],
  ];
  return {
    providers: [],
    generic: [],
    providerOfDomain: (d) => domains[d] ?? 'other',
    providerOfMx: (mta) => (/google\.com/.test(mta) ? 'google' : /yahoodns/.test(mta) ? 'yahoo' : /outlook\.com/.test(mta) ? 'microsoft' : null),
    classify: (_p, text): Classification => {
      for (const [re, cls, id] of rules) if (re.test(text)) return { class: cls, patternId: id };
      return { class: 'other', patternId: 'default' };
    },
  };
}
