import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { fakeIo } from './helpers/run-scenario.js';

const HEADER = 'type,timeLogged,orig,rcpt,dsnAction,dsnStatus,dsnDiag,dsnMta,bounceCat,dlvSourceIp,dlvDestinationIp,dlvSize,vmta,queue';

function acctFile(dir: string): string {
  const rows = [HEADER];
  for (let i = 0; i < 300; i++) {
    const t = new Date(Date.UTC(2026, 10, 28, 8, 0, i * 12)).toISOString().replace('T', ' ').replace(/\.\d+Z$/, '+0000');
    rows.push(`d,${t},bounce@example.org,user${i}@gmail.com,relayed,2.0.0 (success),smtp;250 2.0.0 OK,gmail-smtp-in.l.google.com (142.250.27.26),,203.0.113.5,142.250.27.26,1200,vmta-5,gmail.com/vmta-5`);
  }
  const path = join(dir, 'acct-2026-11-28-0000.csv');
  writeFileSync(path, `${rows.join('\r\n')}\r\n`);
  return path;
}

async function run(args: readonly string[], dir: string) {
  const { io, out, err } = fakeIo(dir);
  const code = await main(['report', ...args], io, new AbortController().signal);
  return { code, out: out(), err: err() };
}

describe('pmta-advisor report', () => {
  it('prints its help', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-cmd-'));
    const r = await run(['--help'], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Usage: pmta-advisor report <paths…> [options]');
    expect(r.out).toContain('--since T');
  });

  it('reports a small file as text, JSON and Markdown, and writes --out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-cmd-'));
    const file = acctFile(dir);
    const text = await run([file], dir);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/^pmta-advisor report · 1 files · 300 records \(0 malformed\)/);
    expect(text.out).toMatch(/google\s+203\.0\.113\.5\s+vmta-5\s+300\s+100\.0%/);
    expect(text.err).toBe('');
    const json = JSON.parse((await run([file, '--format', 'json'], dir)).out) as { generatedAt: string; pairs: { isp: string; status: string }[] };
    expect(json.generatedAt).toBe('2026-12-01T00:00:00.000Z');
    expect(json.pairs).toEqual([expect.objectContaining({ isp: 'google', status: 'ok' })]);
    const md = await run([file, '--format', 'markdown', '--out', 'r.md', '--since', '30m'], dir);
    expect(md.code).toBe(0);
    expect(md.out).toBe('');
    expect(readFileSync(join(dir, 'r.md'), 'utf8')).toContain('# pmta-advisor report');
  });

  it('fails with one line and a hint on bad input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-cmd-'));
    const none = await run([], dir);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/^pmta-advisor report: no accounting files given \(pass files/);
    const fmt = await run([acctFile(dir), '--format', 'xml'], dir);
    expect(fmt.code).toBe(2);
    expect(fmt.err).toContain("--format must be text, markdown or json, got 'xml'");
    const since = await run([acctFile(dir), '--since', 'last tuesday'], dir);
    expect(since.code).toBe(2);
    expect(since.err.split('\n').filter(Boolean)).toHaveLength(1);
    const cfg = await run([acctFile(dir), '--config', 'missing.conf'], dir);
    expect(cfg.code).toBe(1);
    expect(cfg.err).toContain('cannot read missing.conf');
  });
});
