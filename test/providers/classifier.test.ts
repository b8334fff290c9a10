import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstMatch } from '../../src/providers/classifier.js';
import { loadDefaultProviderModelSync } from '../../src/providers/load-provider-model-io.js';
import { matchText, MAX_MATCH_TEXT } from '../../src/providers/match-text.js';
import { parseProviderModel } from '../../src/providers/parse-provider-model.js';
import { shippedModelFiles } from './model-files.js';
import { REFERENCE_CASES } from './reference-responses.js';

const model = loadDefaultProviderModelSync();

describe('classification order', () => {
  it('tries the provider patterns before the generic ones', () => {
    // "Too many connections" is generic; NetEase has its own pattern for it
    expect(model.classify('netease', '421 Too many connections', '', '').patternId).toBe('netease-too-many-connections');
    expect(model.classify('other', '421 Too many connections', '', '').patternId).toBe('too-many-connections');
  });

  it('keeps provider-specific meanings away from other receivers', () => {
    // QQ's 550 "frequency limited" is a rate limit only at QQ
    expect(model.classify('qq', '550 Ip frequency limited', '', '').class).toBe('rate');
    expect(model.classify('other', '550 Ip frequency limited', '', '')).toEqual({ class: 'other', patternId: 'default' });
  });

  it('treats an unknown provider id like other', () => {
    expect(model.classify('no-such-provider', '421 4.3.2 Connection rate limit exceeded', '', '').patternId).toBe('connection-rate-limit');
    expect(model.classify('no-such-provider', 'connect timed out', '4.4.1', '').class).toBe('invalid-domain');
  });
});

describe('generic patterns in their intended order', () => {
  it.each([
    ['gmx', '421 Too many messages in this connection', 'per-connection', 'messages-per-connection'],
    ['comcast', '421 4.7.0 Too many connections from 203.0.113.12', 'connections', 'too-many-connections'],
    ['other', '450 4.1.8 <bounce@mail.example.com>: Sender address rejected: Domain not found', 'auth', 'sender-domain'],
    ['other', '450 4.1.2 <user@gmial.com>: Recipient address rejected: Domain not found', 'invalid-domain', 'invalid-domain'],
    ['other', '550 5.1.2 Host or domain name not found. Name service error for name=gmial.com type=MX: Host not found', 'invalid-domain', 'invalid-domain'],
    ['other', '550 5.7.1 <user@example.org>: Recipient address rejected: Message rejected due to: SPF fail - not authorized', 'auth', 'authentication'],
    ['other', '550 5.1.1 <user@example.org>: Recipient address rejected: User unknown in virtual mailbox table', 'recipient', 'unknown-user'],
    ['other', '450 4.7.1 Client host rejected: cannot find your reverse hostname, [203.0.113.9]', 'auth', 'authentication'],
    ['other', '554 5.7.1 Service unavailable; Client host [203.0.113.9] blocked using zen.spamhaus.org', 'block', 'blocklisted'],
    ['other', '421 4.7.0 Rate limit exceeded, please try again later', 'rate', 'rate-limited'],
  ] as const)('%s: %s', (provider, text, cls, patternId) => {
    expect(model.classify(provider, text, '', '')).toEqual({ class: cls, patternId });
  });
});

