/**
 * The columns the pair table can be sorted by, the order a key cycles through them (the order they are
 * shown), and what each sorts first: names A→Z, volumes largest first, acceptance worst first, limits
 * smallest first, status most urgent first. Reversing flips that.
 */
export const SORT_COLUMNS = ['provider', 'ip', 'vmta', 'attempts', 'delivered', 'acceptance', 'throttled', 'limit', 'status'] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];

export const SORT_LABELS: Readonly<Record<SortColumn, string>> = {
  provider: 'provider',
  ip: 'IP',
  vmta: 'vmta',
  attempts: 'att/h',
  delivered: 'acc/h',
  acceptance: 'accept',
  throttled: 'throttled',
  limit: 'limit/h',
  status: 'status',
};

export interface SortOrder {
  readonly column: SortColumn;
  readonly reversed: boolean;
}

/** What needs attention first, then the busiest. */
export const DEFAULT_SORT: SortOrder = { column: 'status', reversed: false };

export function nextSortColumn(column: SortColumn): SortColumn {
  const i = SORT_COLUMNS.indexOf(column);
  return SORT_COLUMNS[(i + 1) % SORT_COLUMNS.length] ?? 'status';
}
