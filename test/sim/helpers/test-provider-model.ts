/**
 * A small provider model built with the real contract (src/providers/types.ts), with real response
 * texts from docs/powermta-reference.md, for testing the simulator independently of models/providers.
 */
import type { ResponseClass } from '../../../src/domain/response-class.js';
import type { Classification, Provider, ProviderModel, ResponsePattern } from '../../../src/providers/types.js';

type Spec = readonly [id: string, cls: ResponseClass, regex: RegExp, example: string];

const p = (provider: string, specs: readonly Spec[]): ResponsePattern[] =>
  specs.map(([id, cls, regex, example], i) => ({ id, class: cls, regex, example, source: `test:${provider}#${i}` }));

const PROVIDERS: Provider[] = [
  {
    id: 'google',
    name: 'Google',
    domains: ['gmail.com', 'googlemail.com'],
    mxPatterns: ['*.google.com'],
    limits: { connections: 5, perConnection: 50 },
    responses: p('google', [
      ['google-4.7.28', 'rate', /4\.7\.28/, '421 4.7.28 [192.0.2.1] Gmail has detected an unusual rate of unsolicited mail originating from your IP address. To protect our users from spam, mail sent from your IP address has been temporarily rate limited. https://support.google.com/mail/?p=UnsolicitedRateLimitError - gsmtp'],
      ['google-low-reputation', 'reputation', /very low reputation/i, '421 4.7.0 This message is suspicious due to the very low reputation of the sending IP address. To protect our users from spam, mail sent from your IP address has been temporarily rate limited. - gsmtp'],
      ['google-blocked', 'block', /has been blocked/i, '550 5.7.1 [192.0.2.1] Our system has detected an unusual rate of unsolicited mail originating from your IP address. To protect our users from spam, mail sent from your IP address has been blocked. - gsmtp'],
      ['google-try-later', 'connections', /Try again later, closing connection/i, '421 4.7.0 Try again later, closing connection. - gsmtp'],
    ]),
  },
  {
    id: 'yahoo',
    name: 'Yahoo',
    domains: ['yahoo.com', 'aol.com', 'ymail.com'],
    mxPatterns: ['*.yahoodns.net'],
    limits: { perConnection: 20 },
    responses: p('yahoo', [
      ['yahoo-tss04', 'rate', /\[TSS04\]/, '421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes'],
      ['yahoo-ts01', 'reputation', /\[TS01\]/, '421 4.7.0 [TS01] Messages from 192.0.2.1 temporarily deferred due to user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes'],
      ['yahoo-max-per-conn', 'per-connection', /Max message per connection/i, '421 Max message per connection reached, closing transmission channel'],
      ['yahoo-bl21', 'block', /\[BL2\d\]/, "553 5.7.1 [BL21] Connections will not be accepted from 192.0.2.1, because the ip is in Spamhaus's list; see https://postmaster.yahooinc.com/error-codes"],
    ]),
  },
  {
    id: 'microsoft',
    name: 'Microsoft',
    domains: ['hotmail.com', 'outlook.com', 'live.com', 'msn.com'],
    mxPatterns: ['*.olc.protection.outlook.com'],
    limits: {},
    responses: p('microsoft', [
      ['ms-s775', 'rate', /4\.7\.650/, '451 4.7.650 The mail server [192.0.2.1] has been temporarily rate limited due to IP reputation. For e-mail delivery information, see https://postmaster.live.com (S775)'],
      ['ms-s3115', 'connections', /S3115/, '451 4.7.652 The mail server [192.0.2.1] has exceeded the maximum number of connections. (S3115)'],
      ['ms-mpc', 'per-connection', /messages per connection/i, '421 4.7.0 The mail server [192.0.2.1] has exceeded maximum number of messages per connection'],
      ['ms-s3150', 'block', /S3150/, "550 5.7.1 Unfortunately, messages from [192.0.2.1] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3150)."],
    ]),
  },
];

const GENERIC: ResponsePattern[] = p('generic', [
  ['generic-too-many-connections', 'connections', /too many connections/i, '421 4.7.0 Error: too many connections from 192.0.2.1'],
  ['generic-too-many-messages', 'per-connection', /too many messages (for|in) this (session|connection)/i, '421 4.7.0 Too many messages for this session'],
  ['generic-try-slower', 'rate', /try again slower/i, '451 4.7.1 Client host rejected: Please try again slower'],
  ['generic-greylisted', 'recipient', /greylist/i, '450 4.2.0 Recipient address rejected: Greylisted'],
]);

function classify(providerId: string, text: string, status: string, bounceCat: string): Classification {
  const own = PROVIDERS.find((x) => x.id === providerId)?.responses ?? [];
  for (const pattern of [...own, ...GENERIC]) if (pattern.regex.test(text)) return { class: pattern.class, patternId: pattern.id };
  if (bounceCat === 'bad-domain' || status === '4.4.1' || status === '5.1.2') return { class: 'invalid-domain', patternId: `status:${status}` };
  if (status.startsWith('5.1.') || status.startsWith('4.2.') || status.startsWith('5.2.')) return { class: 'recipient', patternId: `status:${status}` };
  return { class: 'other', patternId: 'default' };
}

export function testProviderModel(): ProviderModel {
  return {
    providers: PROVIDERS,
    generic: GENERIC,
    providerOfDomain: (domain) => PROVIDERS.find((x) => x.domains.includes(domain))?.id ?? 'other',
    providerOfMx: (dsnMta) => {
      const host = dsnMta.split(' ')[0] ?? '';
      const hit = PROVIDERS.find((x) => x.mxPatterns.some((g) => host.endsWith(g.slice(1))));
      return hit ? hit.id : null;
    },
    classify,
  };
}
