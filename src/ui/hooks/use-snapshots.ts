import { useEffect } from 'react';
import type { DashboardSnapshot } from '../dashboard-snapshot.js';
import { unsubscribe } from '../snapshot-source.js';
import type { SnapshotSource } from '../snapshot-source.js';

/** Subscribes to the snapshot source for the component's lifetime. */
export function useSnapshots(source: SnapshotSource, onSnapshot: (s: DashboardSnapshot) => void, onError: (e: unknown) => void): void {
  useEffect(() => {
    const subscription = source.subscribe({ next: onSnapshot, error: onError });
    return () => unsubscribe(subscription);
  }, [source, onSnapshot, onError]);
}
