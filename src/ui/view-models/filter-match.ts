/**
 * The dashboard filter: whitespace-separated terms, each of which must occur (case-insensitively) in at
 * least one of the row's fields. `yahoo 203.0.113` keeps yahoo rows on that network; '' keeps everything.
 */
export function filterTerms(filter: string): string[] {
  return filter
    .toLowerCase()
    .split(/\s+/)
    .filter((t) => t !== '');
}

export function matchesFilter(fields: readonly string[], terms: readonly string[]): boolean {
  if (terms.length === 0) return true;
  const haystack = fields.map((f) => f.toLowerCase());
  return terms.every((term) => haystack.some((field) => field.includes(term)));
}
