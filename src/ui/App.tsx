import { useCallback, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useApp, useInput, useStdin, useStdout } from 'ink';
import type { Key } from 'ink';
import type { Recommendation } from '../domain/report.js';
import { ColorContext } from './color-context.js';
import Dashboard from './components/Dashboard.js';
import type { DashboardSnapshot } from './dashboard-snapshot.js';
import { useSnapshots } from './hooks/use-snapshots.js';
import { terminalSize, useTerminalSize } from './hooks/use-terminal-size.js';
import { keyMode, resolveKey } from './key-bindings.js';
import type { SnapshotSource } from './snapshot-source.js';
import type { TerminalSize } from './state/dashboard-state.js';
import { initialDashboardState } from './state/dashboard-state.js';
import { createDashboardStore } from './state/dashboard-store.js';
import type { DashboardStore } from './state/dashboard-store.js';
import { selectDashboardView } from './view-models/dashboard-view.js';

export type Props = {
  /** Snapshots from the watch pipeline (an RxJS Observable fits). */
  readonly snapshots: SnapshotSource;
  /** Write the recommendations shown as a config diff; resolves with where it went. */
  readonly onWriteDiff: (recommendations: readonly Recommendation[]) => Promise<string>;
  /** Called once when the user quits (q or Ctrl-C), before the app unmounts. */
  readonly onQuit?: () => void;
  /** IANA time zone for clock times. @default the system's */
  readonly timeZone?: string;
  /** Colour the tones. @default true */
  readonly color?: boolean;
  /** Show this until the first snapshot arrives (useful for tests and --replay). */
  readonly initialSnapshot?: DashboardSnapshot;
};

const EMPTY_KEY: Partial<Key> = {};

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Feeds one keypress (or a pasted run of characters, one at a time) through the key bindings. */
function handleInput(store: DashboardStore, input: string, key: Key, effects: { quit(): void; writeDiff(): void }): void {
  const special = key.return || key.escape || key.tab || key.backspace || key.delete || key.upArrow || key.downArrow || key.pageUp || key.pageDown || key.home || key.end || key.ctrl || key.meta;
  const chunks = special || store.getState().filterEditing ? [input] : [...input];
  for (const chunk of chunks) {
    const command = resolveKey(chunk, chunks.length === 1 ? key : EMPTY_KEY, keyMode(store.getState()));
    if (command === null) continue;
    switch (command.type) {
      case 'dispatch':
        store.dispatch(command.action);
        break;
      case 'quit':
        effects.quit();
        return;
      case 'write-diff':
        effects.writeDiff();
        break;
      default: {
        const never: never = command;
        return never;
      }
    }
  }
}

/** The live dashboard: subscribes to snapshots, keeps UI state in a reducer, renders a pure view of both. */
export default function App({ snapshots, onWriteDiff, onQuit, timeZone, color = true, initialSnapshot }: Props) {
  const { exit } = useApp();
  const { stdout } = useStdout();
  const { isRawModeSupported } = useStdin();
  const [store] = useState(() => createDashboardStore(initialDashboardState(terminalSize(stdout), initialSnapshot ?? null)));
  const state = useSyncExternalStore(store.subscribe, store.getState);
  const quitting = useRef(false);

  const onSnapshot = useCallback((snapshot: DashboardSnapshot) => store.dispatch({ type: 'snapshot-received', snapshot }), [store]);
  const onSourceError = useCallback((error: unknown) => exit(error instanceof Error ? error : new Error(errorMessage(error))), [exit]);
  useSnapshots(snapshots, onSnapshot, onSourceError);
  const onResize = useCallback((size: TerminalSize) => store.dispatch({ type: 'resize', ...size }), [store]);
  useTerminalSize(onResize);

  const effects = useMemo(
    () => ({
      quit(): void {
        if (quitting.current) return;
        quitting.current = true;
        onQuit?.();
        exit();
      },
      writeDiff(): void {
        const { diff, snapshot } = store.getState();
        if (diff.state === 'writing') return;
        const recommendations = snapshot?.report.recommendations ?? [];
        if (recommendations.length === 0) {
          store.dispatch({ type: 'diff-write-skipped', reason: 'nothing to write: there are no recommendations yet' });
          return;
        }
        store.dispatch({ type: 'diff-write-started' });
        onWriteDiff(recommendations).then(
          (path) => store.dispatch({ type: 'diff-write-succeeded', path }),
          (error: unknown) => store.dispatch({ type: 'diff-write-failed', message: errorMessage(error) }),
        );
      },
    }),
    [store, onQuit, onWriteDiff, exit],
  );
  useInput((input, key) => handleInput(store, input, key, effects), { isActive: isRawModeSupported });

  const view = useMemo(() => selectDashboardView(state, timeZone === undefined ? {} : { timeZone }), [state, timeZone]);
  return (
    <ColorContext.Provider value={color}>
      <Dashboard view={view} width={state.size.columns} />
    </ColorContext.Provider>
  );
}