describe('fallbacks when no pattern matches', () => {
  it('uses the enhanced status code, most literal rule first', () => {
    expect(model.classify('other', 'mailbox busy', '4.2.2', '')).toEqual({ class: 'recipient', patternId: 'status:*.2.2' });
    expect(model.classify('other', 'rejected', '5.1.1', '')).toEqual({ class: 'recipient', patternId: 'status:5.1.1' });
    expect(model.classify('other', 'rejected', '5.1.2', '')).toEqual({ class: 'invalid-domain', patternId: 'status:*.1.2' });
    expect(model.classify('other', 'rejected', '5.7.23', '')).toEqual({ class: 'auth', patternId: 'status:*.7.23' });
    expect(model.classify('other', 'x', '5.1.1 (bad destination mailbox address)', '').patternId).toBe('status:5.1.1');
  });

  it('scopes "no answer from host" (4.4.1): a bad domain only where no provider claims the receiver', () => {
    expect(model.classify('other', 'connection timed out', '4.4.1', '')).toEqual({ class: 'invalid-domain', patternId: 'status:other/4.4.1' });
    expect(model.classify('google', 'connection timed out', '4.4.1', '')).toEqual({ class: 'other', patternId: 'status:4.4.1' });
    expect(model.classify('other', '', '', 'no-answer-from-host').class).toBe('invalid-domain');
    expect(model.classify('yahoo', '', '', 'no-answer-from-host').class).toBe('other');
  });

  it('uses the PowerMTA bounce category after the status code', () => {
    expect(model.classify('other', 'rejected', '5.0.0', 'quota-issues')).toEqual({ class: 'recipient', patternId: 'bounce-cat:quota-issues' });
    expect(model.classify('other', 'rejected', '', 'bad-domain').class).toBe('invalid-domain');
    expect(model.classify('other', 'rejected', '5.7.1', 'spam-related').class).toBe('reputation');
    expect(model.classify('other', 'rejected', '4.7.0', 'policy-related')).toEqual({ class: 'other', patternId: 'bounce-cat:policy-related' });
    // the status code wins over the category when both have a rule
    expect(model.classify('other', 'rejected', '4.2.2', 'policy-related').patternId).toBe('status:*.2.2');
  });

  it('ends at other/default', () => {
    expect(model.classify('google', 'something new', '4.7.0', '')).toEqual({ class: 'other', patternId: 'default' });
    expect(model.classify('other', '', '', '')).toEqual({ class: 'other', patternId: 'default' });
  });
});

describe('match text', () => {
  it('removes continuation markers of joined multi-line replies and keeps the first code', () => {
    expect(matchText('smtp;550-5.7.1 Our system has detected an unusual rate of 550-5.7.1 unsolicited mail. 550 5.7.1 Blocked.')).toBe(
      '550-5.7.1 Our system has detected an unusual rate of unsolicited mail. Blocked.',
    );
  });

  it('cuts hostile texts so that matching cost is bounded', () => {
    const long = `421 hello ${'x'.repeat(200_000)} Too many connections`;
    expect(matchText(long).length).toBe(MAX_MATCH_TEXT);
    expect(model.classify('other', long, '', '')).toEqual({ class: 'other', patternId: 'default' });
  });
});

describe('the cache does not change results', () => {
  const texts = [
    ...REFERENCE_CASES.map((c) => c.text),
    ...model.providers.flatMap((p) => p.responses.map((r) => r.example ?? '')),
    ...model.generic.map((g) => g.example ?? ''),
    'unrelated words',
    '',
  ];
  const providers = [...model.providers.map((p) => p.id), 'other'];
  const statuses = ['', '4.2.2', '4.4.1', '5.1.1', '4.7.0', '5.7.1'];
  const cats = ['', 'quota-issues', 'no-answer-from-host', 'spam-related', 'policy-related'];
  const { model: uncachedModel } = parseProviderModel(shippedModelFiles(), { classifyCacheSize: 1 });
  const { model: tinyCacheModel } = parseProviderModel(shippedModelFiles(), { classifyCacheSize: 7 });

  it('gives the same class and pattern with a tiny cache, a large one, and first-match by hand', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...providers),
        fc.constantFrom(...texts),
        fc.constantFrom(...statuses),
        fc.constantFrom(...cats),
        (provider, text, status, cat) => {
          const big = model.classify(provider, text, status, cat);
          expect(tinyCacheModel.classify(provider, text, status, cat)).toEqual(big);
          expect(uncachedModel.classify(provider, text, status, cat)).toEqual(big);
          const own = model.providers.find((p) => p.id === provider)?.responses ?? [];
          const byHand = firstMatch([...own, ...model.generic], matchText(text));
          if (byHand !== null) expect(big).toEqual({ class: byHand.class, patternId: byHand.id });
        },
      ),
      { numRuns: 3000, seed: 20261129 },
    );
  });

  it('keys the cache by provider: the same text can mean different things', () => {
    const text = '550 Connection frequency limited';
    expect(model.classify('qq', text, '', '').class).toBe('rate');
    expect(model.classify('other', text, '', '').class).toBe('other');
    expect(model.classify('qq', text, '', '').class).toBe('rate');
  });
});
