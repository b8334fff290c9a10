import { appendFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { PassThrough } from 'node:stream';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReportJson } from '../../src/domain/report.js';
import { runCli } from '../helpers/run-cli.js';

const HEADER =
  'type,timeLogged,timeQueued,orig,rcpt,orcpt,dsnAction,dsnStatus,dsnDiag,dsnMta,bounceCat,srcType,srcMta,dlvType,dlvSourceIp,dlvDestinationIp,dlvEsmtpAvailable,dlvSize,vmta,jobId,envId,queue,vmtaPool,header_X-Job';

function row(type: 'd' | 't', i: number, domain: string, mx: string, diag: string): string {
  const t = new Date(Date.UTC(2026, 10, 29, 10, 0, i % 3600)).toISOString().replace('T', ' ').slice(0, 19) + '+0000';
  const status = type === 'd' ? '2.0.0 (success)' : '4.7.0 (other or undefined security status)';
  return `${type},${t},${t},b@news.example.org,u${i}@${domain},,${type === 'd' ? 'relayed' : 'delayed'},${status},"smtp;${diag}",${mx},,smtp,app (10.0.0.5),smtp,203.0.113.14,67.195.204.72,,2000,vmta-14,job,,${domain}/vmta-14,pool,job\r\n`;
}

const YAHOO_MX = 'mta7.am0.yahoodns.net (67.195.204.72)';
const GMAIL_MX = 'gmail-smtp-in.l.google.com (142.250.27.26)';

/** A stdin that Ink accepts as a terminal (raw mode is a no-op). */
function ttyStdin(): PassThrough & { isTTY: boolean; setRawMode: (on: boolean) => void; ref: () => void; unref: () => void } {
  return Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => undefined, ref: () => undefined, unref: () => undefined });
}

async function until(check: () => boolean, what: string, ms = 20_000, debug?: () => string): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > ms) throw new Error(`timed out waiting for ${what}${debug === undefined ? '' : `: ${debug().slice(-500)}`}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pmta-watch-'));
  await writeFile(join(dir, 'acct-2026-11-29-0000.csv'), HEADER + '\r\n' + Array.from({ length: 40 }, (_, i) => row('d', i, 'yahoo.com', YAHOO_MX, '250 ok')).join(''));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

describe('pmta-advisor watch', () => {
  it('draws the dashboard on a terminal, follows appended rows on screen, and quits on q', async () => {
    const stdin = ttyStdin();
    let screen = '';
    const done = runCli(['watch', dir, '--state', join(dir, 'state', 's.json'), '--poll', '50'], {
      tty: true,
      stdin,
      columns: 120,
      rows: 30,
      onStdout: (all) => (screen = all),
    });
    await until(() => screen.includes('yahoo') && screen.includes('203.0.113.14'), 'the yahoo pair on screen', 5000, () => JSON.stringify(screen));
    expect(screen).not.toContain('google');
    const before = screen.length;
    // PowerMTA appends: a new provider appears, and yahoo starts deferring
    await appendFile(
      join(dir, 'acct-2026-11-29-0000.csv'),
      Array.from({ length: 30 }, (_, i) => row('d', 100 + i, 'gmail.com', GMAIL_MX, '250 2.0.0 OK')).join('') +
        Array.from({ length: 60 }, (_, i) => row('t', 200 + i, 'yahoo.com', YAHOO_MX, '421 4.7.0 [TSS04] Messages from 203.0.113.14 temporarily deferred due to unexpected volume or user complaints')).join(''),
    );
    await until(() => screen.slice(before).includes('google'), 'the appended google rows on screen');
    await until(() => screen.slice(before).includes('yahoo/203.0.113.14 started throttling'), 'the throttling alert', 8000, () => screen.slice(-2500));
    expect(screen.slice(before)).toContain('[TSS04]');
    stdin.write('q');
    const res = await done;
    expect(res.code).toBe(0);
    // the alternate screen is left on exit, and the cursor is shown again
    expect(res.stdout.endsWith('\u001B[?1049l')).toBe(true);
    expect(res.stdout).toContain('\u001B[?25h');
  });

  it('prints one JSON report per interval when stdout is not a terminal, shaped like report --format json', async () => {
    const controller = new AbortController();
    const lines: string[] = [];
    const done = runCli(['watch', dir, '--format', 'json', '--interval', '0.2', '--state', join(dir, 's.json'), '--poll', '50'], {
      signal: controller.signal,
      onStdout: (all) => lines.splice(0, lines.length, ...all.split('\n').filter((l) => l !== '')),
    });
    await until(() => lines.length >= 2, 'two JSON lines');
    controller.abort();
    const res = await done;
    expect(res.code).toBe(0);
    const first = JSON.parse(lines[0]!) as ReportJson;
    expect(first.input.records).toBe(40);
    expect(first.pairs[0]).toMatchObject({ isp: 'yahoo', sourceIp: '203.0.113.14', vmta: 'vmta-14', delivered: 40 });
    expect(Array.isArray(first.recommendations)).toBe(true);
  });

  it('does not count anything twice after a restart from its state file', async () => {
    const state = join(dir, 'restart.json');
    const once = async (): Promise<ReportJson> => {
      const controller = new AbortController();
      let out = '';
      const done = runCli(['watch', dir, '--format', 'json', '--interval', '0.2', '--state', state, '--poll', '50'], { signal: controller.signal, onStdout: (all) => (out = all) });
      await until(() => out.includes('\n'), 'a JSON line');
      controller.abort();
      await done;
      return JSON.parse(out.split('\n')[0]!) as ReportJson;
    };
    expect((await once()).input.records).toBe(40);
    await appendFile(join(dir, 'acct-2026-11-29-0000.csv'), Array.from({ length: 5 }, (_, i) => row('d', 300 + i, 'yahoo.com', YAHOO_MX, '250 ok')).join(''));
    expect((await once()).input.records).toBe(45);
  });
});
