/**
 * Fast generator of a large, realistic PowerMTA accounting file for benchmarks: the v5 union header,
 * the record mix of busy traffic (mostly deliveries, transient deferrals with real quoted provider
 * responses, bounces, queue-level failures), CRLF, RFC 4180 quoting, ~350 bytes per record.
 * Deterministic (seeded); not a model of provider behaviour (that is the simulator's job).
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createGzip } from 'node:zlib';
import { pipeline } from 'node:stream/promises';
import { createReadStream } from 'node:fs';

export const BENCH_HEADER =
  'type,timeLogged,timeQueued,orig,rcpt,orcpt,dsnAction,dsnStatus,dsnDiag,dsnMta,bounceCat,srcType,srcMta,dlvType,dlvSourceIp,dlvDestinationIp,dlvEsmtpAvailable,dlvSize,vmta,jobId,envId,queue,vmtaPool,header_X-Job';

const PROVIDERS = [
  { domain: 'gmail.com', mx: 'gmail-smtp-in.l.google.com (142.250.27.26)', share: 40,
    deferrals: ['421 4.7.28 [203.0.113.IP] Gmail has detected an unusual rate of mail originating from your IP address. To protect our users from spam, mail sent from your IP address has been temporarily rate limited. For more information, go to https://support.google.com/mail/?p=UnsolicitedRateLimitError to review our Bulk Email Senders Guidelines.',
      '450 4.2.1 The user you are trying to contact is receiving mail too quickly. Please resend your message at a later date.'] },
  { domain: 'yahoo.com', mx: 'mta7.am0.yahoodns.net (67.195.204.72)', share: 20,
    deferrals: ['421 4.7.0 [TSS04] Messages from 203.0.113.IP temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes',
      '421 Max message per connection reached, closing transmission channel'] },
  { domain: 'hotmail.com', mx: 'hotmail-com.olc.protection.outlook.com (52.101.8.44)', share: 15,
    deferrals: ['451 4.7.650 The mail server [203.0.113.IP] has been temporarily rate limited due to IP reputation. For e-mail delivery information, see https://postmaster.live.com (S775) [Name=Protocol Filter Agent][AGT=PFA][MxId=11BAB2CDB1C6B5FC] [DM6NAM12FT062.eop-nam12.prod.protection.outlook.com]',
      '451 4.7.652 The mail server [203.0.113.IP] has exceeded the maximum number of connections. (S3115)'] },
  { domain: 'icloud.com', mx: 'mx01.mail.icloud.com (17.57.154.33)', share: 7,
    deferrals: ['421 4.7.1 Messages to <address> deferred due to excessive volume. Try again later - https://support.apple.com/en-us/HT204137'] },
  { domain: 'comcast.net', mx: 'mx1a1.comcast.net (96.114.157.80)', share: 6,
    deferrals: ['421 - [Too many sessions opened] - https://postmaster.comcast.net/smtp-error-codes.php#RL000010'] },
  { domain: 'gmx.de', mx: 'mx00.emig.gmx.net (212.227.15.9)', share: 4,
    deferrals: ['421-gmx.net (mxgmx017) Nemesis ESMTP Service not available 421-Too many messages have been received in a short period of time, 421 please try again later'] },
] as const;

const STATUS_D = '2.0.0 (success)';
const ESMTP = '"PIPELINING,SIZE,ENHANCEDSTATUSCODES,8BITMIME,SMTPUTF8,STARTTLS"';

/** xorshift32: fast deterministic PRNG. */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 0x9e3779b9;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 0x100000000;
  };
}

