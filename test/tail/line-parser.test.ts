/**
 * The tailer depends only on the RecordParser contract: the same rotation, copytruncate and restart
 * sequence with the tiny line parser of test/tail/helpers (records = LF-terminated lines).
 */
import { appendFileSync, copyFileSync, renameSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLineParser } from './helpers/line-parser.js';
import { Collector, makeTailer, removeDir, tempDir } from './helpers/harness.js';
import { checkpointAndStop } from './helpers/scene.js';

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => removeDir(dir));

const HEAD = 'type,timeLogged,rcpt,header_X-Seq\n';
let n = 0;
function rows(k: number): { text: string; ids: string[] } {
  const ids: string[] = [];
  let text = '';
  for (let i = 0; i < k; i++) {
    const id = `S${String(++n).padStart(7, '0')}`;
    ids.push(id);
    text += `d,2026-11-29T14:00:00Z,user${n}@example.com,${id}\n`;
  }
  return { text, ids };
}

describe('tailer with the line-based test parser', () => {
  it('rotation, copytruncate and a restart: every line once, offsets at line ends', async () => {
    const written: string[] = [];
    const active = join(dir, 'acct.csv');
    const add = (path: string, k: number): void => {
      const r = rows(k);
      appendFileSync(path, r.text);
      written.push(...r.ids);
    };
    writeFileSync(active, HEAD);
    add(active, 30);
    const collector = new Collector();
    const t = makeTailer([dir], { parserFactory: createLineParser, fingerprintBytes: 128 }, collector);
    await t.polls(1);
    add(active, 5);
    renameSync(active, join(dir, 'acct-0001.csv'));
    writeFileSync(active, HEAD);
    add(join(dir, 'acct-0001.csv'), 2);
    add(active, 4);
    await t.polls(1);
    add(active, 3);
    copyFileSync(active, join(dir, 'acct.csv.1'));
    truncateSync(active, 0);
    add(active, 2);
    const cp = await checkpointAndStop(t);
    add(active, 1);
    const t2 = makeTailer([dir], { parserFactory: createLineParser, checkpoint: cp }, collector);
    await t2.polls(2);
    expect(collector.duplicates()).toEqual([]);
    expect(collector.ids()).toEqual([...written].sort());
    const cp2 = t2.tailer.checkpoint();
    for (const s of cp2.streams) for (const f of s.files.filter((x) => x.role === 'owner')) expect(s.offset).toBe(f.size);
    await t2.tailer.stop();
  });
});
