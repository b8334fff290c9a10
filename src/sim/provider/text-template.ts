/**
 * Response texts as templates: `{ip}` (sending IP), `{rcpt}`, `{domain}`, `{id}` (a random queue id),
 * `{n}` (a random number), `{dashed}` (the domain with dots as dashes, as in Microsoft MX names).
 * Real examples from the provider model get their IP addresses and mail addresses turned into `{ip}` and
 * `{rcpt}`, so a simulated provider names the IP that is actually sending.
 */
export interface TemplateVars {
  readonly ip: string;
  readonly rcpt: string;
  readonly domain: string;
  readonly id: string;
  readonly n: string;
}

export type Template = readonly (string | keyof TemplateVars | 'dashed')[];

const TOKEN = /\{(ip|rcpt|domain|id|n|dashed)\}/g;
const TOKENS = new Set(['ip', 'rcpt', 'domain', 'id', 'n', 'dashed']);

/** Compiles a template text into literal parts and variable names (odd indexes are variables). */
export function compileTemplate(text: string): Template {
  return text.split(TOKEN);
}

export function renderTemplate(t: Template, v: TemplateVars): string {
  let out = t[0] ?? '';
  for (let i = 1; i < t.length; i += 2) {
    const name = t[i] ?? '';
    out += name === 'dashed' ? v.domain.replace(/\./g, '-') : TOKENS.has(name) ? v[name as keyof TemplateVars] : '';
    out += t[i + 1] ?? '';
  }
  return out;
}

const IPV4 = /\b(?:\d{1,3}\.){3}\d{1,3}\b|\b[xX]\.[xX]\.[xX]\.[xX]\b|\ba\.b\.c\.d\b|\bIP_ADDRESS\b|\[IP\]/g;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;

/** Turns a real example into a template: IPv4 literals and placeholders → `{ip}`, addresses → `{rcpt}`. */
export function templateFromExample(example: string): string {
  return example.replace(/[{}]/g, '').replace(IPV4, (m) => (m === '[IP]' ? '[{ip}]' : '{ip}')).replace(EMAIL, '{rcpt}');
}