function quote(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

function stamp(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}+0000`;
}

export interface GenerateOptions {
  readonly records: number;
  readonly seed?: number;
  readonly start?: number;
}

export interface GeneratedCounts {
  readonly records: number;
  readonly byType: Record<'d' | 't' | 'b' | 'tq', number>;
  readonly bytes: number;
}

/** Writes the file; returns the counts by type, for checking readers against. */
export async function generateAccountingFile(path: string, options: GenerateOptions): Promise<GeneratedCounts> {
  const rand = rng(options.seed ?? 42);
  const out = createWriteStream(path, { highWaterMark: 1 << 20 });
  const byType = { d: 0, t: 0, b: 0, tq: 0 };
  let bytes = 0;
  let buf = `${BENCH_HEADER}\r\n`;
  const start = options.start ?? Date.UTC(2026, 10, 28, 0, 0, 0);
  const span = 24 * 3600 * 1000;
  const cumulative: number[] = [];
  let acc = 0;
  for (const p of PROVIDERS) cumulative.push((acc += p.share));
  for (let i = 0; i < options.records; i++) {
    const t = start + Math.floor((i / options.records) * span);
    const r = rand();
    const pick = rand() * acc;
    let pi = 0;
    while (cumulative[pi]! < pick) pi++;
    const tail = rand() < 0.06; // long tail of small domains
    const p = PROVIDERS[pi]!;
    const domain = tail ? `biz${Math.floor(rand() * 20000)}.example` : p.domain;
    const mx = tail ? `mx.${domain} (198.51.100.${Math.floor(rand() * 250)})` : p.mx;
    const ipLast = 10 + Math.floor(rand() * 40);
    const ip = `203.0.113.${ipLast}`;
    const vmta = `vmta-${ipLast}`;
    const rcpt = `user${Math.floor(rand() * 1e7)}@${domain}`;
    const job = `job-${Math.floor(i / 50000)}`;
    const queued = stamp(t - Math.floor(rand() * 600_000));
    const now = stamp(t);
    let line: string;
    if (r < 0.8) {
      byType.d++;
      line = `d,${now},${queued},bounces+${i}@news.example.org,${rcpt},,relayed,${STATUS_D},smtp;250 2.0.0 OK  1732780800 ${i.toString(36)} - gsmtp,${mx},,smtp,app1.example.org (10.0.0.5),smtp,${ip},${mx.slice(mx.indexOf('(') + 1, -1)},${ESMTP},${20000 + Math.floor(rand() * 40000)},${vmta},${job},,${domain}/${vmta},pool-a,${job}`;
    } else if (r < 0.93) {
      byType.t++;
      const diag = p.deferrals[Math.floor(rand() * p.deferrals.length)]!.replace('IP', String(ipLast));
      line = `t,${now},${queued},bounces+${i}@news.example.org,${rcpt},,delayed,4.7.0 (other or undefined security status),${quote(`smtp;${diag}`)},${mx},policy-related,smtp,app1.example.org (10.0.0.5),smtp,${ip},${mx.slice(mx.indexOf('(') + 1, -1)},${ESMTP},,${vmta},${job},,${domain}/${vmta},pool-a,${job}`;
    } else if (r < 0.97) {
      byType.b++;
      line = `b,${now},${queued},bounces+${i}@news.example.org,${rcpt},,failed,5.1.1 (bad destination mailbox address),${quote(`smtp;550 5.1.1 <${rcpt}>: Recipient address rejected: User unknown in virtual mailbox table`)},${mx},bad-mailbox,smtp,app1.example.org (10.0.0.5),smtp,,,,,${vmta},${job},,${domain}/${vmta},pool-a,${job}`;
    } else {
      byType.tq++;
      line = `tq,${now},,,,,,4.4.1 (no answer from host),${quote('smtp;421 4.7.0 Try again later, closing connection. (EHLO) - gsmtp')},${mx},,,,smtp,${ip},,,,${vmta},,,${domain}/${vmta},,`;
    }
    buf += `${line}\r\n`;
    if (buf.length > 1 << 20) {
      bytes += Buffer.byteLength(buf);
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  bytes += Buffer.byteLength(buf) + 0;
  out.end(buf);
  await once(out, 'finish');
  return { records: options.records, byType, bytes };
}

export async function gzipFile(from: string, to: string): Promise<void> {
  await pipeline(createReadStream(from, { highWaterMark: 1 << 20 }), createGzip({ level: 6 }), createWriteStream(to));
}
