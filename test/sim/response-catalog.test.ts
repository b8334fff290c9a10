/**
 * The response catalog picks each provider's own texts by class, keeps only texts the model classifies
 * back to that class, and falls back to generic texts (throttles) or profile texts (recipients).
 */
import { describe, expect, it } from 'vitest';
import { loadSimDefaults } from '../../src/sim/io/load-scenario-io.js';
import { SITUATIONS, buildResponseCatalog } from '../../src/sim/provider/response-catalog.js';
import { renderTemplate } from '../../src/sim/provider/text-template.js';
import { fixtures } from './helpers/sim-harness.js';
import { testProviderModel } from './helpers/test-provider-model.js';

const vars = { ip: '203.0.113.14', rcpt: 'jane@example.com', domain: 'example.com', id: 'abc', n: '1' };

describe('response catalog', () => {
  it('uses the provider\u2019s own texts, then generic ones, then profile texts', () => {
    const defaults = loadSimDefaults();
    const catalog = buildResponseCatalog(testProviderModel(), defaults.providers);
    expect(catalog.texts('yahoo', 'per-connection', 'rcpt').map((t) => t.source)).toEqual(['yahoo-max-per-conn']);
    expect(catalog.texts('google', 'per-connection', 'rcpt').map((t) => t.source)).toEqual(['generic-too-many-messages']);
    expect(catalog.texts('yahoo', 'unknown-user', 'rcpt').map((t) => t.source)).toEqual(['profile:unknown-user']);
    // Greeting refusals are transient only: Yahoo's block text (553) cannot be a greeting refusal here.
    expect(catalog.texts('yahoo', 'block', 'greeting')).toEqual([]);
    const rate = catalog.texts('microsoft', 'rate', 'rcpt')[0];
    expect(rate && renderTemplate(rate.template, vars)).toContain('[203.0.113.14]');
  });

  it('with the shipped model, every provider has texts for every situation, classified back to it', async () => {
    const { model, defaults } = await fixtures();
    const catalog = buildResponseCatalog(model, defaults.providers);
    const CLASS = { rate: 'rate', connections: 'connections', 'per-connection': 'per-connection', reputation: 'reputation', block: 'block' } as const;
    for (const provider of Object.keys(defaults.providers)) {
      for (const situation of SITUATIONS) {
        const texts = catalog.texts(provider, situation, 'rcpt');
        expect(texts.length, `${provider} ${situation}`).toBeGreaterThan(0);
        if (!(situation in CLASS)) continue;
        for (const t of texts) {
          const text = renderTemplate(t.template, vars);
          expect(model.classify(provider, text, t.status, t.bounceCat).class).toBe(CLASS[situation as keyof typeof CLASS]);
        }
      }
    }
  });

  it('the simulated domains and MX hosts attribute to their provider in the shipped model', async () => {
    const { model, defaults } = await fixtures();
    for (const profile of Object.values(defaults.providers)) {
      for (const mx of profile.mx) {
        const host = mx.host.replace('{domain}', 'example-domain.com').replace('{dashed}', 'example-domain-com');
        expect(model.providerOfMx(`${host} (${mx.ip})`) ?? 'other', host).toBe(profile.id);
      }
      const b2b = ['office365', 'mimecast', 'barracuda', 'proofpoint', 'rackspace'].includes(profile.id);
      for (const domain of Object.keys(profile.domains)) expect(model.providerOfDomain(domain), domain).toBe(b2b ? 'other' : profile.id);
    }
  });
});
