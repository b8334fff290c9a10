/**
 * The two PowerMTA fields the classifier reads most, split into what it needs:
 * `dsnStatus` `4.7.0 (other or undefined security status)` → code `4.7.0` and text in parentheses;
 * `dsnDiag` `smtp;421 4.7.0 ...` → the remote reply without its `smtp;` prefix.
 */

const STATUS_CODE = /^[245]\.\d{1,3}\.\d{1,3}$/;

/** Enhanced status code of a dsnStatus value, '' when it does not start with one. */
export function dsnStatusCode(value: string): string {
  const sp = value.indexOf(' ');
  const token = sp < 0 ? value : value.slice(0, sp);
  return STATUS_CODE.test(token) ? token : '';
}

/** The explanation of a dsnStatus value: the text in parentheses (or after the code), trimmed. */
export function dsnStatusText(value: string): string {
  const code = dsnStatusCode(value);
  let rest = (code === '' ? value : value.slice(code.length)).trim();
  if (rest.startsWith('(') && rest.endsWith(')')) rest = rest.slice(1, -1).trim();
  return rest;
}

/** The dsnDiag value without its diagnostic-type prefix `smtp;` (any case, optional space after). */
export function stripSmtpPrefix(value: string): string {
  if (value.length >= 5 && value.charCodeAt(4) === 0x3b && value.slice(0, 4).toLowerCase() === 'smtp') {
    return value.charCodeAt(5) === 0x20 ? value.slice(6) : value.slice(5);
  }
  return value;
}
