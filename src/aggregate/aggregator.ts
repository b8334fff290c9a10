/**
 * Folds accounting records into aggregate cells per (provider, sending IP, vmta, recipient domain,
 * minute), plus the responses behind deferrals and bounces. Pure: no IO. Mergeable and serialisable,
 * so file workers can each aggregate and the checkpoint can store the result exactly.
 *
 * Attribution (docs/methodology.md "Attribution"):
 * - recipient domain: the part of `rcpt` after the last `@`, lower-cased; `tq` rows use the domain
 *   part of `queue` (`domain/vmta`);
 * - provider: the MX host in `dsnMta` when it matches a provider's MX patterns (a company domain hosted
 *   at Google is Google), else a provider learned for that domain from earlier MX matches, else the
 *   provider owning the recipient domain, else `other`;
 * - sending IP: `dlvSourceIp`; `b` rows carry none (and `tq` rows may carry 0.0.0.0), so theirs is
 *   resolved when cells are read, through the vmta → IP mapping learned from the d/t/tq rows (or given
 *   from a PowerMTA config). A vmta with several IPs resolves to its most used one.
 * - attempts, as PowerMTA's max-msg-rate counts them: every d and t row, and b rows that came from a
 *   remote reply (a dsnMta is named and the category is not `message-expired`).
 */
import { RECORD_TYPES, type AcctRecord, type MalformedReason, type MalformedRecord, type RecordType } from '../domain/accounting-record.js';
import { RESPONSE_CLASSES, RESPONSE_CLASS_INDEX, type ResponseClass } from '../domain/response-class.js';
import { sanitizeText } from '../domain/sanitize-text.js';
import type { ProviderModel } from '../providers/types.js';
import { ParsedRecord } from '../accounting/parse/parsed-record.js';
import { decodeField } from '../accounting/parse/decode-field.js';
import { BLOCK_MASK, CellStore, COL, DENSE, NCLASS, STRIDE } from './cell-store.js';
import { ByteKeyTable } from './byte-key-table.js';
import { IntPairTable } from './int-pair-table.js';
import { Interner } from './interner.js';
import { maskAddresses } from './mask-addresses.js';
import { maskMessageIds } from './mask-message-ids.js';
import type { Cell, IngestSummary, ResponseStat } from './types.js';
import type { AggregateSnapshot } from './snapshot.js';

const MAX_MALFORMED_EXAMPLES = 5;
const MAX_TEXT = 300;

/** Route keys (recipient domain, vmta, source IP) kept before the route table starts afresh. */
const ROUTE_KEYS = 1 << 20;
const ROUTE_BYTES = 32 << 20;
/** Response keys (diagnostic, status, bounce category per provider) kept before starting afresh. */
const TEXT_KEYS = 1 << 15;
/** Ints per route in Aggregator.routes. */
const ROUTE = 6;
const TEXT_BYTES = 4 << 20;
const TYPE_OF_CODE = ['t', 'tq', 'b'] as const;
const TYPE_INDEX = Object.fromEntries(RECORD_TYPES.map((t, i) => [t, i])) as Record<RecordType, number>;
const QUOTE = 0x22;
const AT = 0x40;
const SLASH = 0x2f;
const GT = 0x3e;

interface Route {
  readonly p: number;
  readonly ip: number;
  readonly vmta: number;
  readonly pair: number;
  readonly series: number;
}

interface TextInfo {
  readonly cls: number;
  readonly patternId: string;
  readonly textId: number;
  /** The bounce category it was classified with (an expired bounce is not an attempt). */
  readonly bounceCat: string;
}

interface ResponseAcc {
  provider: number;
  ip: number;
  vmta: number;
  cls: number;
  type: 't' | 'tq' | 'b';
  patternId: string;
  text: string;
  count: number;
  first: number;
  last: number;
}

/** Start of column `col` of a parsed record, or -1 when the record has no such column. */
function fieldStart(r: ParsedRecord, col: number): number {
  if (col < 0 || col >= r.rawCount) return -1;
  return col === 0 ? r.rawStart : (r.rawSeps[r.rawBase + col - 1] as number) + 1;
}

function fieldEnd(r: ParsedRecord, col: number): number {
  return r.rawSeps[r.rawBase + col] as number;
}

