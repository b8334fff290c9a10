/**
 * A8-24: the same results with polling alone (no inotify, as on NFS) as with chokidar wake-ups; and
 * chokidar does wake the loop early. Real timers and real chokidar; waits are generous, nothing is
 * asserted about how long anything took.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRecordParser } from '../../src/accounting/parse/record-parser.js';
import { Tailer } from '../../src/tail/tailer.js';
import { Collector, expectExact, removeDir, tempDir } from './helpers/harness.js';
import { Ledger, PmtaWriter } from './helpers/pmta-writer.js';

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => removeDir(dir));

function live(watch: boolean, pollMs: number): { tailer: Tailer; collector: Collector } {
  const collector = new Collector();
  const tailer = new Tailer({ inputs: [dir], parserFactory: createRecordParser, onBatch: collector.onBatch, onEvent: collector.onEvent, watch, pollMs, rotateWaitMs: 100 });
  return { tailer, collector };
}

describe('A8-24 network file system without inotify', () => {
  it('polling alone and polling with watcher wake-ups count the same records, exactly', async () => {
    const ledger = new Ledger();
    const active = join(dir, 'acct.csv');
    let w = new PmtaWriter(ledger, active);
    const polled = live(false, 50);
    const woken = live(true, 50);
    polled.tailer.start();
    woken.tailer.start();
    const writers: PmtaWriter[] = [];
    for (let i = 1; i <= 4; i++) {
      w.write(25);
      w.writePartial();
      await new Promise((r) => setTimeout(r, 20));
      w.completePartial();
      w.renameTo(join(dir, `acct-000${i}.csv`));
      writers.push(w);
      w = new PmtaWriter(ledger, active);
    }
    w.write(3);
    const all = ledger.complete.size;
    await vi.waitFor(() => expect(polled.collector.counts.size).toBe(all), { timeout: 20_000, interval: 50 });
    await vi.waitFor(() => expect(woken.collector.counts.size).toBe(all), { timeout: 20_000, interval: 50 });
    await Promise.all([polled.tailer.stop(), woken.tailer.stop()]);
    expectExact(polled.collector, ledger);
    expectExact(woken.collector, ledger);
    expect(polled.tailer.checkpoint().streams.map((s) => s.offset).sort()).toEqual(woken.tailer.checkpoint().streams.map((s) => s.offset).sort());
    for (const x of [...writers, w]) x.close();
  });

  it('a watcher event wakes the loop long before the next poll is due', async () => {
    const ledger = new Ledger();
    const w = new PmtaWriter(ledger, join(dir, 'acct.csv'));
    const { tailer, collector } = live(true, 3_600_000);
    await tailer.poll(); // a poll before start(): the watcher must still be set up for the known paths
    tailer.start();
    // start() polls once more; after that, only a wake-up can read new records within the hour.
    await vi.waitFor(() => expect(tailer.polls).toBeGreaterThanOrEqual(2), { timeout: 20_000, interval: 20 });
    await new Promise((r) => setTimeout(r, 300)); // let chokidar finish setting up its watches
    w.write(4);
    await vi.waitFor(() => expect(collector.counts.size).toBe(4), { timeout: 20_000, interval: 50 });
    await tailer.stop();
    expectExact(collector, ledger);
    w.close();
  });
});
