import { describe, expect, it } from 'vitest';
import { attributeProvider } from '../../src/providers/attribute-provider.js';
import { loadDefaultProviderModelSync } from '../../src/providers/load-provider-model-io.js';
import { REFERENCE_CASES } from './reference-responses.js';

const model = loadDefaultProviderModelSync();

describe('reference section 3 responses (rows 1-69)', () => {
  it('covers every row of the reference', () => {
    const rows = new Set(REFERENCE_CASES.map((c) => c.row));
    const missing = Array.from({ length: 69 }, (_, i) => i + 1).filter((r) => !rows.has(r));
    expect(missing).toEqual([]);
  });

  it.each(REFERENCE_CASES.map((c) => [`row ${c.row}: ${c.text.slice(0, 70)}`, c] as const))('%s', (_name, c) => {
    const provider = attributeProvider(model, c.domain, c.dsnMta);
    expect(provider).toBe(c.provider);
    const result = model.classify(provider, c.text, c.status, '');
    expect(result.class).toBe(c.class);
    if (c.patternId !== undefined) expect(result.patternId).toBe(c.patternId);
    // dsnDiag as logged, with the smtp; prefix, classifies the same
    expect(model.classify(provider, `smtp;${c.text}`, c.status, '')).toEqual(result);
  });
});
