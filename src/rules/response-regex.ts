/**
 * A short, stable literal that identifies a provider response, for an smtp-pattern-list line
 * (docs/methodology.md "Pattern lines"), in this order:
 * 1. a bracketed provider code: `[TSS04]`, `[TS01]`, `[BL21]`;
 * 2. a parenthesised code: `(S3150)`, `(S775)`;
 * 3. a named code token: `RL000001`, `BL000001`, `OFR006_102`, `LPN105_104`, `IB007`, `HCM1`;
 * 4. a specific enhanced status (third part ≥ 10): `4.7.28`, `4.7.650`;
 * 5. otherwise the first words of the text after the SMTP codes, up to the first variable part
 *    (an IP, a number, an address, a queue id), 3 to 6 words.
 * Returns null when nothing distinctive is left.
 */
const BRACKET = /\[([A-Z]{2,}[0-9]{1,}[A-Z0-9]*)\]/;
const PAREN = /\(([A-Z]{1,3}[0-9]{3,})\)/;
const TOKEN = /\b((?:RL|BL|ES)[0-9]{6}|OFR[0-9]*_[0-9]+|LPN[0-9]+_[0-9]+|IB[0-9]{3}|HCM[0-9]|TSS?[0-9]{2}|IPTS[0-9]{2})\b/;
const ENHANCED = /\b([45]\.[0-9]\.([0-9]{2,3}))\b/;
const LEAD = /^\s*(?:[245][0-9]{2}[ -])?\s*(?:[245]\.[0-9]{1,3}\.[0-9]{1,3}\s*)?/;
const VARIABLE = /^(?:\d|\[|<|\(|[0-9a-f]{8,}$)|\d{3,}|@|\d+\.\d+\.\d+/i;

export interface ResponseLiteral {
  readonly literal: string;
  readonly kind: 'bracket-code' | 'paren-code' | 'token' | 'enhanced-status' | 'phrase';
}

export function responseLiteral(text: string): ResponseLiteral | null {
  const b = BRACKET.exec(text);
  if (b) return { literal: `[${b[1]}]`, kind: 'bracket-code' };
  const p = PAREN.exec(text);
  if (p) return { literal: `(${p[1]})`, kind: 'paren-code' };
  const t = TOKEN.exec(text);
  if (t) return { literal: t[1]!, kind: 'token' };
  const e = ENHANCED.exec(text);
  if (e && Number(e[2]) >= 10) return { literal: e[1]!, kind: 'enhanced-status' };
  const rest = text.replace(LEAD, '').trim();
  const words: string[] = [];
  for (const w of rest.split(/\s+/)) {
    if (w === '' || VARIABLE.test(w)) break;
    words.push(w);
    if (words.length === 6) break;
  }
  while (words.length > 0 && /[,:;-]$/.test(words[words.length - 1]!) && words.length > 3) {
    words[words.length - 1] = words[words.length - 1]!.replace(/[,:;-]+$/, '');
  }
  const phrase = words.join(' ').replace(/[,:;-]+$/, '');
  if (words.length < 3 && phrase.length < 12) return null;
  return { literal: phrase, kind: 'phrase' };
}