export class Aggregator {
  readonly providers = new Interner(['other']);
  readonly ips = new Interner(['']);
  readonly vmtas = new Interner(['']);
  readonly domains = new Interner(['']);
  /** series id -> [provider, ip, vmta, domain] */
  private readonly seriesParts: number[] = [];
  /** (pair, domain) -> series id */
  private readonly seriesIndex = new IntPairTable();
  readonly store = new CellStore();
  private readonly responseMap = new Map<number, ResponseAcc>();
  /**
   * Routes of parsed records by the bytes of (recipient domain, vmta, source IP): route id -> domain,
   * IP and vmta ids, and the provider, pair and series last resolved for it.
   */
  private readonly routeTable = new ByteKeyTable();
  /** Interned ids by the bytes of the value (every value stays interned, so these need no bound). */
  private readonly domainBytes = new ByteKeyTable();
  private readonly ipBytes = new ByteKeyTable();
  private readonly vmtaBytes = new ByteKeyTable();
  /** ROUTE ints per route: domain, IP and vmta ids, then provider, pair and series last resolved. */
  private routes = new Int32Array(ROUTE * 1024);
  private routeCount = 0;
  /** Rows seen per pair (provider, IP, vmta): gives the vmta -> IP mapping. */
  private readonly pairRows: number[] = [];
  /** domain id -> provider id, fixed by the first record of the domain that named an MX host. */
  private domainFixed = new Int32Array(1024).fill(-1);
  /** domain id -> provider id owning the domain name (cache of the model's answer). */
  private domainDefault = new Int32Array(1024).fill(-1);
  private readonly pairParts: number[] = [];
  private readonly pairIndex = new Map<number, number>();
  /** Classified responses of parsed records by the bytes of (dsnDiag, dsnStatus, bounceCat) per provider. */
  private readonly textTable = new ByteKeyTable();
  private textInfos: TextInfo[] = [];
  /** Classified responses by (provider, status, category, grouped text). */
  private readonly classified = new Map<string, TextInfo>();
  private readonly textIds = new Map<string, number>();
  private readonly textValues: string[] = [];
  /** Per series: the minute and row of its last record (-1: none). */
  private lastMinute = new Int32Array(1024).fill(-1);
  private lastRow = new Int32Array(1024);
  /** recipient domain -> provider learned from MX */
  private readonly domainProvider = new Map<string, string>();
  /** Records per type, indexed like RECORD_TYPES. */
  private readonly typeCounts = new Float64Array(RECORD_TYPES.length);
  private readonly malformedByReason = new Map<MalformedReason, number>();
  private readonly malformedExamples: { reason: MalformedReason; file: string; offset: number; line?: number }[] = [];
  private readonly files = new Set<string>();
  private bytes = 0;
  private firstTime = Number.POSITIVE_INFINITY;
  private lastTime = Number.NEGATIVE_INFINITY;

  readonly model: ProviderModel;

  constructor(model: ProviderModel) {
    this.model = model;
  }

  addFile(file: string, bytes: number): void {
    this.files.add(file);
    this.bytes += bytes;
  }

  addMalformed(list: readonly MalformedRecord[]): void {
    for (const m of list) {
      this.malformedByReason.set(m.reason, (this.malformedByReason.get(m.reason) ?? 0) + 1);
      const sameReason = this.malformedExamples.filter((e) => e.reason === m.reason).length;
      if (sameReason < MAX_MALFORMED_EXAMPLES) {
        this.malformedExamples.push(
          m.line === undefined ? { reason: m.reason, file: m.file, offset: m.offset } : { reason: m.reason, file: m.file, offset: m.offset, line: m.line },
        );
      }
    }
  }

  add(records: readonly AcctRecord[]): void {
    for (const r of records) this.addOne(r);
  }

  private addOne(r: AcctRecord): void {
    this.typeCounts[TYPE_INDEX[r.type]]! += 1;
    const t = r.timeLogged;
    if (t < this.firstTime) this.firstTime = t;
    if (t > this.lastTime) this.lastTime = t;
    switch (r.type) {
      case 'd':
      case 't':
      case 'b':
      case 'tq':
        if (!(r instanceof ParsedRecord) || !this.addParsed(r, r.type)) this.addDecoded(r);
        return;
      case 'r':
      case 'f':
      case 'rb':
      case 'rs':
        return;
      default: {
        const never: never = r;
        throw new Error(`unhandled record ${String(never)}`);
      }
    }
  }

