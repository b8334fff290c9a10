/**
 * How a simulated provider answers: at the greeting (connection cap, greeting-level rate limit) and
 * after RCPT TO (block, per-connection cap, complaint deferrals, the hourly limit, recipient noise).
 */
import type { Situation } from '../provider/response-catalog.js';
import { renderTemplate } from '../provider/text-template.js';
import type { Conn, Msg, ProviderIp } from './engine-types.js';
import { activeEpisode, refill } from './provider-ip.js';
import type { Reply } from './record-factory.js';
import type { SimContext } from './sim-context.js';

export type Answer =
  | { readonly kind: 'accept'; readonly reply: Reply }
  | {
      readonly kind: 'refuse';
      readonly situation: Situation;
      readonly reply: Reply;
      /** 5xx: the recipient bounces. */
      readonly permanent: boolean;
      /** The provider ends the session after this reply. */
      readonly closes: boolean;
    };

/** Answer with a text of the situation, or null when the provider has no such text. */
function refuse(ctx: SimContext, pi: ProviderIp, situation: Situation, where: 'greeting' | 'rcpt', rcpt: string, domain: string, closes: boolean): Answer | null {
  const texts = ctx.catalog.texts(pi.providerId, situation, where);
  if (texts.length === 0) return null;
  const t = texts[texts.length === 1 ? 0 : ctx.rng.int(texts.length)];
  if (!t) return null;
  const text = renderTemplate(t.template, { ip: pi.vmta.ip, rcpt, domain, id: randomId(ctx), n: String(100000 + ctx.rng.int(900000)) });
  return { kind: 'refuse', situation, reply: { text, status: t.status, bounceCat: t.bounceCat }, permanent: t.smtpClass === '5', closes };
}

export function randomId(ctx: SimContext): string {
  return (0x40000000 + ctx.rng.int(0x3fffffff)).toString(36) + (0x100000 + ctx.rng.int(0xfffff)).toString(36);
}

/** The greeting: null when the connection is accepted. */
export function greetingAnswer(ctx: SimContext, pi: ProviderIp, domain: string, now: number): Answer | null {
  if (pi.openConns >= pi.connCap) {
    const a = refuse(ctx, pi, 'connections', 'greeting', '', domain, true);
    if (a) return a;
  }
  if (!pi.throttleAtGreeting) return null;
  const episode = activeEpisode(pi, now);
  if (episode === 'reputation') return refuse(ctx, pi, 'reputation', 'greeting', '', domain, true);
  if (refill(pi, now) < 1) return refuse(ctx, pi, 'rate', 'greeting', '', domain, true);
  return null;
}

/** The answer to one message on an open connection. Consumes a token when the message is accepted. */
export function rcptAnswer(ctx: SimContext, conn: Conn, msg: Msg, now: number): Answer {
  const pi = conn.queue.pi;
  const domain = conn.queue.domain.name;
  const episode = activeEpisode(pi, now);
  const provCount = conn.sent - 1;
  const refusal =
    (episode === 'block' ? refuse(ctx, pi, 'block', 'rcpt', msg.rcpt, domain, true) : null) ??
    (provCount >= pi.perConnCap ? refuse(ctx, pi, 'per-connection', 'rcpt', msg.rcpt, domain, true) : null) ??
    (episode === 'reputation' ? refuse(ctx, pi, 'reputation', 'rcpt', msg.rcpt, domain, true) : null) ??
    (refill(pi, now) < 1 ? refuse(ctx, pi, 'rate', 'rcpt', msg.rcpt, domain, true) : null) ??
    recipientAnswer(ctx, pi, msg, domain);
  if (refusal) return refusal;
  pi.tokens -= 1;
  const profile = ctx.rs.profiles[pi.providerId];
  const accept = profile?.accept[0] ?? '250 2.0.0 Ok';
  const text = accept.replace('{id}', randomId(ctx)).replace('{n}', String(ctx.rng.int(1e9)));
  return { kind: 'accept', reply: { text, status: '2.0.0', bounceCat: '' } };
}

/** Unknown users, full mailboxes and greylisting: not the sending IP's doing, no token used. */
function recipientAnswer(ctx: SimContext, pi: ProviderIp, msg: Msg, domain: string): Answer | null {
  switch (msg.kind) {
    case 'ok':
      return null;
    case 'unknown':
      return refuse(ctx, pi, 'unknown-user', 'rcpt', msg.rcpt, domain, false);
    case 'greylist':
      if (msg.attempts > 1) return null;
      return refuse(ctx, pi, 'greylisting', 'rcpt', msg.rcpt, domain, false);
    case 'full':
      if (ctx.rng.chance(0.3)) {
        msg.kind = 'ok';
        return null;
      }
      return refuse(ctx, pi, 'mailbox-full', 'rcpt', msg.rcpt, domain, false);
    default: {
      const unreachable: never = msg.kind;
      return unreachable;
    }
  }
}
