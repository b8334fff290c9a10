/** A8-23 backpressure, tailer side: reading pauses while batches are unacknowledged; only acknowledged offsets are checkpointed. */
import { unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TailBatch } from '../../src/tail/types.js';
import { Collector, expectExact, expectOffset, makeTailer, removeDir, roundTrip, streamOf, tempDir } from './helpers/harness.js';
import { closeAndStop } from './helpers/scene.js';
import { HEADER, Ledger, PmtaWriter } from './helpers/pmta-writer.js';

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => removeDir(dir));

/** Resolves on the next `paused` event. */
function nextPause(c: Collector): Promise<void> {
  const seen = c.events.length;
  return new Promise((resolve) => {
    const check = (): void => {
      if (c.events.slice(seen).some((e) => e.type === 'paused')) resolve();
      else setImmediate(check);
    };
    check();
  });
}

describe('A8-23 backpressure', () => {
  it('pauses at maxPendingBatches, checkpoints only acknowledged offsets, keeps a deleted file open until its bytes are read', async () => {
    const ledger = new Ledger();
    const path = join(dir, 'acct-0001.csv');
    const w = new PmtaWriter(ledger, path);
    w.write(60);
    const collector = new Collector();
    const pending: TailBatch[] = [];
    let maxPending = 0;
    const t = makeTailer(
      [dir],
      {
        ack: 'manual',
        maxPendingBatches: 2,
        readChunkBytes: 2048,
        onBatch: (b) => {
          collector.onBatch(b);
          pending.push(b);
          maxPending = Math.max(maxPending, t.tailer.status().pendingBatches);
        },
      },
      collector,
    );

    const paused = nextPause(collector);
    const polling = t.tailer.poll();
    await paused;
    expect(t.tailer.status().state).toBe('paused');
    expect(t.tailer.status().pendingBatches).toBe(2);
    expect(collector.batches).toHaveLength(2);
    // Nothing acknowledged: the checkpoint still points at the start.
    expect(streamOf(t.tailer.checkpoint(), path)).toBeUndefined();
    const readSoFar = t.tailer.status().files[0]?.offset ?? 0;
    expect(readSoFar).toBeLessThan(w.completeBytes);

    // The file is deleted while reading is paused: its descriptor must not be released.
    unlinkSync(path);
    t.tailer.ack(pending[0]!);
    expect(t.tailer.checkpoint().streams[0]?.offset).toBe(pending[0]!.committedOffset);
    // Acknowledge as batches come, one at a time, until the poll completes.
    let done = false;
    void polling.then(() => {
      done = true;
    });
    let acked = 1;
    while (!done) {
      await new Promise((r) => setImmediate(r));
      while (acked < pending.length) t.tailer.ack(pending[acked++]!);
    }
    await t.polls(1);
    expect(t.tailer.status().files[0]).toMatchObject({ visible: false, open: true });
    await t.polls(2); // drained, then closed after the grace period (its final batch fits in the queue)
    expect(t.tailer.status().files).toEqual([]);
    for (const b of pending) t.tailer.ack(b);
    expectExact(collector, ledger);
    expect(maxPending).toBeLessThanOrEqual(2);
    const cp = roundTrip(t.tailer.checkpoint());
    expect(cp.streams[0]).toMatchObject({ offset: w.completeBytes, finished: true });
    await closeAndStop(t, w);
  });

  it('with an async consumer, reads the next batch only after the previous promise resolves', async () => {
    const ledger = new Ledger();
    const path = join(dir, 'acct.csv');
    const w = new PmtaWriter(ledger, path);
    w.write(40);
    const collector = new Collector();
    let inFlight = 0;
    let maxInFlight = 0;
    const t = makeTailer(
      [dir],
      {
        readChunkBytes: 1500,
        onBatch: async (b) => {
          inFlight += 1;
          maxInFlight = Math.max(maxInFlight, inFlight);
          await new Promise((r) => setImmediate(r));
          collector.onBatch(b);
          inFlight -= 1;
        },
      },
      collector,
    );
    await t.polls(1);
    expect(maxInFlight).toBe(1);
    expectExact(collector, ledger);
    expectOffset(t.tailer.checkpoint(), path, w.completeBytes);
    expect(collector.batches.length).toBeGreaterThan(5);
    await closeAndStop(t, w);
  });

  it('stop() abandons a poll waiting for the consumer; unacknowledged records are read again after a restart', async () => {
    const ledger = new Ledger();
    const path = join(dir, 'acct.csv');
    const w = new PmtaWriter(ledger, path);
    w.write(30);
    const first = new Collector();
    const t = makeTailer([dir], { ack: 'manual', maxPendingBatches: 1, readChunkBytes: 1024 }, first);
    const paused = nextPause(first);
    const polling = t.tailer.poll();
    await paused;
    const b0 = first.batches[0]!;
    t.tailer.ack(b0);
    await nextPause(first);
    const cp = roundTrip(t.tailer.checkpoint());
    expect(cp.streams[0]?.offset).toBe(b0.committedOffset);
    await t.tailer.stop();
    await polling;
    // The aggregate saved with `cp` holds exactly the acknowledged batch; a restart reads the rest once.
    const applied = new Collector();
    applied.onBatch(b0);
    const t2 = makeTailer([dir], { checkpoint: cp }, applied);
    await t2.polls(1);
    expectExact(applied, ledger);
    expect(b0.committedOffset).toBeGreaterThan(Buffer.byteLength(HEADER));
    expectOffset(t2.tailer.checkpoint(), path, w.completeBytes);
    await closeAndStop(t2, w);
  });
});