  /**
   * The hot path, for records straight from the parser: the route and the response are looked up by
   * the bytes of their fields, so a record whose route and response were seen before costs no string.
   * False (nothing counted) when a key field is quoted: then the decoded path takes the record.
   */
  private addParsed(r: ParsedRecord & AcctRecord, type: 'd' | 't' | 'b' | 'tq'): boolean {
    const b = r.rawBytes;
    const cols = r.rawColumns.index;
    // recipient domain: after the last @ of rcpt (without a closing >), else the queue's domain
    let ds = -1;
    let de = -1;
    if (type !== 'tq') {
      const rs = fieldStart(r, cols.rcpt);
      if (rs >= 0) {
        let re = fieldEnd(r, cols.rcpt);
        if (re > rs) {
          if (b[rs] === QUOTE) return false;
          if (b[re - 1] === GT) re--;
          for (let i = re - 1; i >= rs; i--) {
            if (b[i] === AT) {
              ds = i + 1;
              de = re;
              break;
            }
          }
        }
      }
    }
    let vs = fieldStart(r, cols.vmta);
    let ve = vs < 0 ? 0 : fieldEnd(r, cols.vmta);
    if (vs >= 0 && ve > vs && b[vs] === QUOTE) return false;
    if (ds < 0 || vs < 0 || ve === vs) {
      // the queue (`domain/vmta`) gives what the record lacks
      const qs = fieldStart(r, cols.queue);
      const qe = qs < 0 ? -1 : fieldEnd(r, cols.queue);
      let slash = -1;
      if (qs >= 0 && qe > qs) {
        if (b[qs] === QUOTE) return false;
        slash = b.indexOf(SLASH, qs);
        if (slash >= qe) slash = -1;
      }
      if (ds < 0) {
        ds = qs < 0 ? 0 : qs;
        de = qs < 0 ? 0 : slash >= 0 ? slash : qe;
      }
      if (vs < 0 || ve === vs) {
        vs = slash >= 0 ? slash + 1 : 0;
        ve = slash >= 0 ? qe : 0;
      }
    }
    let is = 0;
    let ie = 0;
    if (type !== 'b') {
      is = fieldStart(r, cols.dlvSourceIp);
      ie = is < 0 ? (is = 0) : fieldEnd(r, cols.dlvSourceIp);
      if (ie > is && b[is] === QUOTE) return false;
    }
    if (this.routeTable.size >= ROUTE_KEYS || this.routeTable.bytes >= ROUTE_BYTES) this.clearRoutes();
    let route = this.routeTable.get(b, ds, de, vs, ve, is, ie, 0);
    if (route < 0) {
      route = this.newRoute();
      const d = this.byteId(this.domainBytes, this.domains, b, ds, de, true);
      this.domainSlots(d);
      const at = route * ROUTE;
      this.routes[at] = d;
      this.routes[at + 1] = this.byteId(this.ipBytes, this.ips, b, is, ie, false);
      this.routes[at + 2] = this.byteId(this.vmtaBytes, this.vmtas, b, vs, ve, false);
      this.routes[at + 3] = -1;
      this.routeTable.set(b, ds, de, vs, ve, is, ie, 0, route);
    }
    const routes = this.routes;
    const at = route * ROUTE;
    const d = routes[at]!;
    let p = this.domainFixed[d]!;
    if (p < 0) {
      const ms = fieldStart(r, cols.dsnMta);
      p = ms < 0 || fieldEnd(r, cols.dsnMta) === ms ? this.defaultProvider(d) : this.providerOfDomainId(d, r.dsnMta);
    }
    if (routes[at + 3] !== p) {
      const ip = routes[at + 1]!;
      const v = routes[at + 2]!;
      routes[at + 3] = p;
      const pair = this.pairId(p, ip, v);
      routes[at + 4] = pair;
      routes[at + 5] = this.series(pair, d);
    }
    const pair = routes[at + 4]!;
    this.pairRows[pair] = (this.pairRows[pair] ?? 0) + 1;
    if (type === 'd') {
      this.countDelivery(this.rowOf(routes[at + 5]!, r.timeLogged), r.dlvSize);
      return true;
    }
    // the response: by the bytes of dsnDiag, dsnStatus and (not for tq) bounceCat, per provider
    const gs = fieldStart(r, cols.dsnDiag);
    const ge = gs < 0 ? 0 : fieldEnd(r, cols.dsnDiag);
    const ss = fieldStart(r, cols.dsnStatus);
    const se = ss < 0 ? 0 : fieldEnd(r, cols.dsnStatus);
    let cs = type === 'tq' ? -1 : fieldStart(r, cols.bounceCat);
    const ce = cs < 0 ? (cs = 0) : fieldEnd(r, cols.bounceCat);
    if (this.textTable.size >= TEXT_KEYS || this.textTable.bytes >= TEXT_BYTES) {
      this.textTable.clear();
      this.textInfos = [];
    }
    let ti = this.textTable.get(b, gs < 0 ? 0 : gs, ge, ss < 0 ? 0 : ss, se, cs, ce, p);
    if (ti < 0) {
      ti = this.textInfos.length;
      const diag = r.dsnDiag;
      this.textInfos.push(this.classifyText(p, diag !== '' ? diag : r.dsnStatusText, r.dsnStatus, type === 'tq' ? '' : r.bounceCat));
      this.textTable.set(b, gs < 0 ? 0 : gs, ge, ss < 0 ? 0 : ss, se, cs, ce, p, ti);
    }
    const row = this.rowOf(routes[at + 5]!, r.timeLogged);
    this.countFailure(row, type, this.textInfos[ti]!, type === 'b' && r.dsnMta !== '', pair, p, routes[at + 1]!, routes[at + 2]!, r.timeLogged);
    return true;
  }

  /** A delivery (`d` row) in cell row `row`. */
  private countDelivery(row: number, size: number | null): void {
    const data = this.store.block(row);
    const base = (row & BLOCK_MASK) * DENSE;
    data[base + COL.attempts]! += 1;
    data[base + COL.delivered]! += 1;
    if (size !== null) data[base + COL.bytes]! += size;
  }

