import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadProviderModel } from '../../src/providers/load-provider-model-io.js';
import { WatchSession } from '../../src/watch/watch-session.js';

const HEADER = 'type,timeLogged,rcpt,dsnStatus,dsnDiag,dsnMta,dlvSourceIp,vmta,queue';

function d(time: string, rcpt: string, ip: string, vmta: string, mx: string): string {
  const domain = rcpt.split('@')[1]!;
  return `d,${time},${rcpt},2.0.0 (success),smtp;250 ok,${mx},${ip},${vmta},${domain}/${vmta}\r\n`;
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pmta-retain-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

describe('watch retention', () => {
  it('drops what is older than the window before the newest record, and keeps the rest exactly', async () => {
    const rows = [
      ...Array.from({ length: 5 }, (_, i) => d(`2026-11-25 10:0${i}:00+0000`, `a${i}@gmail.com`, '203.0.113.31', 'vmta-31', 'gmail-smtp-in.l.google.com (142.250.27.26)')),
      ...Array.from({ length: 7 }, (_, i) => d(`2026-11-28 10:0${i}:00+0000`, `b${i}@yahoo.com`, '203.0.113.14', 'vmta-14', 'mta7.am0.yahoodns.net (67.195.204.72)')),
    ];
    await writeFile(join(dir, 'acct-2026-11-28-0000.csv'), `${HEADER}\r\n${rows.join('')}`);
    const model = await loadProviderModel();
    const make = (retainMs: number): Promise<WatchSession> =>
      WatchSession.open({ inputs: [dir], cwd: dir, stateFile: join(dir, `.state-${retainMs}.json`), model, config: null, watchEvents: false, retainMs });

    const keepAll = await make(Number.POSITIVE_INFINITY);
    await keepAll.ingest.poll();
    expect(keepAll.refresh().report.pairs.map((p) => p.isp).sort()).toEqual(['google', 'yahoo']);
    await keepAll.stop();

    const oneDay = await make(24 * 3_600_000);
    await oneDay.ingest.poll();
    const { report } = oneDay.refresh();
    expect(report.pairs.map((p) => p.isp)).toEqual(['yahoo']);
    expect(report.pairs[0]!.delivered).toBe(7);
    // the record count stays cumulative: nothing read is forgotten as "read"
    expect(report.input.records).toBe(12);
    await oneDay.stop();
  });
});
