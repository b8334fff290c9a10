/** Mount the App at a chosen terminal size with fake streams; returns handles for keys and frames. */
import { render } from 'ink';
import { BehaviorSubject } from 'rxjs';
import App from '../../../src/ui/App.js';
import type { Recommendation } from '../../../src/domain/report.js';
import type { DashboardSnapshot } from '../../../src/ui/dashboard-snapshot.js';
import { FakeStdin, FakeStdout, settle, stripSgr } from './fake-terminal.js';

export interface RenderDashboardOptions {
  readonly columns?: number;
  readonly rows?: number;
  readonly onWriteDiff?: (recs: readonly Recommendation[]) => Promise<string>;
  readonly onQuit?: () => void;
  readonly color?: boolean;
}

export async function renderDashboard(snapshot: DashboardSnapshot, o: RenderDashboardOptions = {}) {
  const stdout = new FakeStdout(o.columns ?? 100, o.rows ?? 40);
  const stdin = new FakeStdin();
  const snapshots = new BehaviorSubject<DashboardSnapshot>(snapshot);
  const instance = render(
    <App
      snapshots={snapshots}
      onWriteDiff={o.onWriteDiff ?? (() => Promise.reject(new Error('not wired in this test')))}
      {...(o.onQuit === undefined ? {} : { onQuit: o.onQuit })}
      timeZone="UTC"
      color={o.color ?? false}
    />,
    {
      stdout: stdout as unknown as NodeJS.WriteStream,
      stdin: stdin as unknown as NodeJS.ReadStream,
      debug: true,
      exitOnCtrlC: false,
      patchConsole: false,
    },
  );
  await settle();
  return {
    stdout,
    snapshots,
    instance,
    /** The last frame without colour codes. */
    frame: (): string => stripSgr(stdout.lastFrame()),
    rawFrame: (): string => stdout.lastFrame(),
    lines: (): string[] => stripSgr(stdout.lastFrame()).split('\n'),
    async press(...keys: string[]): Promise<void> {
      for (const k of keys) {
        stdin.write(k);
        await settle();
      }
    },
    async resize(columns: number, rows: number): Promise<void> {
      stdout.resize(columns, rows);
      await settle();
    },
    async push(next: DashboardSnapshot): Promise<void> {
      snapshots.next(next);
      await settle();
    },
    unmount: (): void => {
      instance.unmount();
      instance.cleanup();
    },
  };
}