  /**
   * A deferral (`t`), queue failure (`tq`) or bounce (`b`) of class text.cls in cell row `row`, and
   * its response. A bounce is an attempt when a remote MTA answered (`namedMta`) and it did not expire.
   */
  private countFailure(row: number, type: 't' | 'tq' | 'b', text: TextInfo, namedMta: boolean, pair: number, p: number, ip: number, v: number, t: number): void {
    const store = this.store;
    const data = store.block(row);
    const base = (row & BLOCK_MASK) * DENSE;
    if (type === 't') {
      data[base + COL.attempts]! += 1;
      data[base + COL.deferred]! += 1;
      store.addClass(row, COL.deferredByClass - DENSE + text.cls, 1);
      this.addResponse(pair, p, ip, v, text, 0, t);
    } else if (type === 'b') {
      data[base + COL.bounced]! += 1;
      store.addClass(row, COL.bouncedByClass - DENSE + text.cls, 1);
      if (namedMta && text.bounceCat !== 'message-expired') data[base + COL.attempts]! += 1;
      this.addResponse(pair, p, ip, v, text, 2, t);
    } else {
      data[base + COL.queueFailures]! += 1;
      store.addClass(row, COL.queueFailuresByClass - DENSE + text.cls, 1);
      this.addResponse(pair, p, ip, v, text, 1, t);
    }
  }

  /** The same counting for records given as decoded values (any AcctRecord source). */
  private addDecoded(r: AcctRecord): void {
    switch (r.type) {
      case 'd':
      case 't':
      case 'b':
      case 'tq': {
        const domain = r.type === 'tq' ? queueDomain(r.queue) : recipientDomain(r.rcpt, r.queue);
        const route = this.route(r.type === 'b' ? '' : r.dlvSourceIp, r.vmta !== '' ? r.vmta : queueVmta(r.queue), domain, r.dsnMta);
        const row = this.rowOf(route.series, r.timeLogged);
        if (r.type === 'd') {
          this.countDelivery(row, r.dlvSize);
          return;
        }
        const raw = r.dsnDiag !== '' ? r.dsnDiag : r.dsnStatusText;
        const text = this.classifyText(route.p, raw, r.dsnStatus, r.type === 'tq' ? '' : r.bounceCat);
        this.countFailure(row, r.type, text, r.type === 'b' && r.dsnMta !== '', route.pair, route.p, route.ip, route.vmta, r.timeLogged);
        return;
      }
      default:
        return;
    }
  }

  /**
   * Interned id of the value in bytes [s, e) (lower-cased for domains; 0.0.0.0 is no IP), through a
   * table of the bytes so that a value seen before costs no string.
   */
  private byteId(table: ByteKeyTable, interner: Interner, b: Buffer, s: number, e: number, isDomain: boolean): number {
    let id = table.get(b, s, e, 0, 0, 0, 0, 0);
    if (id < 0) {
      const v = decodeField(b, s, e);
      id = interner.id(isDomain ? lower(v) : v === '0.0.0.0' ? '' : v);
      table.set(b, s, e, 0, 0, 0, 0, 0, id);
    }
    return id;
  }

  /** Index of a new route (its ints to be filled in). */
  private newRoute(): number {
    if ((this.routeCount + 1) * ROUTE > this.routes.length) {
      const bigger = new Int32Array(this.routes.length * 2);
      bigger.set(this.routes);
      this.routes = bigger;
    }
    return this.routeCount++;
  }

  private clearRoutes(): void {
    this.routeTable.clear();
    this.routeCount = 0;
  }

  /** Attribution of (source IP, vmta, domain, dsnMta) given as strings. */
  private route(rawIp: string, vmtaName: string, domain: string, dsnMta: string): Route {
    const d = this.domains.id(domain);
    this.domainSlots(d);
    const p = this.providerOfDomainId(d, dsnMta);
    const ip = this.ips.id(rawIp === '0.0.0.0' ? '' : rawIp);
    const vmta = this.vmtas.id(vmtaName);
    const pair = this.pairId(p, ip, vmta);
    this.pairRows[pair] = (this.pairRows[pair] ?? 0) + 1;
    return { p, ip, vmta, pair, series: this.series(pair, d) };
  }

  /** Makes room for domain id d in the per-domain provider arrays. */
  private domainSlots(d: number): void {
    if (d < this.domainFixed.length) return;
    let n = this.domainFixed.length;
    while (n <= d) n *= 2;
    const fixed = new Int32Array(n).fill(-1);
    fixed.set(this.domainFixed);
    const dflt = new Int32Array(n).fill(-1);
    dflt.set(this.domainDefault);
    this.domainFixed = fixed;
    this.domainDefault = dflt;
  }

  private defaultProvider(d: number): number {
    let p = this.domainDefault[d]!;
    if (p < 0) {
      p = this.providers.id(this.model.providerOfDomain(this.domains.value(d)));
      this.domainDefault[d] = p;
    }
    return p;
  }

  /**
   * Provider of a record to domain `d` that names MX host `dsnMta` (non-empty): a domain's provider is
   * fixed by the first MX host seen for it (so a company domain hosted at Google is Google, also on its
   * bounce rows without a dsnMta); before any MX was seen, the provider owning the domain name.
   */
  private providerOfDomainId(d: number, dsnMta: string): number {
    const fixed = this.domainFixed[d]!;
    if (fixed >= 0) return fixed;
    if (dsnMta === '') return this.defaultProvider(d);
    const byMx = this.model.providerOfMx(dsnMta);
    let id: number;
    if (byMx !== null) {
      this.domainProvider.set(this.domains.value(d), byMx);
      id = this.providers.id(byMx);
    } else {
      // the owner, asked of the model right after the MX miss (src/ingest/tracking-model.ts counts on it)
      id = this.providers.id(this.model.providerOfDomain(this.domains.value(d)));
    }
    this.domainFixed[d] = id;
    return id;
  }

