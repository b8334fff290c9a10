/**
 * RFC 4180 as PowerMTA writes accounting files: fields separated by commas, a field is double-quoted
 * when it contains a comma, a double quote, CR or LF, an embedded quote is doubled, records end in CRLF.
 */
const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: string): string {
  if (value === '' || !NEEDS_QUOTES.test(value)) return value;
  return `"${value.replace(/"/g, '""')}"`;
}

/** One record with its CRLF terminator. */
export function csvRow(fields: readonly string[]): string {
  let out = '';
  for (let i = 0; i < fields.length; i += 1) {
    if (i > 0) out += ',';
    out += csvField(fields[i] ?? '');
  }
  return `${out}\r\n`;
}
