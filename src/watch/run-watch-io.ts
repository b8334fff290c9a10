/**
 * Runs a WatchSession to the end: the Ink dashboard on a terminal, otherwise one summary line (or one
 * JSON report) per interval on stdout. Shared by `watch` and the demo behind `npm start`.
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { filter } from 'rxjs';
import { configDiff } from '../advice/config-diff.js';
import type { CliIo } from '../commands/command.js';
import type { Config } from '../config/config-model.js';
import type { Recommendation } from '../domain/report.js';
import { UserError } from '../domain/user-error.js';
import { defaultStatePath } from '../tail/state-store.js';
import type { DashboardSnapshot } from '../ui/dashboard-snapshot.js';
import { runDashboard } from '../ui/run-dashboard.js';
import { formatSummaryLine } from '../ui/summary-line.js';
import type { WatchSession } from './watch-session.js';

export type WatchOutput = 'dashboard' | 'summary' | 'json';

export interface RunWatchOptions {
  readonly io: CliIo;
  readonly session: WatchSession;
  readonly output: WatchOutput;
  /** Interval of summary/json lines, ms. */
  readonly intervalMs: number;
  readonly color: boolean;
  readonly config: Config | null;
  /** Where the dashboard's `d` key writes diffs. */
  readonly diffDir: string;
  readonly signal: AbortSignal;
}

/** A state file per set of inputs, in the user's state directory. */
export function defaultWatchStatePath(io: CliIo, inputs: readonly string[]): string {
  const abs = inputs.map((i) => resolve(io.cwd, i)).sort();
  const id = createHash('sha256').update(abs.join('\n')).digest('hex').slice(0, 12);
  return join(dirname(defaultStatePath(io.env, io.env['HOME'] ?? homedir())), `watch-${id}.json`);
}

function stamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

/** The `d` key: the current suggestions as a diff of the config, written to a new file. */
export async function writeDiffFile(config: Config | null, recommendations: readonly Recommendation[], dir: string, now: number): Promise<string> {
  if (config === null) throw new UserError('no config to diff: start watch with --config FILE');
  const { diff } = configDiff(config, recommendations, { annotate: true });
  if (diff === '') throw new UserError('nothing to change: the config already has every suggestion');
  await mkdir(dir, { recursive: true });
  const path = join(dir, `pmta-advisor-${stamp(now)}.diff`);
  await writeFile(path, diff, { flag: 'wx' });
  return path;
}

export async function runWatch(o: RunWatchOptions): Promise<void> {
  const { io, session } = o;
  session.start();
  try {
    if (o.output === 'dashboard') {
      await runDashboard({
        snapshots$: session.snapshots$.pipe(filter((s): s is DashboardSnapshot => s !== null)),
        stdout: io.stdout as NodeJS.WriteStream,
        stdin: io.stdin as NodeJS.ReadStream,
        stderr: io.stderr as NodeJS.WriteStream,
        color: o.color,
        signal: o.signal,
        // nothing here writes through console; not patching it keeps Ink independent of the host
        // (vitest replaces console, and a patched console stops Ink drawing there)
        patchConsole: false,
        onWriteDiff: (recs) => writeDiffFile(o.config, recs, o.diffDir, io.now()),
      });
      return;
    }
    await new Promise<void>((resolveDone) => {
      const emit = (): void => {
        const r = session.latestRefresh ?? session.refresh();
        io.stdout.write(o.output === 'json' ? `${JSON.stringify(r.report)}\n` : `${formatSummaryLine(r.snapshot)}\n`);
      };
      const timer = setInterval(emit, o.intervalMs);
      const done = (): void => {
        clearInterval(timer);
        resolveDone();
      };
      if (o.signal.aborted) done();
      else o.signal.addEventListener('abort', done, { once: true });
    });
  } finally {
    await session.stop();
  }
}
