/** The state file: format with checksum, atomic save with .prev rotation, fallback, default location. */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeState, encodeState, type AdvisorState } from '../../src/tail/state-format.js';
import { defaultStatePath, loadState, saveState } from '../../src/tail/state-store.js';
import { removeDir, tempDir } from './helpers/harness.js';

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => removeDir(dir));

function state(offset: number): AdvisorState {
  return {
    inputs: ['/var/log/pmta/acct'],
    aggregate: null,
    tail: {
      version: 1,
      savedAt: Date.parse('2026-11-29T15:00:00Z'),
      fingerprintBytes: 1024,
      streams: [
        {
          fingerprint: '0123456789abcdef0123456789abcdef',
          dataStart: 412,
          header: ['type', 'timeLogged', 'rcpt'],
          offset,
          marker: 'fedcba9876543210fedcba9876543210',
          markerLength: 1024,
          finished: false,
          kind: 'plain',
          lastSeenAt: Date.parse('2026-11-29T15:00:00Z'),
          files: [{ dev: '2049', ino: '18446744073709551615', path: '/var/log/pmta/acct/acct.csv', kind: 'plain', role: 'owner', size: offset + 17, mtime: '1795964403123456789' }],
        },
      ],
    },
  };
}

describe('state format', () => {
  it('round-trips, including 64-bit inode numbers as strings', () => {
    const s = state(123_456);
    const d = decodeState(encodeState(s));
    expect(d).toEqual({ ok: true, state: s });
  });

  it('rejects a torn, edited or foreign file with a reason', () => {
    const bytes = encodeState(state(10));
    expect(decodeState(bytes.subarray(0, bytes.length - 30))).toMatchObject({ ok: false, problem: expect.stringContaining('torn write') });
    const edited = Buffer.from(bytes.toString('utf8').replace('"offset":10', '"offset":99'));
    expect(decodeState(edited)).toMatchObject({ ok: false, problem: 'checksum mismatch (torn or edited)' });
    expect(decodeState(Buffer.from('{"hello":1}\n{}'))).toMatchObject({ ok: false, problem: 'not a pmta-advisor state file' });
    expect(decodeState(Buffer.from(''))).toMatchObject({ ok: false });
  });
});

describe('saveState / loadState', () => {
  it('keeps the previous good state as .prev, leaves no temp file, and loads the newest', async () => {
    const path = join(dir, 'nested', 'state.json');
    await saveState(path, state(1));
    await saveState(path, state(2));
    await saveState(path, state(3));
    expect(readdirSync(join(dir, 'nested')).sort()).toEqual(['state.json', 'state.json.prev']);
    expect((statSync(path).mode & 0o777).toString(8)).toBe('600');
    const loaded = await loadState(path);
    expect(loaded).toMatchObject({ source: 'current', problems: [] });
    expect(loaded.state?.tail.streams[0]?.offset).toBe(3);
    const prev = decodeState(readFileSync(`${path}.prev`));
    expect(prev.ok && prev.state.tail.streams[0]?.offset).toBe(2);
  });

  it('a crash after the old file was moved to .prev (no state.json yet) loads .prev; the temp file is cleaned on the next save', async () => {
    const path = join(dir, 'state.json');
    await saveState(path, state(1));
    await expect(
      saveState(path, state(2), {
        fault: (step) => {
          if (step === 'prev-rotated') throw new Error('crash');
        },
      }),
    ).rejects.toThrow('crash');
    expect(existsSync(path)).toBe(false);
    const loaded = await loadState(path);
    expect(loaded.source).toBe('previous');
    expect(loaded.state?.tail.streams[0]?.offset).toBe(1);
    await saveState(path, state(3));
    expect(readdirSync(dir).sort()).toEqual(['state.json', 'state.json.prev']);
  });

  it('nothing saved yet: no state, no problem', async () => {
    expect(await loadState(join(dir, 'state.json'))).toEqual({ state: null, source: 'none', problems: [] });
  });

  it('rotate:false drops a bad current file instead of pushing the good .prev out', async () => {
    const path = join(dir, 'state.json');
    await saveState(path, state(1));
    await saveState(path, state(2));
    writeFileSync(path, 'torn');
    await saveState(path, state(3), { rotate: false });
    const prev = decodeState(readFileSync(`${path}.prev`));
    expect(prev.ok && prev.state.tail.streams[0]?.offset).toBe(1);
  });
});

describe('defaultStatePath', () => {
  it('uses $XDG_STATE_HOME when absolute, else ~/.local/state', () => {
    expect(defaultStatePath({ XDG_STATE_HOME: '/srv/state' }, '/home/ops')).toBe('/srv/state/pmta-advisor/state.json');
    expect(defaultStatePath({ XDG_STATE_HOME: 'relative' }, '/home/ops')).toBe('/home/ops/.local/state/pmta-advisor/state.json');
    expect(defaultStatePath({}, '/home/ops')).toBe('/home/ops/.local/state/pmta-advisor/state.json');
  });
});
