import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { FIXTURES, fixturePath } from './helpers.js';

describe('pmta-advisor lint', () => {
  it('prints file:line, severity, message, rule and fix, and exits 1 on errors', async () => {
    const res = await runCli(['lint', 'copied-from-forum/config'], { cwd: FIXTURES });
    expect(res.code).toBe(1);
    expect(res.stderr).toBe('');
    const lines = res.stdout.split('\n');
    expect(lines).toContain('copied-from-forum/config:9    error    always-allow-relaying on <source 0/0>: anyone can relay through this server  [open-relay]');
    const at = lines.findIndex((l) => l.includes('[open-relay]'));
    expect(lines[at + 1]?.trim()).toBe('fix: set always-allow-relaying no there; allow relaying only for your injection hosts (e.g. <source 10.20.0.0/24>) or authenticated users (<source {auth}>)');
    expect(lines).toContain('copied-from-forum/config:19   warning  <acct-file> logs only d,b (the default): throttling (t/tq records) is invisible to you  [acct-no-transient]');
    expect(lines.at(-2)).toBe('7 errors, 12 warnings, 3 info');
    expect(res.stdout).not.toContain('\u001B[');
  });

  it('exits 0 when there are only warnings or info, and keeps absolute paths absolute', async () => {
    const res = await runCli(['lint', fixturePath('esp-pools', 'config')]);
    expect(res.code).toBe(0);
    expect(res.stdout.split('\n')[0]).toMatch(new RegExp(`^${fixturePath('esp-pools', 'config').replace(/[/.]/g, '\\$&')}:15 +info +http-mgmt-port 8080`));
  });

  it('--min-severity hides findings below it', async () => {
    const res = await runCli(['lint', 'copied-from-forum/config', '--min-severity', 'error'], { cwd: FIXTURES });
    expect(res.stdout).not.toMatch(/ (warning|info) {2,}/);
    expect(res.stdout.split('\n').filter((l) => l.includes('  [')).length).toBe(7);
  });

  it('--format json gives every finding with its rule and fix', async () => {
    const res = await runCli(['lint', fixturePath('lint', 'open-relay', 'bad.conf'), '--format', 'json']);
    expect(res.code).toBe(1);
    const json = JSON.parse(res.stdout) as { counts: Record<string, number>; findings: { rule: string; line: number; severity: string; fix: string }[] };
    expect(json.findings.filter((f) => f.rule === 'open-relay').map((f) => [f.line, f.severity])).toEqual([
      [2, 'error'],
      [5, 'error'],
    ]);
    expect(json.counts['error']).toBe(2);
  });

  it('colours severities only when the terminal wants colour', async () => {
    const plain = await runCli(['lint', fixturePath('lint', 'open-relay', 'bad.conf')], { tty: true, env: { NO_COLOR: '1' } });
    expect(plain.stdout).not.toContain('\u001B[');
    const coloured = await runCli(['lint', fixturePath('lint', 'open-relay', 'bad.conf')], { tty: true });
    expect(coloured.stdout).toContain('\u001B[31merror');
  });

  it('a missing or unreadable file is a one-line error naming it', async () => {
    const res = await runCli(['lint', 'nope.conf'], { cwd: FIXTURES });
    expect(res.code).toBe(1);
    expect(res.stdout).toBe('');
    expect(res.stderr).toBe('pmta-advisor lint: cannot read nope.conf: no such file (pass the path of your PowerMTA config, e.g. /etc/pmta/config)\n');
    const dir = await runCli(['lint', 'esp-pools'], { cwd: FIXTURES });
    expect(dir.stderr).toBe('pmta-advisor lint: esp-pools is not a file (pass the path of your PowerMTA config file, not a directory)\n');
  });

  it('usage errors exit 2', async () => {
    expect((await runCli(['lint'])).code).toBe(2);
    expect((await runCli(['lint', 'a', 'b'])).code).toBe(2);
    expect((await runCli(['lint', 'a', '--format', 'xml'])).code).toBe(2);
  });

  it('--help lists every rule', async () => {
    const res = await runCli(['lint', '--help']);
    expect(res.code).toBe(0);
    for (const rule of ['open-relay', 'unescaped-brackets', 'acct-no-transient', 'backoff-never-normal', 'default-value']) expect(res.stdout).toContain(rule);
  });
});
