import { describe, expect, it } from 'vitest';
import { RESPONSE_CLASSES } from '../../src/domain/response-class.js';
import { formatModelError } from '../../src/providers/model-error.js';
import { parseProviderModel } from '../../src/providers/parse-provider-model.js';
import { shippedModelFiles } from './model-files.js';

const REQUIRED_IDS = [
  'google', 'yahoo', 'microsoft', 'office365', 'apple', 'comcast', 'att', 'cox-charter', 'orange', 'gmx', 'qq', 'netease',
  'mimecast', 'barracuda', 'proofpoint', 'rackspace',
];

describe('the shipped provider model', () => {
  const { model, errors } = parseProviderModel(shippedModelFiles());

  it('loads without errors', () => {
    expect(errors.map(formatModelError)).toEqual([]);
  });

  it('defines every provider id the simulator and the report use', () => {
    const ids = model.providers.map((p) => p.id);
    for (const id of REQUIRED_IDS) expect(ids).toContain(id);
  });

  it('classifies every pattern example by that pattern, under its own provider', () => {
    for (const p of model.providers) {
      for (const r of p.responses) {
        expect(r.example, r.source).not.toBeNull();
        expect(model.classify(p.id, r.example ?? '', '', ''), r.source).toEqual({ class: r.class, patternId: r.id });
      }
    }
    for (const g of model.generic) {
      expect(model.classify('other', g.example ?? '', '', ''), g.source).toEqual({ class: g.class, patternId: g.id });
    }
  });

  it('uses every response class somewhere', () => {
    const used = new Set([...model.generic, ...model.providers.flatMap((p) => p.responses)].map((r) => r.class));
    expect([...used].sort()).toEqual([...RESPONSE_CLASSES].sort());
  });

  it('carries the published limits of the reference (section 5.2)', () => {
    const limits = Object.fromEntries(model.providers.map((p) => [p.id, p.limits]));
    expect(limits['google']).toEqual({ connections: 5, perConnection: 50 });
    expect(limits['yahoo']).toEqual({ perConnection: 20 });
    expect(limits['microsoft']).toEqual({ connections: 5, perConnection: 50 });
    expect(limits['office365']).toEqual({ connections: 5, perConnection: 50 });
    expect(limits['apple']).toEqual({ connections: 10, perConnection: 5 });
    expect(limits['comcast']).toEqual({ connections: 25, perConnection: 1000 });
    expect(limits['orange']).toEqual({ connections: 3 });
    expect(limits['gmx']).toEqual({ connections: 4, perConnection: 20 });
    expect(limits['mimecast']).toEqual({ connections: 10, perConnection: 100 });
    expect(limits['barracuda']).toEqual({ connections: 10, perConnection: 15 });
    expect(limits['qq']).toEqual({ connections: 4, perConnection: 8 });
    expect(limits['netease']).toEqual({ connections: 4, perConnection: 7 });
  });

  it('records where each pattern is defined', () => {
    const tss04 = model.providers.find((p) => p.id === 'yahoo')?.responses.find((r) => r.id === 'yahoo-tss04');
    expect(tss04?.source).toMatch(/^models\/providers\/yahoo\.json#responses\[\d+\]$/);
  });
});
