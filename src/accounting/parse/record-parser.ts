/**
 * The accounting record parser: pure, incremental, byte-level. Push a file's bytes in order and get its
 * records; bad input is counted, never thrown.
 *
 * Fast path: for each line, find the LF with Buffer#indexOf and split the fields by hopping between
 * commas (split-fields.ts); chunks of 16 KiB or more are cut and split by the WebAssembly splitter
 * (wasm/wasm-splitter.ts), which finds the same lines and field ends sixteen bytes a step. Records
 * that the fast path cannot take whole (they continue in the next chunk, hold a quoted line break, or
 * exceed maxRecordBytes) go through the byte state machine of spanning-record.ts, which gives back the
 * complete record bytes.
 *
 * Records decode their fields lazily from the pushed chunks: the caller must not reuse a pushed chunk's
 * memory while records parsed from it are in use. The parser itself keeps no reference to a chunk
 * after push() returns (the start of a record that continues in the next chunk is copied), so a reader
 * whose consumer is done with a batch's records may read the next bytes into the same memory.
 */
import { isAscii } from 'node:buffer';
import type { MalformedReason } from '../../domain/accounting-record.js';
import type { ParseOutput, ParserOptions, RecordParser } from '../types.js';
import { buildColumnMap, type ColumnMap } from './column-map.js';
import { decodeField, hasHighBytes, isValidUtf8 } from './decode-field.js';
import { parseTimeBytes } from './parse-time.js';
import { ParsedRecord, toAcctRecord } from './parsed-record.js';
import { isHeaderMarker, recordTypeAt } from './record-type.js';
import { SpanningRecord, type SpanSink } from './spanning-record.js';
import { UNCLOSED_QUOTE, splitFields } from './split-fields.js';
import { wasmSplitter, type WasmSplitter } from './wasm/wasm-splitter.js';

export const DEFAULT_MAX_RECORD_BYTES = 1024 * 1024;
/** Most columns a header line may have. */
const HEADER_CAP = 4096;
/** Field-boundary block shared by the records of one push (replaced, never overwritten, when full). */
const SEPS_BLOCK = 64 * 1024;
/** Chunks from this size go through the WebAssembly splitter (below it the copy is not worth it). */
const WASM_MIN_BYTES = 16 * 1024;
/** More columns than this: split in JavaScript (the splitter's output per line would be too large). */
const WASM_MAX_CAP = 256;
const LF = 0x0a;
const CR = 0x0d;
const BOM = [0xef, 0xbb, 0xbf];

