/**
 * The WebAssembly line splitter (assembly/split-lines.ts), one instance per thread: cuts a chunk's
 * complete lines and finds their field ends sixteen bytes a step (SIMD), where the JavaScript fast path
 * makes a Buffer#indexOf call per field. Same lines, same field ends (test/accounting/wasm-splitter.test.ts);
 * null where WebAssembly (with SIMD) is not available, and the parser splits in JavaScript.
 */
import { SPLIT_LINES_WASM } from './split-lines-wasm.js';

/** The parts of the WebAssembly API used here (the project's TypeScript libs do not declare it). */
interface WasmApi {
  readonly Module: new (bytes: Uint8Array) => object;
  readonly Instance: new (module: object, imports: object) => { readonly exports: unknown };
}

interface SplitExports {
  readonly memory: { readonly buffer: ArrayBuffer; grow(pages: number): number };
  scan(from: number, len: number, outStart: number, outEnd: number, cap: number, maxRecord: number): number;
  stopped(): number;
}

const PAGE = 64 * 1024;
/** Output bytes per scan call. */
const OUT_BYTES = 1024 * 1024;
/** Bytes kept free after the input: 16-byte loads may read past a line's end. */
const GAP = 64;

export interface LineScan {
  /** Per line: start, contentEnd, next, n, then min(n, cap) field ends (offsets in the chunk). */
  readonly ints: Int32Array<ArrayBuffer>;
  /** Where the scan stopped: the first line it left to the caller, or the chunk's end. */
  readonly stopped: number;
}

export class WasmSplitter {
  readonly #x: SplitExports;
  #len = 0;
  #out = 0;

  constructor(x: SplitExports) {
    this.#x = x;
  }

  /**
   * Copies the chunk into the module's memory. Always: a reader may push the same buffer again with
   * other bytes in it (ReadOptions.reuseBuffers), so the object says nothing about its contents.
   */
  load(b: Uint8Array): void {
    const out = (b.length + GAP + 7) & ~7;
    const need = out + OUT_BYTES;
    const mem = this.#x.memory;
    if (mem.buffer.byteLength < need) mem.grow(Math.ceil((need - mem.buffer.byteLength) / PAGE));
    new Uint8Array(mem.buffer, 0, b.length).set(b);
    this.#len = b.length;
    this.#out = out;
  }

  /** The loaded chunk's lines from `from` on, with at most `cap` field ends each. */
  scan(from: number, cap: number, maxRecord: number): LineScan {
    const end = this.#x.scan(from, this.#len, this.#out, this.#out + OUT_BYTES, cap, maxRecord);
    const stopped = this.#x.stopped();
    // a copy: records keep their field ends after the next scan reuses the output memory
    const ints = new Int32Array(this.#x.memory.buffer.slice(this.#out, end));
    return { ints, stopped };
  }
}

function instantiate(): WasmSplitter | null {
  try {
    const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
    if (api === undefined) return null;
    const module = new api.Module(Buffer.from(SPLIT_LINES_WASM, 'base64'));
    return new WasmSplitter(new api.Instance(module, {}).exports as SplitExports);
  } catch {
    // no SIMD (or no WebAssembly): the JavaScript splitter does the same work
    return null;
  }
}

let splitter: WasmSplitter | null | undefined;

/** This thread's splitter (made on first use), or null without WebAssembly SIMD. */
export function wasmSplitter(): WasmSplitter | null {
  if (splitter === undefined) splitter = instantiate();
  return splitter;
}
