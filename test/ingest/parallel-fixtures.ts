/**
 * Accounting files for the parallel-ingest tests: the benchmark generator's realistic mix, plus lines
 * that make cutting a file hard (quoted line breaks in dsnDiag, some followed by a line that looks like
 * a record), malformed lines, and header lines in the middle.
 */
import { writeFile } from 'node:fs/promises';
import { BENCH_HEADER } from '../../src/bench/generate-acct.js';

export const HEADER = BENCH_HEADER;
/** The same columns in another order (a mid-file header that changes the mapping). */
export const REORDERED = (() => {
  const cols = BENCH_HEADER.split(',');
  const [a, b] = [cols.indexOf('rcpt'), cols.indexOf('orig')];
  [cols[a], cols[b]] = [cols[b] as string, cols[a] as string];
  return cols.join(',');
})();

const START = Date.UTC(2026, 10, 28, 0, 0, 0);
const DOMAINS = ['gmail.com', 'yahoo.com', 'hotmail.com', 'orange.fr', 'gmx.de', 'acme-corp.example'];
const MX: Record<string, string> = {
  'gmail.com': 'gmail-smtp-in.l.google.com (142.250.27.26)',
  'yahoo.com': 'mta7.am0.yahoodns.net (67.195.204.72)',
  'hotmail.com': 'hotmail-com.olc.protection.outlook.com (52.101.8.44)',
  'orange.fr': 'smtp-in.orange.fr (80.12.242.10)',
  'gmx.de': 'mx00.emig.gmx.net (212.227.15.9)',
  // a company domain hosted at Google: its provider is learned from the MX
  'acme-corp.example': 'aspmx.l.google.com (142.250.27.27)',
};

function stamp(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace(/\.\d+Z$/, '+0000');
}

export interface LineOptions {
  /** Put a quoted CRLF into every t row's dsnDiag; `record-like` makes the next line look like a record. */
  readonly multiline?: 'none' | 'plain' | 'record-like';
  /** One malformed line every n records (0 = none). */
  readonly malformedEvery?: number;
  /** b rows without dsnMta (expired) of the company domain. */
  readonly expiredBounces?: boolean;
}

/** Record i in the columns of HEADER (or REORDERED: rcpt and orig swapped). */
export function recordLine(i: number, n: number, options: LineOptions = {}, reordered = false): string {
  const t = START + Math.floor((i / n) * 6 * 3600 * 1000);
  const domain = DOMAINS[i % DOMAINS.length] as string;
  const mx = MX[domain] as string;
  const ip = `203.0.113.${10 + (i % 5)}`;
  const vmta = `vmta-${10 + (i % 5)}`;
  const rcpt = `user${i}@${domain}`;
  const orig = `bounces+${i}@news.example.org`;
  const [c5, c4] = reordered ? [orig, rcpt] : [rcpt, orig];
  const kind = i % 11 === 3 ? 't' : i % 17 === 5 ? 'b' : i % 29 === 7 ? 'tq' : 'd';
  const now = stamp(t);
  if (kind === 't') {
    const ml = options.multiline ?? 'none';
    const second = ml === 'record-like' && i % 3 === 0 ? `d,${now},oops` : '421 4.7.0 try again later';
    const diag = ml === 'none' ? 'smtp;421 4.7.0 [TSS04] Messages from 203.0.113.5 temporarily deferred, see https://postmaster.yahooinc.com' : `smtp;421-4.7.0 rate limited\r\n${second}`;
    return `t,${now},${now},${c4},${c5},,delayed,4.7.0 (other or undefined security status),"${diag}",${mx},policy-related,smtp,app1,smtp,${ip},,,,${vmta},job-1,,${domain}/${vmta},pool-a,job-1`;
  }
  if (kind === 'b') {
    const expired = options.expiredBounces === true && domain === 'acme-corp.example';
    return `b,${now},${now},${c4},${c5},,failed,5.1.1 (bad destination mailbox address),"smtp;550 5.1.1 <${rcpt}>: User unknown",${expired ? '' : mx},${expired ? 'message-expired' : 'bad-mailbox'},smtp,app1,smtp,,,,,${vmta},job-1,,${domain}/${vmta},pool-a,job-1`;
  }
  if (kind === 'tq') return `tq,${now},,,,,,4.4.1 (no answer from host),"smtp;421 4.7.0 Try again later, closing connection.",${mx},,,,smtp,${ip},,,,${vmta},,,${domain}/${vmta},,`;
  return `d,${now},${now},${c4},${c5},,relayed,2.0.0 (success),smtp;250 2.0.0 OK,${mx},,smtp,app1,smtp,${ip},,,${20000 + i},${vmta},job-1,,${domain}/${vmta},pool-a,job-1`;
}

const MALFORMED = [
  'zz,2026-11-28 00:00:00+0000,unknown type',
  'd,not a time,x',
  'd,2026-11-28 00:00:00+0000,too,many,fields,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,',
  '\u00ff\u00fe garbage line',
];

/** A file of n records; `headers` maps a record index to a header line inserted before it. */
export function accountingText(n: number, options: LineOptions = {}, headers: ReadonlyMap<number, string> = new Map()): string {
  const lines = [HEADER];
  let reordered = false;
  for (let i = 0; i < n; i++) {
    const h = headers.get(i);
    if (h !== undefined) {
      lines.push(h);
      reordered = h === REORDERED;
    }
    const every = options.malformedEvery ?? 0;
    if (every > 0 && i % every === every - 1) lines.push(MALFORMED[(i / every) % MALFORMED.length | 0] as string);
    lines.push(recordLine(i, n, options, reordered));
  }
  return `${lines.join('\r\n')}\r\n`;
}

export async function writeAccounting(path: string, n: number, options: LineOptions = {}, headers?: ReadonlyMap<number, string>): Promise<number> {
  const text = accountingText(n, options, headers);
  await writeFile(path, text);
  return Buffer.byteLength(text);
}
