/**
 * The host name in a dsnMta value. PowerMTA writes `name (ip)`, e.g.
 * `gmail-smtp-in.l.google.com (142.250.27.26)`; the name can be missing (`(192.0.2.1)`) or be an
 * address literal. Returns the lower-case host without a trailing dot, or null when there is no name.
 */
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

export function mxHostOf(dsnMta: string): string | null {
  let s = dsnMta.trim();
  const cut = s.search(/[\s(]/);
  if (cut >= 0) s = s.slice(0, cut);
  if (s.startsWith('[') && s.endsWith(']')) s = s.slice(1, -1);
  s = s.toLowerCase();
  while (s.endsWith('.')) s = s.slice(0, -1);
  if (s === '' || IPV4.test(s) || s.includes(':') || !s.includes('.')) return null;
  return s;
}
