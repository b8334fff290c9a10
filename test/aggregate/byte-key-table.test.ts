import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteKeyTable } from '../../src/aggregate/byte-key-table.js';

const enc = new TextEncoder();

/** A key as the aggregator builds one: three byte ranges of one buffer, plus a salt. */
interface Key {
  readonly parts: readonly [Uint8Array, Uint8Array, Uint8Array];
  readonly salt: number;
}

/**
 * Lays the three parts of a key into a fresh buffer at `offset`, with `gap` filler bytes between the
 * parts (the fields of a record are separated by commas, and the filler must not matter), and returns
 * the buffer with the (s1, e1, s2, e2, s3, e3) of the parts.
 */
function lay(key: Key, offset = 0, gap = 1, filler = 0x2c): [Uint8Array, number, number, number, number, number, number] {
  const [a, b, c] = key.parts;
  const buf = new Uint8Array(offset + a.length + b.length + c.length + 2 * gap + 3).fill(filler);
  let at = offset;
  const s1 = at;
  buf.set(a, at);
  at += a.length;
  const e1 = at;
  at += gap;
  const s2 = at;
  buf.set(b, at);
  at += b.length;
  const e2 = at;
  at += gap;
  const s3 = at;
  buf.set(c, at);
  at += c.length;
  return [buf, s1, e1, s2, e2, s3, at];
}

function get(t: ByteKeyTable, key: Key, offset = 0, gap = 1, filler = 0x2c): number {
  const [b, s1, e1, s2, e2, s3, e3] = lay(key, offset, gap, filler);
  return t.get(b, s1, e1, s2, e2, s3, e3, key.salt);
}

/** get, and on a miss set (the contract: set right after the missed get). Returns the value now stored. */
function getOrSet(t: ByteKeyTable, key: Key, value: number, offset = 0): number {
  const [b, s1, e1, s2, e2, s3, e3] = lay(key, offset);
  const found = t.get(b, s1, e1, s2, e2, s3, e3, key.salt);
  if (found >= 0) return found;
  t.set(b, s1, e1, s2, e2, s3, e3, key.salt, value);
  return value;
}

function key(a: string, b: string, c: string, salt = 0): Key {
  return { parts: [enc.encode(a), enc.encode(b), enc.encode(c)], salt };
}

function refKey(k: Key): string {
  const hex = (u: Uint8Array): string => Buffer.from(u).toString('hex');
  return `${k.salt}|${hex(k.parts[0])}|${hex(k.parts[1])}|${hex(k.parts[2])}`;
}

/**
 * The table's hash, restated here only to find keys whose hashes collide, so that the byte comparison
 * behind an equal hash is exercised (if the table's hash changes, these keys merely stop colliding and
 * the test below still checks lookups, less sharply).
 */
function restatedHash(b: Uint8Array, s1: number, e1: number, s2: number, e2: number, s3: number, e3: number, salt: number): number {
  const M = 0x9e3779b1;
  const mix = (h0: number, s: number, e: number): number => {
    let h = h0;
    let i = s;
    for (const last = e - 3; i < last; i += 4) {
      h = Math.imul(h ^ (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)), M);
      h ^= h >>> 15;
    }
    for (; i < e; i++) h = Math.imul(h ^ b[i]!, M);
    return h;
  };
  let h = mix(Math.imul(0x811c9dc5 ^ salt, M) ^ (e1 - s1), s1, e1);
  h = mix(Math.imul(h ^ (e2 - s2), M), s2, e2);
  h = mix(Math.imul(h ^ (e3 - s3), M), s3, e3);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}

/** Pairs of distinct keys (a long response text with a varying tail, a status, a category) of equal hash. */
function collidingPairs(want: number, prefix: string): [Key, Key][] {
  const seen = new Map<number, number>();
  const pairs: [Key, Key][] = [];
  const mk = (i: number): Key => key(`${prefix} id=${i.toString(36)}`, '4.7.0', 'policy-related', 3);
  for (let i = 0; i < 2_000_000 && pairs.length < want; i++) {
    const k = mk(i);
    const [b, s1, e1, s2, e2, s3, e3] = lay(k);
    const h = restatedHash(b, s1, e1, s2, e2, s3, e3, k.salt);
    const j = seen.get(h);
    if (j === undefined) seen.set(h, i);
    else pairs.push([mk(j), k]);
  }
  return pairs;
}

/** Two splits of the same bytes (a yahoo deferral text) into three ranges whose hashes are equal. */
function collidingSplits(): { bytes: Uint8Array; a: [number, number]; b: [number, number] } {
  for (let k = 0; k < 256; k++) {
    const bytes = enc.encode(`421 4.7.0 [TSS04] Messages from 203.0.113.${k} temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes`);
    const n = bytes.length;
    const seen = new Map<number, [number, number]>();
    for (let i = 0; i <= n; i++) {
      for (let j = i; j <= n; j++) {
        const h = restatedHash(bytes, 0, i, i, j, j, n, 0);
        const other = seen.get(h);
        if (other !== undefined) return { bytes, a: other, b: [i, j] };
        seen.set(h, [i, j]);
      }
    }
  }
  throw new Error('no colliding split found');
}

