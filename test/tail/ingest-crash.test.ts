/**
 * A8-7: a crash at every step between applying a batch and the state file being durable, and a torn
 * state file: after a restart the aggregate totals equal a one-shot aggregation of the fixture.
 */
import { mkdirSync, readFileSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRecordParser } from '../../src/accounting/parse/record-parser.js';
import { Aggregator } from '../../src/aggregate/aggregator.js';
import type { AcctRecord } from '../../src/domain/accounting-record.js';
import { loadDefaultProviderModelSync } from '../../src/providers/load-provider-model-io.js';
import { TailIngest, type IngestFaultStep } from '../../src/tail/tail-ingest.js';
import { SAVE_STEPS } from '../../src/tail/state-store.js';
import { ManualClock, removeDir, tempDir } from './helpers/harness.js';
import { HEADER, Ledger, PmtaWriter, recordLine } from './helpers/pmta-writer.js';

const model = loadDefaultProviderModelSync();
let dir: string;
let acct: string;
let stateFile: string;
beforeEach(() => {
  dir = tempDir();
  acct = join(dir, 'acct');
  stateFile = join(dir, 'state', 'state.json');
  mkdirSync(acct);
});
afterEach(() => removeDir(dir));

class CrashAt extends Error {}

/** One-shot aggregation of every complete record the writers produced: the fixture totals. */
function expectedTotals(ids: readonly number[]): Aggregator {
  const parser = createRecordParser({ file: 'fixture.csv' });
  const text = HEADER + ids.map((k) => recordLine(k)).join('');
  const out = parser.push(Buffer.from(text));
  const agg = new Aggregator(model);
  agg.add(out.records as AcctRecord[]);
  return agg;
}

function totals(agg: Aggregator): unknown {
  const s = agg.summary();
  return { records: agg.recordCount, byType: s.recordsByType, malformed: agg.malformedCount, cells: agg.cells(), responses: agg.responses() };
}

async function open(fault?: (step: IngestFaultStep) => void): Promise<TailIngest> {
  return TailIngest.open({ inputs: [acct], model, stateFile, watch: false, rotateWaitMs: 0, clock: new ManualClock(), ...(fault ? { fault } : {}) });
}

/** Runs the fixture with a crash armed at `step`, restarts, and returns the restarted ingest (caught up). */
async function crashAndRestart(step: IngestFaultStep): Promise<{ ingest: TailIngest; ids: number[]; crashed: boolean }> {
  const ledger = new Ledger();
  const ids: number[] = [];
  const active = join(acct, 'acct.csv');
  let w = new PmtaWriter(ledger, active);
  const first = await open();
  ids.push(...w.write(10));
  await first.poll();
  // Rotated, drained and checkpointed, then deleted: only the state file still knows these rows.
  w.renameTo(join(acct, 'acct-0000.csv'));
  w.close();
  const rotated = w.path;
  w = new PmtaWriter(ledger, active);
  ids.push(...w.write(2));
  await first.poll();
  await first.checkpoint();
  await first.tailer.stop();
  unlinkSync(rotated);

  let armed = false;
  let crashed = false;
  const second = await open((s) => {
    if (armed && s === step) {
      armed = false;
      crashed = true;
      throw new CrashAt(step);
    }
  });
  ids.push(...w.write(7));
  armed = true;
  try {
    await second.poll();
    await second.checkpoint();
    ids.push(...w.write(2));
    await second.poll();
    await second.checkpoint();
  } catch (e) {
    if (!(e instanceof CrashAt)) throw e;
  }
  await second.tailer.stop(); // kill -9: descriptors go, nothing more is written

  // While down: more rows and a rotation.
  ids.push(...w.write(3));
  w.renameTo(join(acct, 'acct-0001.csv'));
  w.close();
  w = new PmtaWriter(ledger, active);
  ids.push(...w.write(4));
  w.close();

  const third = await open();
  await third.poll();
  await third.poll();
  return { ingest: third, ids, crashed };
}

describe('A8-7 crash between aggregate update and checkpoint write, at every step', () => {
  it.each<IngestFaultStep>(['batch-applied', 'snapshot-taken', ...SAVE_STEPS])('crash after %s: totals after restart equal the fixture', async (step) => {
    const { ingest, ids, crashed } = await crashAndRestart(step);
    expect(crashed).toBe(true);
    expect(totals(ingest.aggregator)).toEqual(totals(expectedTotals(ids)));
    await ingest.checkpoint();
    await ingest.tailer.stop();
  });

  it('the state saved with the offsets reloads to the same aggregate (round trip through the file)', async () => {
    const { ingest, ids } = await crashAndRestart('renamed');
    await ingest.checkpoint();
    await ingest.tailer.stop();
    const again = await open();
    expect(again.loaded.source).toBe('current');
    await again.poll();
    expect(totals(again.aggregator)).toEqual(totals(expectedTotals(ids)));
    await again.tailer.stop();
  });
});

describe('A8-7 torn state file', () => {
  it('a torn state.json falls back to state.json.prev; totals stay exact; the good .prev is kept on the next save', async () => {
    const ledger = new Ledger();
    const w = new PmtaWriter(ledger, join(acct, 'acct.csv'));
    const ids: number[] = [];
    const a = await open();
    ids.push(...w.write(5));
    await a.poll();
    await a.checkpoint();
    ids.push(...w.write(5));
    await a.poll();
    await a.checkpoint();
    await a.tailer.stop();
    const good = readFileSync(stateFile);
    truncateSync(stateFile, Math.floor(good.length / 2)); // torn write (e.g. a file system without ordered data)
    ids.push(...w.write(3));

    const b = await open();
    expect(b.loaded.source).toBe('previous');
    expect(b.loaded.problems).toEqual([expect.stringContaining(`${stateFile}: body is`)]);
    await b.poll();
    expect(totals(b.aggregator)).toEqual(totals(expectedTotals(ids)));
    const prevBefore = readFileSync(`${stateFile}.prev`);
    await b.checkpoint();
    expect(readFileSync(`${stateFile}.prev`)).toEqual(prevBefore);
    await b.tailer.stop();
    w.close();
  });

  it('with no usable state at all it starts fresh and counts the files once', async () => {
    const ledger = new Ledger();
    const w = new PmtaWriter(ledger, join(acct, 'acct.csv'));
    const ids = w.write(6);
    mkdirSync(join(dir, 'state'));
    writeFileSync(stateFile, 'garbage\n{}');
    writeFileSync(`${stateFile}.prev`, '');
    const c = await open();
    expect(c.loaded.source).toBe('none');
    expect(c.loaded.problems).toHaveLength(2);
    await c.poll();
    expect(totals(c.aggregator)).toEqual(totals(expectedTotals(ids)));
    await c.tailer.stop();
    w.close();
  });

  it('refuses a state file written for other inputs, with a hint', async () => {
    const a = await open();
    await a.checkpoint();
    await a.tailer.stop();
    await expect(
      TailIngest.open({ inputs: [join(dir, 'other')], model, stateFile, watch: false }),
    ).rejects.toMatchObject({ name: 'UserError', hint: 'pass --state FILE to keep a separate state for these inputs' });
  });
});