  /** Row of (series, minute): the series' last row when the minute is the same (the common case). */
  private rowOf(series: number, t: number): number {
    const minute = Math.floor(t / 60_000);
    if (series >= this.lastMinute.length) this.growLast(series);
    else if (this.lastMinute[series] === minute) return this.lastRow[series]!;
    const row = this.store.row(series, minute);
    this.lastMinute[series] = minute;
    this.lastRow[series] = row;
    return row;
  }

  private growLast(series: number): void {
    let n = this.lastMinute.length;
    while (n <= series) n *= 2;
    const minutes = new Int32Array(n).fill(-1);
    minutes.set(this.lastMinute);
    const rows = new Int32Array(n);
    rows.set(this.lastRow);
    this.lastMinute = minutes;
    this.lastRow = rows;
  }

  /** Series of (pair, recipient domain). */
  private series(pair: number, d: number): number {
    let s = this.seriesIndex.get(pair, d);
    if (s < 0) {
      s = this.seriesParts.length / 4;
      this.seriesParts.push(this.pairParts[pair * 3]!, this.pairParts[pair * 3 + 1]!, this.pairParts[pair * 3 + 2]!, d);
      this.seriesIndex.set(pair, d, s);
    }
    return s;
  }

  private pairId(p: number, ip: number, v: number): number {
    // providers < 2^10, IPs and vmtas < 2^21: one safe integer
    const key = (p * 2 ** 21 + ip) * 2 ** 21 + v;
    let id = this.pairIndex.get(key);
    if (id === undefined) {
      id = this.pairParts.length / 3;
      this.pairParts.push(p, ip, v);
      this.pairIndex.set(key, id);
    }
    return id;
  }

  /**
   * Class, pattern and grouped text of a response. Classified with addresses masked (the grouped
   * text), so a bounce that quotes its recipient is classified once per text, not once per recipient;
   * every example response in the model classifies the same either way (a test keeps that true).
   */
  private classifyText(p: number, raw: string, status: string, bounceCat: string): TextInfo {
    const grouped = normaliseResponse(raw);
    const key = `${p}\u0000${status}\u0000${bounceCat}\u0000${grouped}`;
    let info = this.classified.get(key);
    if (info === undefined) {
      const c = this.model.classify(this.providers.value(p), grouped, status, bounceCat);
      info = { cls: RESPONSE_CLASS_INDEX[c.class], patternId: c.patternId, textId: this.internText(grouped), bounceCat };
      if (this.classified.size >= TEXT_KEYS) this.classified.clear();
      this.classified.set(key, info);
    }
    return info;
  }

  private internText(text: string): number {
    let textId = this.textIds.get(text);
    if (textId === undefined) {
      textId = this.textValues.length;
      this.textValues.push(text);
      this.textIds.set(text, textId);
    }
    return textId;
  }

  private addResponse(pair: number, p: number, ip: number, vmta: number, text: TextInfo, typeCode: 0 | 1 | 2, t: number): void {
    const key = responseKey(pair, text.textId, text.cls, typeCode);
    const acc = this.responseMap.get(key);
    if (acc === undefined) {
      this.responseMap.set(key, {
        provider: p,
        ip,
        vmta,
        cls: text.cls,
        type: TYPE_OF_CODE[typeCode],
        patternId: text.patternId,
        text: this.textValues[text.textId]!,
        count: 1,
        first: t,
        last: t,
      });
    } else {
      acc.count += 1;
      if (t < acc.first) acc.first = t;
      if (t > acc.last) acc.last = t;
    }
  }

  /**
   * Forgets the cells of minutes before `time` (epoch ms) and the responses last seen before it: the
   * retention window of a long-running `watch`. Record, file and malformed counts stay cumulative.
   * Returns the number of cells dropped.
   */
  pruneBefore(time: number): number {
    const minute = Math.floor(time / 60_000);
    const dropped = this.store.dropBefore(minute);
    // the last-row cache may point at moved or dropped rows
    this.lastMinute.fill(-1);
    for (const [key, acc] of this.responseMap) if (acc.last < time) this.responseMap.delete(key);
    return dropped;
  }

  /** vmta id -> (ip id -> rows seen), from the pairs. */
  private vmtaIpCounts(): Map<number, Map<number, number>> {
    const out = new Map<number, Map<number, number>>();
    for (let pair = 0; pair < this.pairParts.length / 3; pair++) {
      const ip = this.pairParts[pair * 3 + 1]!;
      const n = this.pairRows[pair] ?? 0;
      if (ip === 0 || n === 0) continue;
      const v = this.pairParts[pair * 3 + 2]!;
      let m = out.get(v);
      if (m === undefined) {
        m = new Map();
        out.set(v, m);
      }
      m.set(ip, (m.get(ip) ?? 0) + n);
    }
    return out;
  }

