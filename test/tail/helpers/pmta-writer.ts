/**
 * A fake PowerMTA accounting writer: keeps one descriptor open per file and appends realistic CSV
 * records (header line, CRLF, quoted fields) each carrying a unique sequence id in `header_X-Seq`.
 * The ledger is the independent count every test compares against.
 */
import { closeSync, copyFileSync, fstatSync, openSync, readFileSync, renameSync, truncateSync, writeSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

export const HEADER =
  'type,timeLogged,timeQueued,orig,rcpt,orcpt,dsnAction,dsnStatus,dsnDiag,dsnMta,bounceCat,srcType,srcMta,dlvType,dlvSourceIp,dlvDestinationIp,dlvEsmtpAvailable,dlvSize,vmta,jobId,envId,queue,vmtaPool,header_X-Seq\r\n';

export const SEQ_FIELD = 'header_X-Seq';

const BASE = Date.parse('2026-11-29T14:00:00Z');

function stamp(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace(/\.\d+Z$/, '+0000');
}

/** One realistic row (d, t or b by id) ending in CRLF. */
export function recordLine(n: number): string {
  const id = `S${String(n).padStart(7, '0')}`;
  const t = stamp(BASE + n * 1000);
  const q = stamp(BASE + n * 1000 - 3000);
  switch (n % 3) {
    case 0:
      return `d,${t},${q},bounce-${n}@news.example.org,user${n}@gmail.com,,relayed,2.0.0 (success),smtp;250 2.0.0 OK  1764424801 x${n}si.421,gmail-smtp-in.l.google.com (142.250.1.27),,api,api (127.0.0.1),smtp,203.0.113.31,142.250.1.27,"ENHANCEDSTATUSCODES,8BITMIME,SMTPUTF8",41159,vmta-31,job-7,,gmail.com/vmta-31,pool-a,${id}\r\n`;
    case 1:
      return `t,${t},${q},bounce-${n}@news.example.org,user${n}@yahoo.com,,delayed,4.7.0 (other or undefined security status),"smtp;421 4.7.0 [TSS04] Messages from 203.0.113.14 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes",mta7.am0.yahoodns.net (67.195.204.72),policy-related,api,api (127.0.0.1),smtp,203.0.113.14,67.195.204.72,,,vmta-14,job-7,,yahoo.com/vmta-14,pool-a,${id}\r\n`;
    default:
      return `b,${t},${q},bounce-${n}@news.example.org,gone${n}@outlook.com,,failed,5.1.1 (bad destination mailbox address),"smtp;550 5.1.1 <gone${n}@outlook.com>: Recipient address rejected: Access denied. AS(201806281) [DM6NAM.prod.outlook.com]",outlook-com.olc.protection.outlook.com (52.101.68.8),bad-mailbox,api,api (127.0.0.1),smtp,,,,,vmta-22,job-7,,outlook.com/vmta-22,pool-a,${id}\r\n`;
  }
}

/** A `t` row whose dsnDiag column is `diagField`, given as CSV text (quote it yourself). */
export function customRecord(n: number, diagField: string, time = BASE + n * 1000): string {
  const id = seqId(n);
  return `t,${stamp(time)},${stamp(time - 3000)},bounce-${n}@news.example.org,user${n}@yahoo.com,,delayed,4.7.0 (other or undefined security status),${diagField},mta7.am0.yahoodns.net (67.195.204.72),policy-related,api,api (127.0.0.1),smtp,203.0.113.14,67.195.204.72,,,vmta-14,job-7,,yahoo.com/vmta-14,pool-a,${id}\r\n`;
}

export function seqId(n: number): string {
  return `S${String(n).padStart(7, '0')}`;
}

/** Ids handed out and completed, across all writers of a test. */
export class Ledger {
  private n = 0;
  /** Ids of records written completely (terminator included) into some file. */
  readonly complete = new Set<string>();
  next(): number {
    this.n += 1;
    return this.n;
  }
}

export interface WriterOptions {
  /** Write the header line when creating the file. Default true. */
  readonly header?: boolean;
  /** O_APPEND (default). False: write at the writer's own position, like a stale non-append writer. */
  readonly append?: boolean;
}

export class PmtaWriter {
  path: string;
  private fd: number;
  private readonly append: boolean;
  private pos = 0;
  private partial: { id: number; rest: string } | null = null;
  /** Bytes up to the last record terminator written by this writer into its file. */
  completeBytes = 0;
  private readonly ledger: Ledger;

  constructor(ledger: Ledger, path: string, options: WriterOptions = {}) {
    this.ledger = ledger;
    this.path = path;
    this.append = options.append ?? true;
    this.fd = openSync(path, this.append ? 'a' : 'w');
    if (options.header ?? true) this.raw(HEADER, true);
  }

  /** Appends `n` complete records; returns their sequence numbers. */
  write(n = 1): number[] {
    const out: number[] = [];
    for (let i = 0; i < n; i++) {
      if (this.partial !== null) this.completePartial();
      const k = this.ledger.next();
      this.raw(recordLine(k), true);
      this.ledger.complete.add(seqId(k));
      out.push(k);
    }
    return out;
  }

  /** Writes the first part of a record (no terminator). */
  writePartial(cut = 0.5): number {
    if (this.partial !== null) this.completePartial();
    const k = this.ledger.next();
    const line = recordLine(k);
    const at = Math.max(1, Math.min(line.length - 1, Math.floor(line.length * cut)));
    this.raw(line.slice(0, at), false);
    this.partial = { id: k, rest: line.slice(at) };
    return k;
  }

  /** Appends raw bytes; `completed` lists the sequence numbers whose records these bytes complete. */
  writeBytes(bytes: Buffer, completed: readonly number[] = []): void {
    if (this.append) writeSync(this.fd, bytes);
    else writeSync(this.fd, bytes, 0, bytes.length, this.pos);
    this.pos += bytes.length;
    if (bytes.lastIndexOf(0x0a) >= 0) this.completeBytes = this.append ? fstatSync(this.fd).size - (bytes.length - 1 - bytes.lastIndexOf(0x0a)) : this.pos;
    for (const k of completed) this.ledger.complete.add(seqId(k));
  }

  get hasPartial(): boolean {
    return this.partial !== null;
  }

  /** Writes the rest of the pending partial record. */
  completePartial(): number | null {
    const p = this.partial;
    if (p === null) return null;
    this.partial = null;
    this.raw(p.rest, true);
    this.ledger.complete.add(seqId(p.id));
    return p.id;
  }

  /**
   * The rest of the partial record went into another file than its start (copytruncate in between):
   * no complete record carries this id.
   */
  completePartialElsewhere(): void {
    const p = this.partial;
    if (p === null) return;
    this.partial = null;
    this.raw(p.rest, true);
    this.ledger.complete.delete(seqId(p.id));
  }

  /** Bytes written at the writer's own position (non-append writers only). */
  get position(): number {
    return this.pos;
  }

  private raw(text: string, terminated: boolean): void {
    const buf = Buffer.from(text, 'utf8');
    if (this.append) writeSync(this.fd, buf);
    else writeSync(this.fd, buf, 0, buf.length, this.pos);
    this.pos += buf.length;
    if (terminated) this.completeBytes = this.append ? fstatSync(this.fd).size : this.pos;
  }

  /** Renames this writer's file (the descriptor stays open: later writes land in the renamed file). */
  renameTo(path: string): void {
    renameSync(this.path, path);
    this.path = path;
  }

  /** copytruncate: copy the file, then truncate it to 0; this writer keeps writing into it. */
  copyTruncate(copyPath: string): void {
    copyFileSync(this.path, copyPath);
    truncateSync(this.path, 0);
    this.completeBytes = 0;
  }

  close(): void {
    closeSync(this.fd);
  }
}

/** Bytes up to the last `\n` of a file's content (gunzipped when gzip): what a checkpoint must equal. */
export function completeLength(path: string): number {
  let b = readFileSync(path);
  if (b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b) b = gunzipSync(b);
  return b.lastIndexOf(0x0a) + 1;
}
