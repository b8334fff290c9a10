import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadDefaultProviderModelSync } from '../../src/providers/load-provider-model-io.js';
import { matchText } from '../../src/providers/match-text.js';
import { mayMatch, requiredLiterals } from '../../src/providers/required-literals.js';
import { REFERENCE_CASES } from './reference-responses.js';

describe('requiredLiterals', () => {
  it.each([
    [/\[TSS04\]/i, ['[tss04]']],
    [/Max message per connection reached/i, ['max message per connection reached']],
    [/^5\d\d\b[\s\S]*unusual rate of (?:unsolicited )?mail/i, ['unusual rate of ']],
    [/\bRL0000\d\d\b|Throttled - try again later/i, ['rl0000', 'throttled - try again later']],
    [/colou?r scheme/i, ['r scheme']],
    [/résumé/i, ['sum']],
    [/(?:Ip|Connection) frequency limited/i, [' frequency limited']],
    [/a{2,3}bcd/i, ['bcd']],
    [/Service refus[eé]/i, ['service refus']],
    [/CaseSensitive/, ['CaseSensitive']],
  ] as const)('%s -> %j', (regex, literals) => {
    expect(requiredLiterals(regex)?.literals).toEqual(literals);
  });

  it('gives up when a branch has no literal of three characters or the syntax is not worth parsing', () => {
    expect(requiredLiterals(/abc|de/i)).toBeNull();
    expect(requiredLiterals(/\u0041bcdef/i)).toBeNull();
    expect(requiredLiterals(/(abc)\1def/i)).toBeNull();
    expect(requiredLiterals(/spam message/iu)).toBeNull();
    expect(requiredLiterals(/éèü|abc/i)).toBeNull();
  });

  it('compares case-insensitively only for /i patterns', () => {
    const cs = requiredLiterals(/ACME-RL/);
    const ci = requiredLiterals(/ACME-RL/i);
    expect(cs && mayMatch(cs, '421 acme-rl', '421 acme-rl')).toBe(false);
    expect(ci && mayMatch(ci, '421 ACME-RL', '421 acme-rl')).toBe(true);
  });
});

describe('the pre-check never hides a match of a shipped pattern', () => {
  const model = loadDefaultProviderModelSync();
  const patterns = [...model.providers.flatMap((p) => p.responses), ...model.generic];
  const seeds = [...patterns.map((p) => p.example ?? ''), ...REFERENCE_CASES.map((c) => c.text)];
  // characters whose case mapping is unusual: Kelvin sign, long s, dotted I, final sigma, micro sign
  const odd = fc.constantFrom('K', 'ſ', 'İ', 'ς', 'µ', 'ß', 'É', '\u00a0', '-', ' ', '421-4.7.0 ');
  const mutate = fc
    .tuple(fc.constantFrom(...seeds), fc.array(fc.tuple(fc.nat(), fc.boolean(), odd), { maxLength: 6 }))
    .map(([seed, edits]) => {
      let s = seed;
      for (const [at, flipCase, ch] of edits) {
        const i = s.length === 0 ? 0 : at % s.length;
        s = flipCase ? s.slice(0, i) + s.slice(i).toUpperCase() : s.slice(0, i) + ch + s.slice(i);
      }
      return s;
    });

  it('for mutated real replies', () => {
    fc.assert(
      fc.property(mutate, (text) => {
        const t = matchText(text);
        const lower = t.toLowerCase();
        for (const p of patterns) {
          const check = requiredLiterals(p.regex);
          if (check !== null && p.regex.test(t)) expect(mayMatch(check, t, lower), `${p.id} on ${t}`).toBe(true);
        }
      }),
      { numRuns: 2000, seed: 7 },
    );
  });

  it('has a pre-check for most shipped patterns', () => {
    const without = patterns.filter((p) => requiredLiterals(p.regex) === null).map((p) => p.id);
    expect(without.length).toBeLessThan(patterns.length / 10);
  });
});