  /** vmta name -> IPs learned from the data, most used first. */
  vmtaIps(): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const [v, ips] of this.vmtaIpCounts()) {
      const sorted = [...ips.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([ip]) => this.ips.value(ip));
      out.set(this.vmtas.value(v), sorted);
    }
    return out;
  }

  private ipResolver(extra?: ReadonlyMap<string, readonly string[]>): (ip: number, vmta: number) => string {
    const learned = this.vmtaIps();
    return (ip, vmta) => {
      if (ip !== 0) return this.ips.value(ip);
      const name = this.vmtas.value(vmta);
      return learned.get(name)?.[0] ?? extra?.get(name)?.[0] ?? '';
    };
  }

  /**
   * Every cell, with IPs resolved. Cells whose IP was resolved through the vmta mapping are merged into
   * the cell of the same key. Sorted by provider, IP, vmta, domain, minute (deterministic).
   */
  cells(options: { vmtaIps?: ReadonlyMap<string, readonly string[]> } = {}): Cell[] {
    const resolve = this.ipResolver(options.vmtaIps);
    // 1. the final identity of each series (a series whose IP resolves through its vmta joins the
    //    series of that IP), then the final series in sorted order: O(series log series).
    const finals: { provider: string; sourceIp: string; vmta: string; domain: string; sources: number }[] = [];
    const finalOf = new Int32Array(this.seriesParts.length / 4);
    const byKey = new Map<string, number>();
    for (let s = 0; s < finalOf.length; s++) {
      const provider = this.providers.value(this.seriesParts[s * 4]!);
      const sourceIp = resolve(this.seriesParts[s * 4 + 1]!, this.seriesParts[s * 4 + 2]!);
      const vmta = this.vmtas.value(this.seriesParts[s * 4 + 2]!);
      const domain = this.domains.value(this.seriesParts[s * 4 + 3]!);
      const key = `${provider}\u0000${sourceIp}\u0000${vmta}\u0000${domain}`;
      let f = byKey.get(key);
      if (f === undefined) {
        f = finals.length;
        finals.push({ provider, sourceIp, vmta, domain, sources: 0 });
        byKey.set(key, f);
      }
      finals[f]!.sources += 1;
      finalOf[s] = f;
    }
    const order = finals.map((_, i) => i).sort((x, y) => {
      const a = finals[x]!;
      const b = finals[y]!;
      return cmp(a.provider, b.provider) || cmp(a.sourceIp, b.sourceIp) || cmp(a.vmta, b.vmta) || cmp(a.domain, b.domain);
    });
    // 2. rows bucketed by final series (counting sort), each bucket ordered by minute.
    const { store } = this;
    const counts = new Int32Array(finals.length + 1);
    for (let r = 0; r < store.rows; r++) counts[finalOf[store.seriesOf[r]!]! + 1]! += 1;
    for (let i = 0; i < finals.length; i++) counts[i + 1]! += counts[i]!;
    const rowsByFinal = new Int32Array(store.rows);
    const fill = counts.slice(0, finals.length);
    for (let r = 0; r < store.rows; r++) rowsByFinal[fill[finalOf[store.seriesOf[r]!]!]!++] = r;
    const out: MutableCell[] = [];
    const cellOfRow = new Int32Array(store.rows);
    for (const f of order) {
      const id = finals[f]!;
      const rows = byMinute(rowsByFinal.subarray(counts[f]!, counts[f + 1]!), store.minuteOf);
      let last: MutableCell | null = null;
      for (let i = 0; i < rows.length; i++) {
        const r = rows[i]!;
        const minute = store.minuteOf[r]! * 60_000;
        if (last === null || last.minute !== minute) {
          last = emptyCell(id.provider, id.sourceIp, id.vmta, id.domain, minute);
          out.push(last);
        }
        cellOfRow[r] = out.length - 1;
        addTotals(last, store.block(r), (r & BLOCK_MASK) * DENSE);
      }
    }
    store.forEachClass((r, col, n) => {
      if (n === 0) return;
      const c = out[cellOfRow[r]!]!;
      if (col >= COL.bouncedByClass) (c.bouncedByClass = own(c.bouncedByClass))[col - COL.bouncedByClass]! += n;
      else if (col >= COL.queueFailuresByClass) (c.queueFailuresByClass = own(c.queueFailuresByClass))[col - COL.queueFailuresByClass]! += n;
      else (c.deferredByClass = own(c.deferredByClass))[col - COL.deferredByClass]! += n;
    });
    return out;
  }

  /** Responses behind deferrals and bounces, IPs resolved, most frequent first. */
  responses(options: { vmtaIps?: ReadonlyMap<string, readonly string[]> } = {}): ResponseStat[] {
    const resolve = this.ipResolver(options.vmtaIps);
    const merged = new Map<string, ResponseStat & { count: number; first: number; last: number }>();
    for (const a of this.responseMap.values()) {
      const sourceIp = resolve(a.ip, a.vmta);
      const key = `${a.provider}\u0000${sourceIp}\u0000${a.vmta}\u0000${a.cls}\u0000${a.type}\u0000${a.text}`;
      const m = merged.get(key);
      if (m === undefined) {
        merged.set(key, {
          provider: this.providers.value(a.provider),
          sourceIp,
          vmta: this.vmtas.value(a.vmta),
          class: RESPONSE_CLASSES[a.cls]!,
          recordType: a.type,
          patternId: a.patternId,
          text: sanitizeText(a.text, { maxLength: MAX_TEXT }),
          count: a.count,
          first: a.first,
          last: a.last,
        });
      } else {
        m.count += a.count;
        m.first = Math.min(m.first, a.first);
        m.last = Math.max(m.last, a.last);
      }
    }
    return [...merged.values()].sort(
      (x, y) => y.count - x.count || x.provider.localeCompare(y.provider) || x.sourceIp.localeCompare(y.sourceIp) || x.text.localeCompare(y.text),
    );
  }

  summary(): IngestSummary {
    return {
      files: [...this.files].sort(),
      bytes: this.bytes,
      recordsByType: this.recordsByType(),
      malformed: { byReason: Object.fromEntries(this.malformedByReason), examples: [...this.malformedExamples] },
      firstTime: Number.isFinite(this.firstTime) ? this.firstTime : null,
      lastTime: Number.isFinite(this.lastTime) ? this.lastTime : null,
      vmtaIps: Object.fromEntries(this.vmtaIps()),
    };
  }

  private recordsByType(): Partial<Record<RecordType, number>> {
    const out: Partial<Record<RecordType, number>> = {};
    RECORD_TYPES.forEach((t, i) => {
      if (this.typeCounts[i]! > 0) out[t] = this.typeCounts[i]!;
    });
    return out;
  }

  /** timeLogged of the newest record added (epoch ms), or null before any. */
  get latestTime(): number | null {
    return Number.isFinite(this.lastTime) ? this.lastTime : null;
  }

  get recordCount(): number {
    let n = 0;
    for (const v of this.typeCounts) n += v;
    return n;
  }

  get malformedCount(): number {
    let n = 0;
    for (const v of this.malformedByReason.values()) n += v;
    return n;
  }

  /** Plain-data snapshot (JSON-safe) that `merge` and `Aggregator.fromSnapshot` read back exactly. */
  toSnapshot(): AggregateSnapshot {
    const { store } = this;
    const rows = store.allRows();
    for (let r = 0; r < rows.length; r++) rows[r]!.unshift(store.seriesOf[r]!, store.minuteOf[r]!);
    return {
      version: 1,
      providers: [...this.providers.values],
      ips: [...this.ips.values],
      vmtas: [...this.vmtas.values],
      domains: [...this.domains.values],
      series: [...this.seriesParts],
      rows,
      responses: [...this.responseMap.values()].map((a) => ({ ...a })),
      pairRows: this.pairRows.flatMap((n, pair) => (n > 0 ? [[this.pairParts[pair * 3]!, this.pairParts[pair * 3 + 1]!, this.pairParts[pair * 3 + 2]!, n] as const] : [])),
      domainProvider: [...this.domainProvider],
      recordsByType: this.recordsByType(),
      malformedByReason: Object.fromEntries(this.malformedByReason),
      malformedExamples: [...this.malformedExamples],
      files: [...this.files],
      bytes: this.bytes,
      firstTime: Number.isFinite(this.firstTime) ? this.firstTime : null,
      lastTime: Number.isFinite(this.lastTime) ? this.lastTime : null,
    };
  }

  static fromSnapshot(snapshot: AggregateSnapshot, model: ProviderModel): Aggregator {
    const a = new Aggregator(model);
    a.merge(snapshot);
    return a;
  }

  /** Adds another aggregate (from a worker, a file, a checkpoint) into this one. */
  merge(s: AggregateSnapshot): void {
    const p = s.providers.map((x) => this.providers.id(x));
    const ip = s.ips.map((x) => this.ips.id(x));
    const v = s.vmtas.map((x) => this.vmtas.id(x));
    const d = s.domains.map((x) => this.domains.id(x));
    const seriesMap: number[] = [];
    for (let i = 0; i < s.series.length; i += 4) {
      seriesMap.push(this.series(this.pairId(p[s.series[i]!]!, ip[s.series[i + 1]!]!, v[s.series[i + 2]!]!), d[s.series[i + 3]!]!));
    }
    for (const values of s.rows) {
      const row = this.store.row(seriesMap[values[0]!]!, values[1]!);
      for (let i = 0; i < STRIDE; i++) if (values[i + 2] !== 0) this.store.add(row, i, values[i + 2]!);
    }
    for (const r of s.responses) {
      const pp = p[r.provider]!;
      const ii = ip[r.ip]!;
      const vv = v[r.vmta]!;
      const key = responseKey(this.pairId(pp, ii, vv), this.internText(r.text), r.cls, TYPE_OF_CODE.indexOf(r.type));
      const acc = this.responseMap.get(key);
      if (acc === undefined) this.responseMap.set(key, { ...r, provider: pp, ip: ii, vmta: vv });
      else {
        acc.count += r.count;
        acc.first = Math.min(acc.first, r.first);
        acc.last = Math.max(acc.last, r.last);
      }
    }
    for (const [pp, ii, vv, n] of s.pairRows) {
      const pair = this.pairId(p[pp]!, ip[ii]!, v[vv]!);
      this.pairRows[pair] = (this.pairRows[pair] ?? 0) + n;
    }
    for (const [dom, prov] of s.domainProvider) {
      if (this.domainProvider.has(dom)) continue;
      this.domainProvider.set(dom, prov);
      const dd = this.domains.id(dom);
      this.domainSlots(dd);
      if (this.domainFixed[dd]! < 0) this.domainFixed[dd] = this.providers.id(prov);
    }
    for (const [t, n] of Object.entries(s.recordsByType)) {
      this.typeCounts[TYPE_INDEX[t as RecordType]]! += n ?? 0;
    }
    for (const [reason, n] of Object.entries(s.malformedByReason)) {
      this.malformedByReason.set(reason as MalformedReason, (this.malformedByReason.get(reason as MalformedReason) ?? 0) + (n ?? 0));
    }
    for (const e of s.malformedExamples) {
      if (this.malformedExamples.filter((x) => x.reason === e.reason).length < MAX_MALFORMED_EXAMPLES) this.malformedExamples.push({ ...e });
    }
    for (const f of s.files) this.files.add(f);
    this.bytes += s.bytes;
    if (s.firstTime !== null && s.firstTime < this.firstTime) this.firstTime = s.firstTime;
    if (s.lastTime !== null && s.lastTime > this.lastTime) this.lastTime = s.lastTime;
  }
}