function asBuffer(chunk: Uint8Array): Buffer {
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

class AccountingParser implements RecordParser {
  readonly #file: string;
  readonly #span: SpanningRecord;
  readonly #sink: SpanSink;
  #columns: ColumnMap | null;
  #committed: number;
  /** File offset of the next byte to be pushed. */
  #next: number;
  /** 1-based line of the next record; only reported when parsing started at offset 0. */
  #line = 1;
  readonly #linesKnown: boolean;
  /** Bytes held at the start of the file until we know whether they are a UTF-8 BOM. */
  #bomHeld: Buffer | null;
  /** Field ends of the records being cut: this parser's own block, or a WebAssembly scan's output. */
  #seps = new Int32Array(SEPS_BLOCK);
  #k = 0;
  /** The parser's own block and its next free index while #seps is a scan's output. */
  #own = this.#seps;
  #ownK = 0;
  /** Whether the bytes records are being cut from are all ASCII (checked once per push). */
  #ascii = false;
  #out: ParseOutput = { records: [], malformed: [] };
  readonly #wasm: WasmSplitter | null;

  constructor(options: ParserOptions) {
    this.#file = options.file;
    const start = options.startOffset ?? 0;
    this.#committed = start;
    this.#next = start;
    this.#linesKnown = start === 0;
    this.#bomHeld = start === 0 ? Buffer.alloc(0) : null;
    this.#columns = options.header ? buildColumnMap(options.header) : null;
    this.#span = new SpanningRecord(options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES);
    this.#wasm = options.wasm === false ? null : wasmSplitter();
    this.#sink = {
      record: (bytes, contentEnd, offset, line, atEnd) => this.#spanRecord(bytes, contentEnd, offset, line, atEnd),
      malformed: (reason, offset, line) => this.#malformed(reason, offset, line),
      commit: (offset, line) => {
        this.#committed = offset;
        this.#line = line;
      },
    };
  }

  get committedOffset(): number {
    return this.#committed;
  }

  get header(): readonly string[] | null {
    return this.#columns?.names ?? null;
  }

  push(chunk: Uint8Array): ParseOutput {
    const out: ParseOutput = { records: [], malformed: [] };
    this.#out = out;
    let b = asBuffer(chunk);
    if (this.#bomHeld !== null) {
      const held = this.#stripBom(b);
      if (held === null) return out;
      b = held;
    }
    this.#parse(b);
    return out;
  }

  end(): ParseOutput {
    const out: ParseOutput = { records: [], malformed: [] };
    this.#out = out;
    if (this.#bomHeld !== null) {
      const held = this.#bomHeld;
      this.#bomHeld = null;
      this.#parse(held);
    }
    this.#span.finish(this.#sink);
    return out;
  }

  /** Holds the first bytes until three are known; drops a UTF-8 BOM. Null while still undecided. */
  #stripBom(b: Buffer): Buffer | null {
    const held = this.#bomHeld ?? Buffer.alloc(0);
    const all = held.length === 0 ? b : Buffer.concat([held, b]);
    const n = Math.min(all.length, 3);
    let isPrefix = true;
    for (let i = 0; i < n; i++) if (all[i] !== BOM[i]) isPrefix = false;
    if (isPrefix && all.length < 3) {
      this.#bomHeld = Buffer.from(all); // a copy: the chunk's memory may be reused
      return null;
    }
    this.#bomHeld = null;
    if (!isPrefix) return all;
    this.#next += 3;
    return all.subarray(3);
  }

  #parse(b: Buffer): void {
    this.#ascii = isAscii(b);
    const base = this.#next;
    this.#next += b.length;
    let p = 0;
    if (this.#span.active) {
      p = this.#span.feed(b, 0, b.length, base, this.#sink);
      if (p < 0) return;
    }
    this.#fast(b, p, base);
  }

  #fast(b: Buffer, from: number, base: number): void {
    const len = b.length;
    let p = from;
    const wasm = len - from >= WASM_MIN_BYTES ? this.#wasm : null;
    wasm?.load(b);
    while (p < len) {
      if (wasm !== null) {
        p = this.#wasmLines(wasm, b, p, base);
        if (p >= len) return;
      }
      if (b[p] === 0) {
        while (p < len && b[p] === 0) p++;
        this.#committed = base + p;
        continue;
      }
      const lf = b.indexOf(LF, p);
      if (lf < 0 || lf - p >= this.#span.maxRecordBytes) {
        p = this.#slow(b, p, base);
        if (p < 0) return;
        continue;
      }
      let e = lf;
      if (e > p && b[e - 1] === CR) e--;
      if (e > p) {
        const cap = this.#reserve();
        const n = splitFields(b, p, e, this.#seps, this.#k, cap);
        if (n === UNCLOSED_QUOTE) {
          p = this.#slow(b, p, base);
          if (p < 0) return;
          continue;
        }
        this.#emit(b, p, e, n, cap, base + p, this.#line, false);
      }
      p = lf + 1;
      this.#line++;
      this.#committed = base + p;
    }
  }

  /**
   * The lines from b[p] on that the WebAssembly splitter cut: the same lines and field ends the loop
   * in #fast finds, handed to #emit the same way. Returns the first position left to that loop.
   */
  #wasmLines(wasm: WasmSplitter, b: Buffer, p: number, base: number): number {
    const cap = this.#columns === null ? HEADER_CAP : this.#columns.names.length;
    if (cap > WASM_MAX_CAP) return p;
    const { ints, stopped } = wasm.scan(p, cap, this.#span.maxRecordBytes);
    if (this.#seps === this.#own) this.#ownK = this.#k;
    const columns = this.#columns;
    let q = 0;
    while (q < ints.length) {
      const s = ints[q]!;
      const e = ints[q + 1]!;
      const next = ints[q + 2]!;
      const n = ints[q + 3]!;
      if (e > s) {
        this.#seps = ints;
        this.#k = q + 4;
        this.#emit(b, s, e, n, cap, base + s, this.#line, false);
      }
      this.#line++;
      this.#committed = base + next;
      q += 4 + Math.min(n, cap);
      // a header line changed the columns: the lines after it are split again with their count
      if (this.#columns !== columns) return next;
    }
    return stopped;
  }

  /** Hands the record starting at b[p] to the state machine; index after it, or -1 (needs more). */
  #slow(b: Buffer, p: number, base: number): number {
    this.#span.begin(base + p, this.#line, this.#columns?.timeIsSecond ?? true);
    return this.#span.feed(b, p, b.length, base, this.#sink);
  }

  /** Makes room for one record's field boundaries; returns how many may be stored. */
  #reserve(): number {
    const cap = this.#columns === null ? HEADER_CAP : this.#columns.names.length;
    if (this.#seps !== this.#own) {
      // back from a WebAssembly scan's output (its records keep it) to the parser's own block
      this.#seps = this.#own;
      this.#k = this.#ownK;
    }
    if (this.#k + cap > this.#seps.length) {
      this.#seps = new Int32Array(Math.max(SEPS_BLOCK, cap));
      this.#own = this.#seps;
      this.#k = 0;
    }
    return cap;
  }

  #spanRecord(bytes: Buffer, contentEnd: number, offset: number, line: number, atEnd: boolean): boolean {
    if (contentEnd === 0) return true;
    const cap = this.#reserve();
    const n = splitFields(bytes, 0, contentEnd, this.#seps, this.#k, cap);
    if (n === UNCLOSED_QUOTE) {
      this.#malformed('truncated', offset, line);
      return false;
    }
    const chunkAscii = this.#ascii;
    this.#ascii = isAscii(bytes);
    const consumed = this.#emit(bytes, 0, contentEnd, n, cap, offset, line, atEnd);
    this.#ascii = chunkAscii;
    return consumed;
  }

  /**
   * One complete line of n fields at [s, e) in b: a header, a record or a malformed record. False only
   * when a last line without terminator is incomplete (then it is not consumed).
   */
  #emit(b: Buffer, s: number, e: number, n: number, cap: number, offset: number, line: number, atEnd: boolean): boolean {
    const seps = this.#seps;
    const k = this.#k;
    const end0 = seps[k] ?? e;
    if (isHeaderMarker(b, s, end0)) {
      this.#header(b, s, e, n, cap);
      return true;
    }
    const columns = this.#columns;
    if (columns === null) return this.#malformed('no-header', offset, line);
    if (n > columns.names.length) return this.#malformed('field-count', offset, line);
    if (atEnd && n < columns.names.length) {
      this.#malformed('truncated', offset, line);
      return false;
    }
    const type = recordTypeAt(b, s, end0);
    if (type === null) return this.#malformed(this.#utf8Reason(b, s, end0, 'unknown-type'), offset, line);
    const tc = columns.index.timeLogged;
    if (tc < 0 || tc >= n) return this.#malformed('bad-time', offset, line);
    const ts = tc === 0 ? s : (seps[k + tc - 1] ?? 0) + 1;
    const te = seps[k + tc] ?? ts;
    const time = parseTimeBytes(b, ts, te);
    if (Number.isNaN(time)) return this.#malformed(this.#utf8Reason(b, ts, te, 'bad-time'), offset, line);
    this.#out.records.push(toAcctRecord(new ParsedRecord(type, time, this.#file, offset, b, s, seps, k, n, columns, this.#ascii)));
    this.#k = k + n;
    return true;
  }

  #header(b: Buffer, s: number, e: number, n: number, cap: number): void {
    let seps = this.#seps;
    let k = this.#k;
    if (n > cap) {
      seps = new Int32Array(Math.min(n, HEADER_CAP));
      k = 0;
      splitFields(b, s, e, seps, 0, seps.length);
    }
    const names: string[] = [];
    for (let i = 0; i < Math.min(n, HEADER_CAP); i++) {
      const fs = i === 0 ? s : (seps[k + i - 1] ?? 0) + 1;
      names.push(decodeField(b, fs, seps[k + i] ?? fs).trim());
    }
    this.#columns = buildColumnMap(names);
  }

  /** `invalid-utf8` when the field we had to interpret is not valid UTF-8, else `fallback`. */
  #utf8Reason(b: Buffer, s: number, e: number, fallback: MalformedReason): MalformedReason {
    return hasHighBytes(b, s, e) && !isValidUtf8(b, s, e) ? 'invalid-utf8' : fallback;
  }

  /** Counts a malformed record; true because the bad record is consumed all the same. */
  #malformed(reason: MalformedReason, offset: number, line: number): true {
    this.#out.malformed.push(
      this.#linesKnown ? { reason, file: this.#file, offset, line } : { reason, file: this.#file, offset },
    );
    return true;
  }
}

/** A parser for one file's bytes (see RecordParser in ../types.ts). */
export function createRecordParser(options: ParserOptions): RecordParser {
  return new AccountingParser(options);
}
