import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePowerMtaRegex } from '../../src/config/pcre-to-js.js';
import { escapePowerMtaRegex } from '../../src/rules/pcre-escape.js';
import { responseLiteral } from '../../src/rules/response-regex.js';

/** The regex as PowerMTA would compile the line `reply /<regex>/ …`. */
function compiled(regex: string): RegExp {
  const c = compilePowerMtaRegex(regex);
  if (c.regex === null) throw new Error(`${regex}: ${c.error ?? ''}`);
  return c.regex;
}

describe('escapePowerMtaRegex', () => {
  it('escapes brackets, slashes, # and the characters PowerMTA unescapes itself', () => {
    expect(escapePowerMtaRegex('[TSS04]')).toBe('\\[TSS04\\]');
    expect(escapePowerMtaRegex('see https://x/y')).toBe('see https:\\/\\/x\\/y');
    expect(escapePowerMtaRegex('code #5')).toBe('code \\x235');
    expect(escapePowerMtaRegex('a\\b "q"')).toBe('a\\x5cb \\x22q\\x22');
    expect(escapePowerMtaRegex('(S3150) 1.2*3+')).toBe('\\(S3150\\) 1\\.2\\*3\\+');
  });

  it('round-trips: the escaped text, compiled the way PowerMTA does, matches exactly the literal', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), (s) => {
        const re = compiled(escapePowerMtaRegex(s));
        expect(re.test(`xx${s}yy`)).toBe(true);
        expect(escapePowerMtaRegex(s)).not.toMatch(/(^|[^\\])[#/"]/);
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});

describe('responseLiteral', () => {
  const cases: readonly [string, string, string][] = [
    ['421 4.7.0 [TSS04] Messages from 203.0.113.14 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes', '[TSS04]', 'bracket-code'],
    ["550 5.7.1 Unfortunately, messages from [198.51.100.4] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3150).", '(S3150)', 'paren-code'],
    ['421 4.1.0 203.0.113.9 Throttled - try again later. Please see https://postmaster.comcast.net RL000001', 'RL000001', 'token'],
    ['421 4.7.28 [203.0.113.14] Gmail has detected an unusual rate of mail originating from your IP address.', '4.7.28', 'enhanced-status'],
    ['421 Max message per connection reached, closing transmission channel', 'Max message per connection reached, closing', 'phrase'],
    ['421 4.7.0 Too many connections from 203.0.113.9, try later', 'Too many connections from', 'phrase'],
  ];

  it.each(cases)('finds the stable part of %s', (text, literal, kind) => {
    const lit = responseLiteral(text);
    expect(lit).toEqual({ literal, kind });
    expect(compiled(escapePowerMtaRegex(lit!.literal)).test(text)).toBe(true);
  });

  it('gives nothing when only variable parts remain', () => {
    expect(responseLiteral('421 4.7.0 203.0.113.9')).toBeNull();
  });
});