/** Rows ordered by minute: as they are when already in order (rows are made in time order), else sorted. */
function byMinute(rows: Int32Array, minuteOf: Int32Array): ArrayLike<number> {
  for (let i = 1; i < rows.length; i++) {
    if (minuteOf[rows[i]!]! < minuteOf[rows[i - 1]!]!) return Array.from(rows).sort((x, y) => minuteOf[x]! - minuteOf[y]!);
  }
  return rows;
}

/** pair < 2^21, text < 2^21, class < 2^4, type < 2^2: a safe integer key. */
function responseKey(pair: number, textId: number, cls: number, typeCode: number): number {
  return ((pair * 2 ** 21 + textId) * 16 + cls) * 4 + typeCode;
}

type MutableCell = { -readonly [K in keyof Cell]: Cell[K] extends readonly number[] ? number[] : Cell[K] };

function emptyCell(provider: string, sourceIp: string, vmta: string, domain: string, minute: number): MutableCell {
  return {
    provider,
    sourceIp,
    vmta,
    domain,
    minute,
    attempts: 0,
    delivered: 0,
    deferred: 0,
    bounced: 0,
    queueFailures: 0,
    bytes: 0,
    // shared until a count is added (most cells see one kind of failure, or none)
    deferredByClass: NO_COUNTS,
    queueFailuresByClass: NO_COUNTS,
    bouncedByClass: NO_COUNTS,
  };
}

