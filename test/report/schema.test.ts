import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validate } from './helpers/json-schema.js';
import { runScenario } from './helpers/run-scenario.js';

const schema = JSON.parse(readFileSync(new URL('../../docs/report.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;

describe('docs/report.schema.json', () => {
  it('accepts the JSON report of a simulated run with every section filled', async () => {
    const { report } = await runScenario('mixed', 5, { volume: 30_000 });
    expect(report.pairs.length).toBeGreaterThan(10);
    expect(report.recommendations.length).toBeGreaterThan(0);
    expect(report.warmup.length).toBeGreaterThan(0);
    expect(report.invalidDomains.length).toBeGreaterThan(0);
    expect(validate(schema, report)).toEqual([]);
  });

  it('rejects reports that break the contract', () => {
    const bad = {
      generatedAt: 'yesterday',
      input: { files: 1, records: -1, malformed: 0, from: null, to: null },
      pairs: [{ isp: 'yahoo' }],
      recommendations: [],
      warmup: [],
      invalidDomains: [],
      extra: true,
    };
    const errors = validate(schema, bad);
    expect(errors).toContain("$.generatedAt: 'yesterday' does not match ^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z$");
    expect(errors).toContain('$.input.records: -1 < 0');
    expect(errors).toContain('$.pairs[0]: missing sourceIp');
    expect(errors).toContain('$: unexpected property extra');
  });
});
