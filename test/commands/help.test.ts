import { describe, expect, it } from 'vitest';
import { loadCommands } from '../../src/commands/index.js';
import { runCli } from '../helpers/run-cli.js';

describe('pmta-advisor --help', () => {
  it('lists every command, and every command has its own --help with usage and options', async () => {
    const main = await runCli(['--help']);
    expect(main.code).toBe(0);
    const commands = await loadCommands();
    expect(commands.map((c) => c.name)).toEqual(['report', 'watch', 'diff', 'lint', 'inspect', 'simulate', 'demo']);
    for (const c of commands) {
      expect(main.stdout).toContain(`  ${c.name} `);
      const own = await runCli([c.name, '--help']);
      expect(own.code, c.name).toBe(0);
      expect(own.stdout, c.name).toMatch(new RegExp(`^Usage: pmta-advisor ${c.name}`));
      expect(own.stdout, c.name).toContain('-h, --help');
    }
  });

  it('answers an unknown command or flag with a one-line usage error and exit code 2', async () => {
    const unknown = await runCli(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'frobnicate'");
    const badFlag = await runCli(['report', '--nope', 'x']);
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr.trim().split('\n')).toHaveLength(1);
    expect(badFlag.stderr).toContain("pmta-advisor report --help");
  });

  it('prints the version', async () => {
    expect((await runCli(['--version'])).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
