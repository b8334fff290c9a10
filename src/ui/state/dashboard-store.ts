/**
 * A tiny synchronous store around the reducer, read by React through useSyncExternalStore. Key handling
 * needs the state as of the previous key (several keys can arrive before React renders), and the
 * reducer runs once per action.
 */
import { dashboardReducer } from './dashboard-reducer.js';
import type { DashboardAction } from './dashboard-action.js';
import type { DashboardState } from './dashboard-state.js';

export interface DashboardStore {
  getState(): DashboardState;
  dispatch(action: DashboardAction): void;
  subscribe(listener: () => void): () => void;
}

export function createDashboardStore(initial: DashboardState): DashboardStore {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    dispatch(action) {
      const next = dashboardReducer(state, action);
      if (next === state) return;
      state = next;
      for (const l of [...listeners]) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
