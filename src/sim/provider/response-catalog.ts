/**
 * Which text a simulated provider answers with, by situation. Texts come from the provider model
 * (`responses[].example` of the provider, then the generic patterns) and are kept only when the model
 * classifies them back to the class the situation stands for, so whoever reads the simulated logs with
 * the same model sees the truth. Recipient situations fall back to the profile's own texts.
 */
import type { ResponseClass } from '../../domain/response-class.js';
import type { ProviderModel, ResponsePattern } from '../../providers/types.js';
import { enhancedStatus, replyClass } from '../dsn-status.js';
import type { FallbackKind, ProviderProfile } from '../scenario/scenario-types.js';
import { compileTemplate, renderTemplate, templateFromExample } from './text-template.js';
import type { Template } from './text-template.js';

export const SITUATIONS = ['rate', 'connections', 'per-connection', 'reputation', 'block', 'unknown-user', 'mailbox-full', 'greylisting'] as const;
export type Situation = (typeof SITUATIONS)[number];

export interface ResponseText {
  readonly template: Template;
  /** Enhanced status code, e.g. `4.7.0`. */
  readonly status: string;
  /** `4` (transient: t/tq record) or `5` (permanent: b record). */
  readonly smtpClass: '4' | '5';
  readonly bounceCat: string;
  /** Pattern id in the provider model, or `profile:<kind>` for a profile fallback. */
  readonly source: string;
}

export interface ResponseCatalog {
  /** Texts for a situation; `greeting` keeps only transient ones. Empty when the provider has none. */
  texts(providerId: string, situation: Situation, where: 'greeting' | 'rcpt'): readonly ResponseText[];
}

const CLASS_OF: Readonly<Record<Situation, ResponseClass>> = {
  rate: 'rate',
  connections: 'connections',
  'per-connection': 'per-connection',
  reputation: 'reputation',
  block: 'block',
  'unknown-user': 'recipient',
  'mailbox-full': 'recipient',
  greylisting: 'recipient',
};

const RECIPIENT_FILTER: Readonly<Record<FallbackKind, (text: string, status: string, smtp: string) => boolean>> = {
  'unknown-user': (t, s, c) =>
    c === '5' && !/quota|full|storage/i.test(t) && (s.startsWith('5.1.') || /unknown|does not exist|doesn't have|no such|not found|invalid recipient|unavailable/i.test(t)),
  'mailbox-full': (t, s, c) => c === '4' && (s === '4.2.2' || /full|quota|storage/i.test(t)),
  greylisting: (t, _s, c) => c === '4' && /grey|gray/i.test(t),
};

export function bounceCategory(situation: Situation, text: string): string {
  switch (situation) {
    case 'unknown-user':
      return 'bad-mailbox';
    case 'mailbox-full':
      return 'quota-issues';
    case 'greylisting':
      return 'other';
    case 'block':
      return /spam|block|listed|spamhaus|reputation/i.test(text) ? 'spam-related' : 'policy-related';
    case 'rate':
    case 'connections':
    case 'per-connection':
    case 'reputation':
      return 'policy-related';
    default: {
      const unreachable: never = situation;
      return unreachable;
    }
  }
}

function toText(example: string, situation: Situation, source: string): ResponseText | null {
  const template = templateFromExample(example);
  const smtp = replyClass(template);
  if (smtp !== '4' && smtp !== '5') return null;
  return { template: compileTemplate(template), status: enhancedStatus(template, smtp), smtpClass: smtp, bounceCat: bounceCategory(situation, template), source };
}

const CHECK_VARS = { ip: '203.0.113.9', rcpt: 'jane.doe@example.com', domain: 'example.com', id: 'a1b2c3d4', n: '12345' };

export function buildResponseCatalog(model: ProviderModel, profiles: Readonly<Record<string, ProviderProfile>>): ResponseCatalog {
  const cache = new Map<string, readonly ResponseText[]>();
  const candidates = (providerId: string, situation: Situation): ResponseText[] => {
    const wanted = CLASS_OF[situation];
    const own = model.providers.find((p) => p.id === providerId)?.responses ?? [];
    const fromModel = (patterns: readonly ResponsePattern[]): ResponseText[] =>
      patterns
        .filter((p) => p.class === wanted && p.example !== null)
        .map((p) => toText(p.example ?? '', situation, p.id))
        .filter((t): t is ResponseText => t !== null)
        .filter((t) => classifiesAs(model, providerId, t, wanted))
        .filter((t) => situationFits(situation, t));
    const ownTexts = fromModel(own);
    if (ownTexts.length > 0) return ownTexts;
    // Recipient answers: the provider's own wording from its profile before the generic examples.
    const profileText = profiles[providerId]?.fallback[situation as FallbackKind];
    const fromProfile = profileText === undefined ? null : toText(profileText, situation, `profile:${situation}`);
    if (fromProfile) return [fromProfile];
    const generic = fromModel(model.generic);
    if (generic.length > 0 || !(situation in RECIPIENT_FILTER)) return generic;
    const otherText = profiles['other']?.fallback[situation as FallbackKind];
    const fromOther = otherText === undefined ? null : toText(otherText, situation, `profile:${situation}`);
    return fromOther ? [fromOther] : [];
  };
  return {
    texts(providerId, situation, where) {
      const key = `${providerId}\u0000${situation}\u0000${where}`;
      let list = cache.get(key);
      if (!list) {
        const all = candidates(providerId, situation);
        if (where === 'greeting') list = all.filter((t) => t.smtpClass === '4');
        else {
          // After RCPT, a throttle answers with a transient code when the provider has one.
          const transient = all.filter((t) => t.smtpClass === '4');
          list = situation === 'block' || situation === 'unknown-user' || transient.length === 0 ? all : transient;
        }
        cache.set(key, list);
      }
      return list;
    },
  };
}

function classifiesAs(model: ProviderModel, providerId: string, t: ResponseText, wanted: ResponseClass): boolean {
  const text = renderTemplate(t.template, CHECK_VARS);
  return model.classify(providerId, text, t.status, t.bounceCat).class === wanted;
}

function situationFits(situation: Situation, t: ResponseText): boolean {
  if (!(situation in RECIPIENT_FILTER)) return true;
  return RECIPIENT_FILTER[situation as FallbackKind](renderTemplate(t.template, CHECK_VARS), t.status, t.smtpClass);
}
