/**
 * Where snapshots come from: anything with an RxJS-style `subscribe({next, error})`, so an
 * `Observable<DashboardSnapshot>` fits as is, and so does a hand-written source in tests.
 */
import type { DashboardSnapshot } from './dashboard-snapshot.js';

export interface SnapshotObserver {
  next(snapshot: DashboardSnapshot): void;
  error(error: unknown): void;
}

export type Unsubscribe = (() => void) | { unsubscribe(): void };

export interface SnapshotSource {
  subscribe(observer: SnapshotObserver): Unsubscribe;
}

export function unsubscribe(u: Unsubscribe): void {
  if (typeof u === 'function') u();
  else u.unsubscribe();
}
