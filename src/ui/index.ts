/** The dashboard's public surface: mount it, format its one-line form, and the input contract. */
export { runDashboard } from './run-dashboard.js';
export type { RunDashboardOptions } from './run-dashboard.js';
export { formatSummaryLine } from './summary-line.js';
export type { SummaryLineOptions } from './summary-line.js';
export { pairKey } from './dashboard-snapshot.js';
export type {
  AlertKind,
  DashboardAlert,
  DashboardReport,
  DashboardSnapshot,
  HourlyPoint,
  PairKey,
  PairLive,
  SourceState,
  WarmupProgress,
  WatchSource,
} from './dashboard-snapshot.js';
export type { SnapshotObserver, SnapshotSource, Unsubscribe } from './snapshot-source.js';
export { default as App } from './App.js';
export type { Props as AppProps } from './App.js';