/** The per-class counts of a cell that has none (frozen: never written). */
const NO_COUNTS = Object.freeze(new Array<number>(NCLASS).fill(0)) as number[];

function own(counts: number[]): number[] {
  return counts === NO_COUNTS ? new Array<number>(NCLASS).fill(0) : counts;
}

/** Adds a row's dense totals (the block of the row, at its offset) to a cell. */
function addTotals(c: MutableCell, data: Uint32Array, base: number): void {
  c.attempts += data[base + COL.attempts]!;
  c.delivered += data[base + COL.delivered]!;
  c.deferred += data[base + COL.deferred]!;
  c.bounced += data[base + COL.bounced]!;
  c.queueFailures += data[base + COL.queueFailures]!;
  c.bytes += data[base + COL.bytes]!;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Domain part of the recipient, lower-cased; the queue's domain when there is no recipient. */
export function recipientDomain(rcpt: string, queue: string): string {
  const at = rcpt.lastIndexOf('@');
  if (at >= 0) {
    let end = rcpt.length;
    if (rcpt.charCodeAt(end - 1) === 62 /* > */) end -= 1;
    return lower(rcpt.slice(at + 1, end));
  }
  return queueDomain(queue);
}

export function queueDomain(queue: string): string {
  const slash = queue.indexOf('/');
  return lower(slash >= 0 ? queue.slice(0, slash) : queue);
}

export function queueVmta(queue: string): string {
  const slash = queue.indexOf('/');
  return slash >= 0 ? queue.slice(slash + 1) : '';
}

function lower(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) return s.toLowerCase();
  }
  return s;
}

/** Response text as grouped: cut to 1,000 characters, addresses replaced by `<address>`, message-unique tokens by `<id>`. */
export function normaliseResponse(raw: string): string {
  const cut = raw.length > 1000 ? raw.slice(0, 1000) : raw;
  return maskMessageIds(maskAddresses(cut));
}

export type { ResponseClass };
