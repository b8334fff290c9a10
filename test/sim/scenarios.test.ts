/**
 * The built-in scenarios: they load and validate, their pmta.conf is clean PowerMTA syntax whose lint
 * findings are exactly the problems the scenario plants, and a user's file with mistakes fails with
 * one line naming the file and the entry.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintConfig } from '../../src/config/lint-config.js';
import { loadConfig } from '../../src/config/load-config.js';
import { memoryConfigSource } from '../../src/config/memory-config-source.js';
import { UserError } from '../../src/domain/user-error.js';
import { builtInScenarioNames, loadScenario, loadSimDefaults } from '../../src/sim/io/load-scenario-io.js';
import { renderPmtaConf } from '../../src/sim/output/render-pmta-conf.js';
import { validateScenario } from '../../src/sim/scenario/validate-scenario.js';
import { oneIpScenario } from './helpers/sim-harness.js';

const defaults = loadSimDefaults();
const known = { providers: Object.keys(defaults.providers), audiences: defaults.audiences, invalidDomains: defaults.invalidDomains };
const BUILT_IN = ['backoff', 'connections', 'invalid-domains', 'mixed', 'per-connection', 'steady', 'warmup'];

describe('built-in scenarios', () => {
  it('are all there and valid', () => {
    expect(builtInScenarioNames()).toEqual(BUILT_IN);
    for (const name of BUILT_IN) expect(loadScenario(name, '/', defaults).name).toBe(name);
  });

  it.each(BUILT_IN)('%s: pmta.conf lints to exactly the planted problems', (name) => {
    const scenario = loadScenario(name, '/', defaults);
    const text = renderPmtaConf(scenario, { seed: 1, acctDir: '/var/log/pmta' });
    const config = loadConfig('/etc/pmta/config', memoryConfigSource(new Map([['/etc/pmta/config', text]])));
    const found = new Set(lintConfig(config).filter((f) => f.severity !== 'info').map((f) => f.rule));
    expect([...found].sort()).toEqual([...scenario.plantedConfigProblems].sort());
  });
});

describe('scenario validation', () => {
  const base = oneIpScenario({ provider: 'google', volume: 1000 });

  it('accepts a minimal user scenario', () => {
    expect(validateScenario(base, 'my.json', known).errors).toEqual([]);
  });

  it('names the file and the entry of each mistake', () => {
    const bad = structuredClone(base) as Record<string, unknown>;
    (bad['sender'] as { domains: Record<string, unknown> }).domains = { '*': { 'max-smtp-out': 0, 'max-msg-rate': '350 per hour', 'max-smpt-out': 3 } };
    (bad['providers'] as Record<string, unknown>)['gogle'] = { hourlyLimit: 5 };
    bad['days'] = 0;
    const { errors } = validateScenario(bad, 'my.json', known);
    expect(errors).toEqual(
      expect.arrayContaining([
        'my.json: sender.domains.*.max-smtp-out: expected a whole number of connections ≥ 1, got 0',
        'my.json: sender.domains.*.max-msg-rate: expected a rate such as 350/h, 100/15m or unlimited, got 350 per hour',
        expect.stringMatching(/^my\.json: sender\.domains\.\*\.max-smpt-out: unsupported directive/),
        expect.stringMatching(/^my\.json: providers\.gogle: unknown provider/),
        'my.json: days: must be at least 1, got 0',
      ]),
    );
  });

  it('a user file is loaded by path; an unknown name lists the built-in ones', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pmta-scn-'));
    try {
      writeFileSync(join(dir, 'my.json'), JSON.stringify(base));
      expect(loadScenario('./my.json', dir, defaults).name).toBe('test');
      writeFileSync(join(dir, 'broken.json'), '{"name": "x",');
      expect(() => loadScenario('broken.json', dir, defaults)).toThrow(/broken\.json: not valid JSON/);
      const bad = { ...base, load: [{ pool: 'nope', share: 1, audience: 'only' }] };
      writeFileSync(join(dir, 'bad.json'), JSON.stringify(bad));
      expect(() => loadScenario('bad.json', dir, defaults)).toThrow(/bad\.json: load\[0\]\.pool: no pool nope in sender\.pools/);
      let error: unknown;
      try {
        loadScenario('nosuch', dir, defaults);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(UserError);
      expect((error as UserError).hint).toContain('steady');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
