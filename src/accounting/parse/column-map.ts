/**
 * Per-header column table: PowerMTA writes the union of the configured fields in an order that depends
 * on its config, so every column is found by its header name, never by position.
 */

/** The fields records expose as properties; all other columns are reached through `field(name)`. */
export const KNOWN_COLUMNS = [
  'timeLogged',
  'orig',
  'rcpt',
  'dsnAction',
  'dsnStatus',
  'dsnDiag',
  'dsnMta',
  'bounceCat',
  'dlvSourceIp',
  'dlvDestinationIp',
  'dlvSize',
  'vmta',
  'vmtaPool',
  'queue',
  'jobId',
  'feedbackType',
  'reportedDomain',
] as const;
export type KnownColumn = (typeof KNOWN_COLUMNS)[number];

export interface ColumnMap {
  /** Header names in file order (column 0 is `type`). */
  readonly names: readonly string[];
  readonly byName: ReadonlyMap<string, number>;
  /** Column index of each known field, -1 when the header lacks it. */
  readonly index: Readonly<Record<KnownColumn, number>>;
  /** True when column 1 is timeLogged (PowerMTA's default): helps recognise a record start. */
  readonly timeIsSecond: boolean;
}

export function buildColumnMap(names: readonly string[]): ColumnMap {
  const byName = new Map<string, number>();
  names.forEach((name, i) => {
    if (!byName.has(name)) byName.set(name, i);
  });
  const index = Object.fromEntries(KNOWN_COLUMNS.map((c) => [c, byName.get(c) ?? -1])) as Record<KnownColumn, number>;
  return { names: [...names], byName, index, timeIsSecond: index.timeLogged === 1 };
}
