/** The shipped model files as {path, text}, for tests that edit or extend them in memory. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultProviderModelDir } from '../../src/providers/load-provider-model-io.js';
import type { ModelFile } from '../../src/providers/parse-provider-model.js';

export function shippedModelFiles(): ModelFile[] {
  const dir = defaultProviderModelDir();
  return readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()
    .map((name) => ({ path: `models/providers/${name}`, text: readFileSync(join(dir, name), 'utf8') }));
}

/** A minimal valid provider file. */
export function providerJson(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({
    id: 'acme',
    name: 'Acme Mail',
    domains: ['acme-mail.example'],
    mxPatterns: ['*.mx.acme-mail.example'],
    limits: { connections: 3, perConnection: 10 },
    responses: [
      { id: 'acme-slow-down', class: 'rate', pattern: 'ACME-RL\\d+', example: '421 4.7.0 Slow down please ACME-RL42' },
    ],
    ...overrides,
  });
}
