/**
 * Mount the live dashboard on the given streams and resolve when the user quits (q, Ctrl-C) or the
 * signal aborts; reject when the snapshot source fails. The terminal is restored in every case: Ink
 * gives back the cursor and raw mode, and the alternate screen (when used) is left.
 */
import { render } from 'ink';
import type { Recommendation } from '../domain/report.js';
import App from './App.js';
import type { SnapshotSource } from './snapshot-source.js';

export interface RunDashboardOptions {
  /** Snapshots from the watch pipeline (an RxJS Observable<DashboardSnapshot> fits). */
  readonly snapshots$: SnapshotSource;
  readonly stdout: NodeJS.WriteStream;
  readonly stdin: NodeJS.ReadStream;
  readonly stderr?: NodeJS.WriteStream;
  /** Write the recommendations shown as a config diff; resolve with the path written, or throw. */
  readonly onWriteDiff: (recommendations: readonly Recommendation[]) => Promise<string>;
  /** IANA time zone for clock times. @default the system's */
  readonly timeZone?: string;
  /** @default true */
  readonly color?: boolean;
  /** Draw on the terminal's alternate screen and return to the previous one on exit. @default stdout.isTTY */
  readonly alternateScreen?: boolean;
  /** Route console.* output above the dashboard instead of through it. @default true */
  readonly patchConsole?: boolean;
  /** Aborting unmounts the dashboard (SIGINT/SIGTERM from the CLI). */
  readonly signal?: AbortSignal;
}

const ENTER_ALTERNATE_SCREEN = '\u001B[?1049h\u001B[H';
const LEAVE_ALTERNATE_SCREEN = '\u001B[?1049l';

export async function runDashboard(options: RunDashboardOptions): Promise<void> {
  const { stdout, stdin, signal } = options;
  if (signal?.aborted === true) return;
  const alternate = options.alternateScreen ?? stdout.isTTY === true;
  if (alternate) stdout.write(ENTER_ALTERNATE_SCREEN);
  const instance = render(
    <App
      snapshots={options.snapshots$}
      onWriteDiff={options.onWriteDiff}
      {...(options.timeZone === undefined ? {} : { timeZone: options.timeZone })}
      {...(options.color === undefined ? {} : { color: options.color })}
    />,
    {
      stdout,
      stdin,
      ...(options.stderr === undefined ? {} : { stderr: options.stderr }),
      // q and Ctrl-C both go through the App's key bindings, so quitting has one path.
      exitOnCtrlC: false,
      patchConsole: options.patchConsole ?? true,
      // Ink 6's incremental rendering leaves stale lines in tmux/xterm when lines fill the terminal's
      // width (seen in a real terminal: the header repeated, the title row scrolled away); whole-frame
      // rendering of a frame one line shorter than the terminal does not flicker either.
      incrementalRendering: false,
      maxFps: 20,
    },
  );
  const onAbort = (): void => instance.unmount();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    await instance.waitUntilExit();
  } finally {
    signal?.removeEventListener('abort', onAbort);
    instance.cleanup();
    if (alternate) stdout.write(LEAVE_ALTERNATE_SCREEN);
  }
}
