/**
 * The pair table's columns: what each shows (as text alternatives, longest first, so a narrow column
 * can still say something whole), and their display order.
 */
import type { BindingKnob, HourlyLimitEstimate } from '../../domain/report.js';
import { formatCount, formatPercent, formatPercentInterval } from '../format/format-number.js';
import { acceptanceSparkline, volumeSparkline } from '../format/sparkline.js';
import type { PairRow } from './pair-rows.js';
import { statusLabels, statusTone } from './pair-status.js';
import type { Tone } from './tone.js';

export const COLUMN_IDS = [
  'provider',
  'ip',
  'vmta',
  'attempts',
  'delivered',
  'accept',
  'acceptSpark',
  'volumeSpark',
  'throttled',
  'limit',
  'binding',
  'status',
] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];

export interface CellContent {
  /** Alternatives, longest first; the layout picks the longest that fits. */
  readonly texts: readonly string[];
  readonly tone: Tone;
}

export interface ColumnDef {
  readonly id: ColumnId;
  /** Header alternatives, longest first. */
  readonly headers: readonly string[];
  readonly align: 'left' | 'right';
  /** Widest a column gets, however long its content. */
  readonly maxWidth: number;
  /** Narrowest it may be squeezed to (text is then cut with `…`); defaults to its shortest alternative. */
  readonly squeezeTo?: number;
  cell(row: PairRow, now: number): CellContent;
}

const plain = (...texts: string[]): CellContent => ({ texts, tone: 'plain' });

/** The last `n` hours of the series. */
const SPARK_HOURS = 12;
const SPARK_SHORT = 5;

function acceptTone(row: PairRow): Tone {
  if (row.acceptance === null || row.status === 'insufficient-data') return 'muted';
  if (row.acceptance < 0.8) return 'danger';
  if (row.acceptance < 0.95) return 'warn';
  return 'plain';
}

export function limitTexts(limit: HourlyLimitEstimate): readonly string[] {
  const value = limit.estimate ?? limit.low;
  if (value === null) return ['–'];
  if (limit.censored) return [`≥${formatCount(value)} (cens.)`, `≥${formatCount(value)}`];
  if (limit.low !== null && limit.high !== null) {
    return [`${formatCount(value)} (${formatCount(limit.low)}–${formatCount(limit.high)})`, formatCount(value)];
  }
  return [formatCount(value)];
}

export function bindingTexts(binding: BindingKnob): readonly string[] {
  switch (binding) {
    case 'connections':
      return ['connections', 'conns'];
    case 'per-connection':
      return ['per-connection', 'per-conn'];
    case 'rate':
      return ['rate'];
    case 'reputation':
      return ['reputation', 'reput.'];
    case 'block':
      return ['block'];
    case 'none':
    case 'insufficient-data':
      return ['–'];
    default: {
      const never: never = binding;
      return never;
    }
  }
}

function sparkTexts(spark: string): string[] {
  const full = [...spark].slice(-SPARK_HOURS).join('');
  const short = [...spark].slice(-SPARK_SHORT).join('');
  return full === short ? [full] : [full, short];
}

const countOrDash = (n: number | null): string => (n === null ? '–' : formatCount(n));

export const COLUMNS: Readonly<Record<ColumnId, ColumnDef>> = {
  provider: { id: 'provider', headers: ['provider'], align: 'left', maxWidth: 14, squeezeTo: 9, cell: (r) => plain(r.isp) },
  ip: { id: 'ip', headers: ['IP'], align: 'left', maxWidth: 39, squeezeTo: 15, cell: (r) => plain(r.sourceIp) },
  vmta: { id: 'vmta', headers: ['vmta'], align: 'left', maxWidth: 16, squeezeTo: 8, cell: (r) => plain(r.vmta === '' ? '–' : r.vmta) },
  attempts: { id: 'attempts', headers: ['att/h'], align: 'right', maxWidth: 9, cell: (r) => plain(countOrDash(r.attemptsPerHour)) },
  delivered: { id: 'delivered', headers: ['acc/h'], align: 'right', maxWidth: 9, cell: (r) => plain(countOrDash(r.deliveredPerHour)) },
  accept: {
    id: 'accept',
    headers: ['accept'],
    align: 'left',
    maxWidth: 14,
    cell: (r) => ({
      texts: r.acceptance === null ? ['–'] : [`${formatPercent(r.acceptance)} ${formatPercentInterval(r.acceptanceInterval)}`, formatPercent(r.acceptance)],
      tone: acceptTone(r),
    }),
  },
  acceptSpark: {
    id: 'acceptSpark',
    headers: [`accept ${SPARK_HOURS}h`, `acc ${SPARK_HOURS}h`, 'acc'],
    align: 'left',
    maxWidth: SPARK_HOURS,
    cell: (r) => ({ texts: sparkTexts(acceptanceSparkline(r.hours)), tone: acceptTone(r) }),
  },
  volumeSpark: {
    id: 'volumeSpark',
    headers: [`vol ${SPARK_HOURS}h`, 'vol'],
    align: 'left',
    maxWidth: SPARK_HOURS,
    cell: (r) => ({ texts: sparkTexts(volumeSparkline(r.hours)), tone: 'accent' }),
  },
  throttled: {
    id: 'throttled',
    headers: ['throttled', 'thr%'],
    align: 'right',
    maxWidth: 9,
    cell: (r) => ({
      texts: [r.throttledShare === null ? '–' : formatPercent(r.throttledShare)],
      tone: r.throttledShare !== null && r.throttledShare >= 0.05 ? 'warn' : 'plain',
    }),
  },
  limit: { id: 'limit', headers: ['limit/h (est)', 'limit/h'], align: 'left', maxWidth: 24, cell: (r) => plain(...limitTexts(r.limit)) },
  binding: { id: 'binding', headers: ['binds'], align: 'left', maxWidth: 14, cell: (r) => plain(...bindingTexts(r.binding)) },
  status: {
    id: 'status',
    headers: ['status'],
    align: 'left',
    maxWidth: 18,
    cell: (r, now) => ({ texts: statusLabels(r.status, r.since, now), tone: statusTone(r.status) }),
  },
};
