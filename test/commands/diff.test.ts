import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfigFile } from '../../src/config/load-config-io.js';
import { effectiveValue } from '../../src/config/resolve-effective.js';
import { configDiff } from '../../src/advice/config-diff.js';
import type { ReportJson } from '../../src/domain/report.js';
import { loadProviderModel } from '../../src/providers/load-provider-model-io.js';
import { runSimulationToDir } from '../../src/sim/io/run-simulation-io.js';
import { loadScenario, loadSimDefaults } from '../../src/sim/io/load-scenario-io.js';
import { runCli } from '../helpers/run-cli.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pmta-diff-'));
  const defaults = loadSimDefaults();
  const scenario = loadScenario('mixed', process.cwd(), defaults);
  runSimulationToDir({ scenario, defaults, model: await loadProviderModel(), options: { seed: 1, volume: 40_000 }, outDir: join(dir, 'sim') });
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

async function copyOfSim(name: string): Promise<string> {
  const target = join(dir, name);
  await cp(join(dir, 'sim'), target, { recursive: true });
  return target;
}

describe('pmta-advisor diff', () => {
  it('turns the report into a diff that patch and git apply both accept, giving the suggested values', async () => {
    const sim = join(dir, 'sim');
    const report = JSON.parse((await runCli(['report', sim, '--config', join(sim, 'pmta.conf'), '--format', 'json'])).stdout) as ReportJson;
    expect(report.recommendations.length).toBeGreaterThan(0);
    const res = await runCli(['diff', '--config', 'pmta.conf', '.', '--annotate'], { cwd: sim });
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/^--- a\/pmta\.conf\n\+\+\+ b\/pmta\.conf\n@@ /);
    expect(res.stdout).toContain('# pmta-advisor: ');
    expect(res.stdout).not.toContain('pmta-advisor: pmta-advisor:');

    const viaPatch = await copyOfSim('patched');
    await writeFile(join(viaPatch, 'tune.diff'), res.stdout);
    execFileSync('patch', ['-p1', '-i', 'tune.diff'], { cwd: viaPatch, stdio: 'pipe' });
    const viaGit = await copyOfSim('git');
    execFileSync('git', ['init', '-q'], { cwd: viaGit });
    await writeFile(join(viaGit, 'tune.diff'), res.stdout);
    execFileSync('git', ['apply', 'tune.diff'], { cwd: viaGit, stdio: 'pipe' });
    expect(await readFile(join(viaGit, 'pmta.conf'), 'utf8')).toBe(await readFile(join(viaPatch, 'pmta.conf'), 'utf8'));

    // every setting the plan applied is now the effective value for its scope, as the resolver reads it
    const plan = configDiff(loadConfigFile(join(sim, 'pmta.conf'), sim), report.recommendations);
    const after = loadConfigFile(join(viaPatch, 'pmta.conf'), viaPatch);
    const sets = plan.plan.applied.map((a) => a.change).filter((c) => c.kind === 'set' && !c.domain.startsWith('$'));
    expect(sets.length).toBeGreaterThan(3);
    for (const c of sets) {
      if (c.kind !== 'set') continue;
      expect(effectiveValue(after, c.domain, c.virtualMta, c.directive)?.value, `${c.directive} ${c.domain}/${c.virtualMta}`).toBe(c.value);
    }
  });

  it('writes in place only with --write, after a timestamped backup', async () => {
    const target = await copyOfSim('write');
    const before = await readFile(join(target, 'pmta.conf'), 'utf8');
    const res = await runCli(['diff', '--config', 'pmta.conf', '.', '--write'], { cwd: target });
    expect(res.code).toBe(0);
    expect(res.stderr).toMatch(/wrote .*pmta\.conf \(backup .*pmta\.conf\.pmta-advisor-\d{8}T\d{6}\.bak\)/);
    const backups = (await readdir(target)).filter((f) => f.endsWith('.bak'));
    expect(backups).toHaveLength(1);
    expect(await readFile(join(target, backups[0]!), 'utf8')).toBe(before);
    expect(await readFile(join(target, 'pmta.conf'), 'utf8')).not.toBe(before);
  });

  it('requires --config and says so in one line', async () => {
    const res = await runCli(['diff', join(dir, 'sim')]);
    expect(res.code).toBe(2);
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
    expect(res.stderr).toContain('--config FILE is required');
  });
});
