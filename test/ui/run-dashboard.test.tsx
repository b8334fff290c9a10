import { describe, expect, it } from 'vitest';
import { BehaviorSubject, Subject } from 'rxjs';
import { runDashboard } from '../../src/ui/run-dashboard.js';
import type { DashboardSnapshot } from '../../src/ui/dashboard-snapshot.js';
import { FakeStdin, FakeStdout, settle } from './helpers/fake-terminal.js';
import { buildSnapshot } from './helpers/snapshot-fixture.js';

function streams(columns = 100, rows = 30) {
  const stdout = new FakeStdout(columns, rows);
  const stdin = new FakeStdin();
  let raw = false;
  stdin.setRawMode = (mode?: boolean): void => {
    raw = mode === true;
  };
  return { stdout, stdin, isRaw: () => raw, out: () => stdout.frames.join('') };
}

const asStreams = (s: ReturnType<typeof streams>) => ({
  stdout: s.stdout as unknown as NodeJS.WriteStream,
  stdin: s.stdin as unknown as NodeJS.ReadStream,
  stderr: s.stdout as unknown as NodeJS.WriteStream,
  // vitest replaces the console; Ink's console patching needs the real one.
  patchConsole: false,
});

describe('runDashboard', () => {
  it('draws on the alternate screen, resolves on q and gives the terminal back', async () => {
    const s = streams();
    const done = runDashboard({ snapshots$: new BehaviorSubject(buildSnapshot()), ...asStreams(s), onWriteDiff: () => Promise.resolve('/tmp/x.diff'), timeZone: 'UTC', color: false });
    await settle();
    expect(s.out().startsWith('\u001B[?1049h')).toBe(true);
    expect(s.isRaw()).toBe(true);
    s.stdin.write('q');
    await expect(done).resolves.toBeUndefined();
    expect(s.out()).toContain('pmta-advisor · watching');
    expect(s.out().endsWith('\u001B[?1049l')).toBe(true);
    expect(s.isRaw()).toBe(false);
  });

  it('quits on Ctrl-C the same way', async () => {
    const s = streams();
    const done = runDashboard({ snapshots$: new BehaviorSubject(buildSnapshot()), ...asStreams(s), onWriteDiff: () => Promise.resolve('/tmp/x.diff'), alternateScreen: false });
    await settle();
    s.stdin.write('\u0003');
    await expect(done).resolves.toBeUndefined();
    expect(s.out()).not.toContain('\u001B[?1049');
  });

  it('unmounts when the signal aborts (SIGINT/SIGTERM in the CLI)', async () => {
    const s = streams();
    const controller = new AbortController();
    const done = runDashboard({ snapshots$: new BehaviorSubject(buildSnapshot()), ...asStreams(s), onWriteDiff: () => Promise.resolve('/tmp/x.diff'), signal: controller.signal });
    await settle();
    controller.abort();
    await expect(done).resolves.toBeUndefined();
    expect(s.out().endsWith('\u001B[?1049l')).toBe(true);
  });

  it('rejects with the error when the snapshot source fails, after restoring the terminal', async () => {
    const s = streams();
    const source = new Subject<DashboardSnapshot>();
    const done = runDashboard({ snapshots$: source, ...asStreams(s), onWriteDiff: () => Promise.resolve('/tmp/x.diff') });
    await settle();
    source.next(buildSnapshot());
    await settle();
    source.error(new Error('accounting directory vanished'));
    await expect(done).rejects.toThrow('accounting directory vanished');
    expect(s.out().endsWith('\u001B[?1049l')).toBe(true);
    expect(source.observed).toBe(false);
  });
});
