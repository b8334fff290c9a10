// AssemblyScript source of the WebAssembly line splitter used by src/accounting/parse/record-parser.ts
// (see src/accounting/parse/wasm/wasm-splitter.ts). `npm run build:wasm` compiles it into
// src/accounting/parse/wasm/split-lines-wasm.ts (the module's bytes, base64; committed).
//
// Memory: the caller copies a chunk of accounting bytes to [0, len), keeps at least 16 bytes after
// it (16-byte loads may read past the end of a line), and reserves [outStart, outEnd) for the output.
// scan() cuts complete lines from `from` on, exactly as record-parser.ts's JavaScript fast path does:
// LF ends a line and a CR before it is dropped; a `"` at the start of a field opens a quoted field in
// which `""` is a quote and a lone `"` closes it; fields end at commas. Per line it writes, as i32:
//   start, contentEnd, next (after the LF), n (field count), then min(n, cap) field ends.
// It stops before a line it leaves to the JavaScript parser (no LF in the chunk, as long as maxRecord
// or longer, a NUL byte at its start, a quote still open at its end) or when the output is full;
// stopped() tells where.

let stoppedAt: i32 = 0;

export function stopped(): i32 {
  return stoppedAt;
}

// First index of the needle's byte in [from, e), or e, sixteen bytes a step.
@inline function nextByte(from: i32, e: i32, needle: v128): i32 {
  let i = from;
  while (i < e) {
    const m = i8x16.bitmask(i8x16.eq(v128.load(i), needle));
    if (m != 0) {
      const k = i + ctz<i32>(m);
      return k < e ? k : e;
    }
    i += 16;
  }
  return e;
}

export function scan(from: i32, len: i32, outStart: i32, outEnd: i32, cap: i32, maxRecord: i32): i32 {
  const LFS = i8x16.splat(10);
  const COMMAS = i8x16.splat(44);
  const QUOTES = i8x16.splat(34);
  let p = from;
  let o = outStart;
  const need = (4 + cap) << 2;
  while (p < len) {
    if (o + need > outEnd) break;
    if (load<u8>(p) == 0) break;
    const lf = nextByte(p, len, LFS);
    if (lf >= len || lf - p >= maxRecord) break;
    let e = lf;
    if (e > p && load<u8>(e - 1) == 13) e--;
    let n = 0;
    if (e > p) {
      let i = p;
      let open = false;
      while (true) {
        if (i < e && load<u8>(i) == 34) {
          let j = i + 1;
          while (true) {
            j = nextByte(j, e, QUOTES);
            if (j >= e) {
              open = true;
              break;
            }
            if (j + 1 < e && load<u8>(j + 1) == 34) {
              j += 2;
              continue;
            }
            break;
          }
          if (open) break;
          i = j + 1;
        }
        const c = nextByte(i, e, COMMAS);
        if (n < cap) store<i32>(o + 16 + (n << 2), c);
        n++;
        if (c >= e) break;
        i = c + 1;
      }
      if (open) break;
    }
    store<i32>(o, p);
    store<i32>(o + 4, e);
    store<i32>(o + 8, lf + 1);
    store<i32>(o + 12, n);
    o += 16 + (min(n, cap) << 2);
    p = lf + 1;
  }
  stoppedAt = p;
  return o;
}
