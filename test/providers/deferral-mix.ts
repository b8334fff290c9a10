/**
 * A synthetic but realistic day of deferral texts for throughput measurements: provider shares of a
 * consumer-heavy list, replies built from the reference texts, with the per-reply variable parts real
 * replies carry (sending IP, recipient address, Gmail's per-reply trailer id, Microsoft's server ids and
 * timestamps). About half the texts are therefore unique, the rest repeat.
 */
export interface MixRecord {
  readonly provider: string;
  readonly text: string;
  readonly status: string;
  readonly bounceCat: string;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Template = (r: Rand) => { readonly text: string; readonly status: string; readonly bounceCat?: string };
interface Rand {
  ip(): string;
  id(length: number): string;
  user(): string;
}

const GOOGLE: readonly Template[] = [
  (r) => ({
    status: '4.7.28',
    text: `421-4.7.28 [${r.ip()}      15] Our system has detected an unusual rate of 421-4.7.28 unsolicited mail originating from your IP address. To protect our users 421-4.7.28 from spam, mail sent from your IP address has been temporarily rate 421-4.7.28 limited. Please visit 421-4.7.28 https://support.google.com/mail/?p=UnsolicitedRateLimitError to 421 4.7.28 review our Bulk Email Senders Guidelines. ${r.id(13)}-${r.id(20)}.${r.id(3)} - gsmtp`,
  }),
  (r) => ({
    status: '4.2.1',
    text: `450-4.2.1 The user you are trying to contact is receiving mail too quickly. Please 450-4.2.1 resend your message at a later time. If the user is able to receive 450 4.2.1 mail at that time, your message will be delivered. ${r.id(13)}-${r.id(20)}.${r.id(3)} - gsmtp`,
  }),
  (r) => ({ status: '4.2.2', text: `452-4.2.2 The recipient's inbox is out of storage space. Please direct the recipient to 452 4.2.2 https://support.google.com/mail/?p=OverQuotaTemp ${r.id(13)}-${r.id(20)}.${r.id(3)} - gsmtp` }),
  () => ({ status: '4.7.0', text: '421 4.7.0 Try again later, closing connection.' }),
];
const YAHOO: readonly Template[] = [
  (r) => ({ status: '4.7.0', text: `421 4.7.0 [TSS04] Messages from ${r.ip()} temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes` }),
  (r) => ({ status: '4.7.0', text: `421 4.7.0 [TSS04] Messages from ${r.ip()} temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes` }),
  () => ({ status: '', text: '421 Max message per connection reached, closing transmission channel' }),
  () => ({ status: '', text: '450 User is receiving mail too quickly' }),
];
const MICROSOFT: readonly Template[] = [
  (r) => ({
    status: '4.7.650',
    text: `451 4.7.650 The mail server [${r.ip()}] has been temporarily rate limited due to IP reputation. For e-mail delivery information, see https://postmaster.live.com (S775) [Name=Protocol Filter Agent][AGT=PFA][MxId=${r.id(16).toUpperCase()}] [${r.id(4).toUpperCase()}EUR03FT012.eop-EUR03.prod.protection.outlook.com 2026-11-29T14:${r.id(2)}:00.000Z 08DC${r.id(12).toUpperCase()}]`,
  }),
  (r) => ({ status: '4.7.652', text: `451 4.7.652 The mail server [${r.ip()}] has exceeded the maximum number of connections. (S3115)` }),
  (r) => ({ status: '4.7.500', text: `451 4.7.500 Server busy. Please try again later from [${r.ip()}]. (S77719) [${r.id(4).toUpperCase()}EUR03FT012.eop-EUR03.prod.protection.outlook.com]` }),
];
const OTHERS: readonly (readonly [string, Template])[] = [
  ['comcast', (r) => ({ status: '4.1.0', text: `421 4.1.0 ${r.ip()} Throttled - try again later. Please see http://postmaster.comcast.net/smtp-error-codes.php#RL000001` })],
  ['comcast', () => ({ status: '', text: '421 - [Too many sessions opened]' })],
  ['att', () => ({ status: '', text: '450 busy--Please try again later' })],
  ['apple', (r) => ({ status: '4.7.1', text: `421 4.7.1 Messages to ${r.user()}@icloud.com deferred due to excessive volume. Try again later - https://support.apple.com/en-us/HT204137` })],
  ['gmx', (r) => ({ status: '', text: `421-mx.gmx.net (mxgmx017) Nemesis ESMTP Service not available 421 Too many connections from ${r.ip()}.` })],
  ['orange', () => ({ status: '', text: '421 mwinf5c77 ME Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR_999 [999]' })],
  ['other', (r) => ({ status: '4.2.0', text: `450 4.2.0 <${r.user()}@example.org>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/example.org.html` })],
  ['other', (r) => ({ status: '4.7.0', text: `421 4.7.0 Error: too many connections from ${r.ip()}` })],
  ['other', (r) => ({ status: '5.1.1', text: `550 5.1.1 <${r.user()}@example.org>: Recipient address rejected: User unknown in virtual mailbox table`, bounceCat: 'bad-mailbox' })],
  ['other', () => ({ status: '4.4.1', text: 'connection timed out', bounceCat: 'no-answer-from-host' })],
];

export function deferralMix(n: number, seed = 1): MixRecord[] {
  const rnd = mulberry32(seed);
  const ips = Array.from({ length: 40 }, (_, i) => `203.0.113.${10 + i}`);
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const r: Rand = {
    ip: () => ips[Math.floor(rnd() * ips.length)] ?? '203.0.113.10',
    id: (length) => Array.from({ length }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join(''),
    user: () => `user${Math.floor(rnd() * 5_000_000)}`,
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const out: MixRecord[] = [];
  for (let i = 0; i < n; i++) {
    const u = rnd();
    const [provider, template] =
      u < 0.35 ? ['google', pick(GOOGLE)] : u < 0.6 ? ['yahoo', pick(YAHOO)] : u < 0.75 ? ['microsoft', pick(MICROSOFT)] : pick(OTHERS);
    const t = template(r);
    out.push({ provider, text: t.text, status: t.status, bounceCat: t.bounceCat ?? '' });
  }
  return out;
}