describe('ByteKeyTable', () => {
  it('keeps keys whose bytes are split differently across the three ranges apart', () => {
    const t = new ByteKeyTable();
    const splits = [
      key('ab', 'c', ''),
      key('a', 'bc', ''),
      key('abc', '', ''),
      key('', 'abc', ''),
      key('', '', 'abc'),
      key('a', 'b', 'c'),
      key('', 'ab', 'c'),
      key('ab', '', 'c'),
    ];
    splits.forEach((k, i) => expect(getOrSet(t, k, 100 + i)).toBe(100 + i));
    expect(t.size).toBe(splits.length);
    splits.forEach((k, i) => expect(get(t, k)).toBe(100 + i));
    // a realistic case: domain "gmail.com" + vmta "vmta-1" is not domain "gmail.co" + vmta "mvmta-1"
    expect(getOrSet(t, key('gmail.com', 'vmta-1', '203.0.113.1'), 7)).toBe(7);
    expect(get(t, key('gmail.co', 'mvmta-1', '203.0.113.1'))).toBe(-1);
    expect(get(t, key('gmail.com', 'vmta-1203.0.113.1', ''))).toBe(-1);
  });

  it('keeps the same bytes split differently apart also when their hashes are equal', () => {
    const { bytes, a, b } = collidingSplits();
    const t = new ByteKeyTable();
    const n = bytes.length;
    expect(t.get(bytes, 0, a[0], a[0], a[1], a[1], n, 0)).toBe(-1);
    t.set(bytes, 0, a[0], a[0], a[1], a[1], n, 0, 1);
    expect(t.get(bytes, 0, b[0], b[0], b[1], b[1], n, 0)).toBe(-1);
    t.set(bytes, 0, b[0], b[0], b[1], b[1], n, 0, 2);
    expect(t.get(bytes, 0, a[0], a[0], a[1], a[1], n, 0)).toBe(1);
    expect(t.get(bytes, 0, b[0], b[0], b[1], b[1], n, 0)).toBe(2);
    expect(t.size).toBe(2);
  });

  it('keeps the same bytes under different salts apart', () => {
    const t = new ByteKeyTable();
    const salts = [0, 1, 2, 3, 17, -1, -2, 0x7fffffff, -0x80000000];
    salts.forEach((salt, i) => expect(getOrSet(t, key('421 4.7.0 [TSS04]', '4.7.0', '', salt), i)).toBe(i));
    expect(t.size).toBe(salts.length);
    salts.forEach((salt, i) => expect(get(t, key('421 4.7.0 [TSS04]', '4.7.0', '', salt))).toBe(i));
    expect(get(t, key('421 4.7.0 [TSS04]', '4.7.0', '', 4))).toBe(-1);
  });

  it('finds keys laid in different buffers at different offsets by their bytes', () => {
    const t = new ByteKeyTable();
    const k = key('example.com', 'vmta-pool-a-17', '198.51.100.200');
    expect(getOrSet(t, k, 42, 0)).toBe(42);
    for (const offset of [1, 2, 3, 5, 8, 13, 1000]) {
      for (const gap of [0, 1, 7]) {
        for (const filler of [0x00, 0x2c, 0xff]) expect(get(t, k, offset, gap, filler)).toBe(42);
      }
    }
    // and a key stored from a buffer that is later overwritten is still found (the table copies keys)
    const [b, s1, e1, s2, e2, s3, e3] = lay(key('mx.example.org', 'v', '192.0.2.1'), 3);
    expect(t.get(b, s1, e1, s2, e2, s3, e3, 0)).toBe(-1);
    t.set(b, s1, e1, s2, e2, s3, e3, 0, 9);
    b.fill(0);
    expect(get(t, key('mx.example.org', 'v', '192.0.2.1'))).toBe(9);
    expect(t.bytes).toBe('example.comvmta-pool-a-17198.51.100.200'.length + 'mx.example.orgv192.0.2.1'.length);
  });

  it('finds 60k realistic route keys again with their values after growing and rehashing', () => {
    const t = new ByteKeyTable();
    const keys: Key[] = [];
    const tlds = ['com', 'net', 'org', 'de', 'co.uk', 'com.br', 'fr', 'example'];
    for (let i = 0; i < 60_000; i++) {
      const domain = i % 7 === 0 ? ['gmail.com', 'yahoo.com', 'hotmail.com', 'icloud.com', 'gmx.de', 'comcast.net', 'orange.fr'][i % 6]! : `biz${i}.${tlds[i % tlds.length]!}`;
      const vmta = `vmta-${i % 41}`;
      const ip = i % 11 === 0 ? '' : `203.0.${(i >>> 8) & 255}.${i & 255}`;
      keys.push(key(domain, vmta, ip, i % 3));
    }
    const ref = new Map<string, number>();
    // mismatches collected, not asserted one by one (180k expect calls would dominate the run)
    const wrong: string[] = [];
    keys.forEach((k, i) => {
      const rk = refKey(k);
      const expected = ref.get(rk) ?? i;
      const got = getOrSet(t, k, i);
      if (got !== expected) wrong.push(`insert #${i} ${rk}: ${got} != ${expected}`);
      if (!ref.has(rk)) ref.set(rk, i);
    });
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(t.size).toBe(ref.size);
    expect(ref.size).toBeGreaterThan(50_000);
    let bytes = 0;
    for (const k of new Map(keys.map((k) => [refKey(k), k])).values()) bytes += k.parts[0].length + k.parts[1].length + k.parts[2].length;
    expect(t.bytes).toBe(bytes);
    // every key again, laid at another offset in another buffer
    keys.forEach((k, i) => {
      const got = get(t, k, 1 + (i % 5), 2);
      if (got !== ref.get(refKey(k))) wrong.push(`lookup #${i} ${refKey(k)}: ${got} != ${ref.get(refKey(k))}`);
    });
    expect(wrong.slice(0, 5)).toEqual([]);
    // near misses are absent
    expect(get(t, key('biz1.net', 'vmta-1', '203.0.0.1', 1))).toBe(1);
    expect(get(t, key('biz1.net', 'vmta-1', '203.0.0.1', 0))).toBe(-1);
    expect(get(t, key('biz1.ne', 'tvmta-1', '203.0.0.1', 1))).toBe(-1);
    expect(get(t, key('biz60000.com', 'vmta-0', '', 0))).toBe(-1);
  });

  it('compares every byte of long ranges (response texts), also behind an equal hash', () => {
    const text = `smtp;421 4.7.28 [203.0.113.10] Gmail has detected an unusual rate of mail originating from your IP address. To protect our users from spam, mail sent from your IP address has been temporarily rate limited.`;
    expect(text.length).toBeGreaterThan(200);
    const t = new ByteKeyTable();
    const base = key(text, '4.7.28', 'policy-related', 2);
    expect(getOrSet(t, base, 5)).toBe(5);
    // one byte changed anywhere in the long first range, or the text cut short, is another key
    const bytes = enc.encode(text);
    for (let i = 0; i < bytes.length; i++) {
      const changed = Uint8Array.from(bytes);
      changed[i] = changed[i]! ^ 0x20;
      const variant: Key = { parts: [changed, base.parts[1], base.parts[2]], salt: 2 };
      if (get(t, variant) !== -1) throw new Error(`byte ${i} changed, still found`);
    }
    expect(get(t, key(text.slice(0, -1), '4.7.28', 'policy-related', 2))).toBe(-1);
    expect(get(t, key(text.slice(0, 150), text.slice(150) + '4.7.28', 'policy-related', 2))).toBe(-1);
    expect(get(t, base, 7, 3, 0xff)).toBe(5);
    // keys of equal hash: found apart by their bytes, with long and short first ranges
    const pairs = [...collidingPairs(2, text), ...collidingPairs(1, '550 5.1.1 user unknown')];
    expect(pairs.length).toBe(3);
    for (const [a, b] of pairs) {
      expect(refKey(a)).not.toBe(refKey(b));
      expect(getOrSet(t, a, 100)).toBe(100);
      expect(get(t, b)).toBe(-1);
      expect(getOrSet(t, b, 200)).toBe(200);
      expect(get(t, a, 1)).toBe(100);
      expect(get(t, b, 2)).toBe(200);
      // the same keys under another salt are other keys
      expect(get(t, { ...a, salt: 4 })).toBe(-1);
    }
    expect(t.size).toBe(1 + 2 * pairs.length);
  });

  it('forgets every key on clear() and takes new values for the same keys afterwards', () => {
    const t = new ByteKeyTable();
    const keys = Array.from({ length: 3000 }, (_, i) => key(`d${i}.example`, `vmta-${i % 9}`, `192.0.2.${i % 256}`, i % 4));
    keys.forEach((k, i) => getOrSet(t, k, i));
    expect(t.size).toBe(3000);
    expect(t.bytes).toBeGreaterThan(0);
    t.clear();
    expect(t.size).toBe(0);
    expect(t.bytes).toBe(0);
    for (const k of keys) expect(get(t, k)).toBe(-1);
    keys.forEach((k, i) => expect(getOrSet(t, k, 10_000 + i)).toBe(10_000 + i));
    keys.forEach((k, i) => expect(get(t, k)).toBe(10_000 + i));
    expect(t.size).toBe(3000);
  });

  it('agrees with a Map over random byte keys (zero bytes, bytes >= 0x80, empty ranges)', () => {
    // a few byte values only, so that equal keys, prefixes and differently split keys are frequent
    const byte = fc.oneof(fc.constantFrom(0x00, 0x2c, 0x40, 0x61, 0x62, 0x80, 0xc3, 0xff), fc.integer({ min: 0, max: 255 }));
    // long ranges (response texts run to hundreds of bytes), some sharing a long prefix
    const longText = enc.encode('smtp;550-5.7.1 [203.0.113.10] Our system has detected an unusual rate of unsolicited mail originating from your IP address.');
    const long = fc.oneof(
      fc.uint8Array({ minLength: 60, maxLength: 300 }),
      fc.tuple(fc.nat({ max: longText.length }), fc.array(byte, { maxLength: 4 })).map(([cut, tail]) => Uint8Array.from([...longText.subarray(0, cut), ...tail])),
    );
    const part = fc.oneof(
      { weight: 2, arbitrary: fc.constant(new Uint8Array(0)) },
      { weight: 2, arbitrary: fc.uint8Array({ maxLength: 3 }) },
      { weight: 4, arbitrary: fc.array(byte, { maxLength: 9 }).map((a) => Uint8Array.from(a)) },
      { weight: 2, arbitrary: long },
    );
    const keyArb = fc.record({
      parts: fc.tuple(part, part, part),
      salt: fc.oneof(fc.constantFrom(0, 1, 2), fc.integer({ min: -0x80000000, max: 0x7fffffff })),
    });
    const op = fc.oneof(
      { weight: 12, arbitrary: fc.record({ kind: fc.constant('put' as const), key: fc.nat(), value: fc.nat({ max: 0x7fffffff }), offset: fc.nat({ max: 9 }) }) },
      { weight: 6, arbitrary: fc.record({ kind: fc.constant('get' as const), key: fc.nat(), offset: fc.nat({ max: 9 }), gap: fc.nat({ max: 4 }) }) },
      { weight: 1, arbitrary: fc.constant({ kind: 'clear' as const }) },
    );
    fc.assert(
      fc.property(fc.array(keyArb, { minLength: 1, maxLength: 60 }), fc.array(op, { maxLength: 300 }), (pool, ops) => {
        const t = new ByteKeyTable();
        const ref = new Map<string, number>();
        let bytes = 0;
        for (const o of ops) {
          if (o.kind === 'clear') {
            t.clear();
            ref.clear();
            bytes = 0;
            continue;
          }
          const k = pool[o.key % pool.length]!;
          const rk = refKey(k);
          if (o.kind === 'put') {
            const expected = ref.get(rk) ?? o.value;
            expect(getOrSet(t, k, o.value, o.offset)).toBe(expected);
            if (!ref.has(rk)) {
              ref.set(rk, o.value);
              bytes += k.parts[0].length + k.parts[1].length + k.parts[2].length;
            }
          } else {
            expect(get(t, k, o.offset, o.gap, 0x00)).toBe(ref.get(rk) ?? -1);
          }
          expect(t.size).toBe(ref.size);
          expect(t.bytes).toBe(bytes);
        }
        for (const k of pool) expect(get(t, k, 3, 1, 0xff)).toBe(ref.get(refKey(k)) ?? -1);
      }),
      { numRuns: 300, seed: 20261129 },
    );
  });

  it('stays correct through growth in a property run with many distinct keys', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.uint8Array({ minLength: 0, maxLength: 12 }), { minLength: 600, maxLength: 2500, selector: (u) => Buffer.from(u).toString('hex') }), (raw) => {
        const t = new ByteKeyTable();
        // each byte string is split into three ranges at two points derived from it
        const keys = raw.map((u): Key => {
          const i = u.length === 0 ? 0 : (u[0]! % (u.length + 1));
          const j = i + (u.length === 0 ? 0 : (u[u.length - 1]! % (u.length - i + 1)));
          return { parts: [u.subarray(0, i), u.subarray(i, j), u.subarray(j)], salt: u.length };
        });
        const ref = new Map<string, number>();
        keys.forEach((k, v) => {
          const rk = refKey(k);
          expect(getOrSet(t, k, v)).toBe(ref.get(rk) ?? v);
          if (!ref.has(rk)) ref.set(rk, v);
        });
        expect(t.size).toBe(ref.size);
        for (const k of keys) expect(get(t, k, 2)).toBe(ref.get(refKey(k)));
      }),
      { numRuns: 25, seed: 7 },
    );
  });
});
