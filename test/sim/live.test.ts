/**
 * Live mode: records appear in the accounting files as the (injected) clock reaches their time, in
 * small appends to the open file, with PowerMTA's rotation; an abort stops cleanly with counts that
 * still match the files.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/sim/io/load-scenario-io.js';
import { runLiveSimulation } from '../../src/sim/io/live-simulation-io.js';
import type { LiveClock } from '../../src/sim/io/live-simulation-io.js';
import { fixtures } from './helpers/sim-harness.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A clock whose sleeps pass instantly, recording what was asked. */
function fakeClock(startMs: number): LiveClock & { slept: number[] } {
  let now = startMs;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: (ms) => {
      slept.push(ms);
      if (ms > 0) now += ms;
      return Promise.resolve();
    },
  };
}

const countLines = (files: readonly string[]): number => files.reduce((s, f) => s + readFileSync(f, 'utf8').split('\r\n').length - 2, 0);

describe('runLiveSimulation', () => {
  it('appends batches as the clock reaches their time, starting now, rotating hourly', async () => {
    const { model, defaults } = await fixtures();
    const dir = mkdtempSync(join(tmpdir(), 'pmta-live-'));
    dirs.push(dir);
    const startMs = Date.UTC(2026, 10, 29, 14, 0, 0);
    const clock = fakeClock(startMs);
    const sizes: { file: string; size: number; until: number }[] = [];
    const result = await runLiveSimulation({
      scenario: loadScenario('steady', '/', defaults),
      defaults,
      model,
      options: { seed: 2, volume: 4000, days: 1 },
      outDir: dir,
      speed: 600,
      signal: new AbortController().signal,
      clock,
      onBatch: (batch, file) => {
        if (file) sizes.push({ file, size: statSync(file).size, until: batch.until });
      },
    });
    expect(result.stoppedEarly).toBe(false);
    expect(result.truth.complete).toBe(true);
    expect(result.truth.start).toBe('2026-11-29T14:00:00Z');
    // Simulated time ran at 600x: a day in 144 seconds of clock time.
    expect(clock.now() - startMs).toBeGreaterThan(143_000);
    expect(clock.now() - startMs).toBeLessThan(146_000);
    // Many small appends to the same open file, each making it grow.
    expect(sizes.length).toBeGreaterThan(100);
    const sameFile = sizes.filter((s) => s.file === sizes[0]?.file);
    for (let i = 1; i < sameFile.length; i += 1) expect(sameFile[i]?.size).toBeGreaterThan(sameFile[i - 1]?.size ?? 0);
    expect(result.files[0]).toMatch(/acct-2026-11-29-0000\.csv$/);
    expect(result.files.length).toBeGreaterThan(20);
    expect(countLines(result.files)).toBe(result.truth.counts.total);
  });

  it('stops cleanly when aborted: truth says incomplete and its counts match the files', async () => {
    const { model, defaults } = await fixtures();
    const dir = mkdtempSync(join(tmpdir(), 'pmta-live-'));
    dirs.push(dir);
    const controller = new AbortController();
    let batches = 0;
    const result = await runLiveSimulation({
      scenario: loadScenario('mixed', '/', defaults),
      defaults,
      model,
      options: { seed: 2, volume: 20000, days: 2, start: '2026-11-02' },
      outDir: dir,
      speed: 3600,
      signal: controller.signal,
      clock: fakeClock(0),
      onBatch: () => {
        batches += 1;
        if (batches === 50) controller.abort();
      },
    });
    expect(result.stoppedEarly).toBe(true);
    expect(batches).toBe(50);
    expect(result.truth.complete).toBe(false);
    expect(result.truth.end < '2026-11-04T00:00:00Z').toBe(true);
    expect(countLines(result.files)).toBe(result.truth.counts.total);
    const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as { complete: boolean };
    expect(truth.complete).toBe(false);
  });
});
