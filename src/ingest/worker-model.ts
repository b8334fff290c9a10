/**
 * Which provider model the worker threads load. A model object cannot cross to a thread (it is made of
 * functions), so a worker loads it again: from `modelDir` when the caller says where the model came
 * from, else the shipped model, but only when the caller's model behaves like it (same providers and
 * generic patterns, field by field, and the same status and bounce-category fallbacks over a fixed set
 * of probes). Otherwise null: ingest reads in one thread.
 */
import { loadDefaultProviderModelSync } from '../providers/load-provider-model-io.js';
import type { ProviderModel, ResponsePattern } from '../providers/types.js';

const BOUNCE_CATEGORIES = [
  'bad-mailbox', 'bad-domain', 'bad-connection', 'bad-configuration', 'content-related', 'inactive-mailbox',
  'invalid-sender', 'message-expired', 'no-answer-from-host', 'other', 'policy-related', 'protocol-errors',
  'quota-issues', 'relaying-issues', 'routing-errors', 'spam-related', 'virus-related', 'unknown',
];

function patternsKey(ps: readonly ResponsePattern[]): string {
  return JSON.stringify(ps.map((p) => [p.id, p.class, p.regex.source, p.regex.flags]));
}

function fingerprint(m: ProviderModel): string {
  const providers = m.providers.map((p) => [p.id, p.name, p.domains, p.mxPatterns, p.limits, patternsKey(p.responses)]);
  const probes: string[] = [];
  for (const id of [...m.providers.map((p) => p.id), 'other']) {
    for (const c of [2, 4, 5]) {
      for (let s = 0; s < 8; s++) {
        for (let d = 0; d < 10; d++) {
          const r = m.classify(id, '', `${c}.${s}.${d}`, '');
          probes.push(`${r.class}/${r.patternId}`);
        }
      }
    }
    for (const cat of BOUNCE_CATEGORIES) {
      const r = m.classify(id, '', '', cat);
      probes.push(`${r.class}/${r.patternId}`);
    }
  }
  return JSON.stringify([providers, patternsKey(m.generic), probes]);
}

const known = new WeakMap<ProviderModel, string>();

function fingerprintOf(m: ProviderModel): string {
  let f = known.get(m);
  if (f === undefined) {
    f = fingerprint(m);
    known.set(m, f);
  }
  return f;
}

/** The model directory for the workers (null = the shipped model), or undefined when none fits. */
export function workerModelDir(model: ProviderModel, modelDir: string | readonly string[] | undefined): string | readonly string[] | null | undefined {
  if (modelDir !== undefined) return modelDir;
  const shipped = loadDefaultProviderModelSync();
  return model === shipped || fingerprintOf(model) === fingerprintOf(shipped) ? null : undefined;
}
