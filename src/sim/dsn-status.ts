/**
 * Enhanced status codes (RFC 3463) as PowerMTA writes them in `dsnStatus`: the code followed by its
 * description in parentheses, e.g. `4.7.0 (other or undefined security status)`.
 */
const DETAIL: Readonly<Record<string, string>> = {
  '0.0': 'other or undefined status',
  '1.0': 'other address status',
  '1.1': 'bad destination mailbox address',
  '1.2': 'bad destination system address',
  '1.3': 'bad destination mailbox address syntax',
  '1.6': 'destination mailbox has moved',
  '1.8': 'bad sending system address',
  '2.0': 'other or undefined mailbox status',
  '2.1': 'mailbox disabled, not accepting messages',
  '2.2': 'mailbox full',
  '2.3': 'message length exceeds administrative limit',
  '3.0': 'other or undefined mail system status',
  '3.1': 'mail system full',
  '3.2': 'system not accepting network messages',
  '3.5': 'system incorrectly configured',
  '4.0': 'other or undefined network or routing status',
  '4.1': 'no answer from host',
  '4.2': 'bad connection',
  '4.3': 'routing server failure',
  '4.4': 'unable to route',
  '4.5': 'network congestion',
  '4.6': 'routing loop detected',
  '4.7': 'delivery time expired',
  '5.0': 'other or undefined protocol status',
  '5.1': 'invalid command',
  '5.2': 'syntax error',
  '5.3': 'too many recipients',
  '6.0': 'other or undefined media error',
  '7.0': 'other or undefined security status',
  '7.1': 'delivery not authorized, message refused',
  '7.7': 'message integrity failure',
};

/** `4.7.0` → `4.7.0 (other or undefined security status)`; `2.0.0` → `2.0.0 (success)`. */
export function dsnStatusField(code: string): string {
  if (code.startsWith('2.')) return `${code} (success)`;
  const detail = DETAIL[code.slice(2)];
  return detail === undefined ? `${code} (${DETAIL[`${code.slice(2, 3)}.0`] ?? 'other or undefined status'})` : `${code} (${detail})`;
}

const ENHANCED = /^([245])\d\d[ -](?:\S+ )??([245]\.\d{1,3}\.\d{1,3})\b/;
const BASIC = /^([245])\d\d\b/;

/** The SMTP reply code class of a response text (`4` for `421 ...`), or null when the text has none. */
export function replyClass(text: string): '2' | '4' | '5' | null {
  const m = BASIC.exec(text);
  return m ? (m[1] as '2' | '4' | '5') : null;
}

/** The enhanced status a reply carries (`421 4.7.0 [TSS04] ...` → `4.7.0`), else `X.0.0` from its code. */
export function enhancedStatus(text: string, fallbackClass: '4' | '5' = '4'): string {
  const m = ENHANCED.exec(text);
  if (m?.[2] !== undefined && m[1] === m[2][0]) return m[2];
  return `${replyClass(text) ?? fallbackClass}.0.0`;
}
