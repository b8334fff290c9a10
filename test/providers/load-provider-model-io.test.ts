import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UserError } from '../../src/domain/user-error.js';
import { attributeProvider } from '../../src/providers/attribute-provider.js';
import {
  defaultProviderModelDir,
  loadDefaultProviderModelSync,
  loadProviderModel,
  loadProviderModelSync,
} from '../../src/providers/load-provider-model-io.js';
import { providerJson } from './model-files.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pmta-providers-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('loadProviderModel', () => {
  it('loads the shipped model from the package directory', async () => {
    const model = await loadProviderModel();
    expect(model.providers.length).toBeGreaterThanOrEqual(16);
    expect(loadDefaultProviderModelSync().providers.map((p) => p.id)).toEqual(model.providers.map((p) => p.id));
  });

  it('picks up a provider file a user added, with no code change', async () => {
    const dir = tempDir();
    cpSync(defaultProviderModelDir(), dir, { recursive: true });
    writeFileSync(join(dir, 'acme.json'), providerJson());
    const model = await loadProviderModel(dir);
    const provider = attributeProvider(model, 'someone.else.example', 'in2.mx.acme-mail.example (192.0.2.7)');
    expect(provider).toBe('acme');
    expect(model.classify(provider, '421 4.7.0 Slow down please ACME-RL3', '4.7.0', '')).toEqual({ class: 'rate', patternId: 'acme-slow-down' });
    // the generic patterns still apply to the new provider
    expect(model.classify(provider, '450 4.2.0 Recipient address rejected: Greylisted', '4.2.0', '').patternId).toBe('greylisting');
    // and the shipped providers are untouched
    expect(model.providerOfDomain('gmail.com')).toBe('google');
  });

  it('layers directories: a later file replaces the same name, new names are added', () => {
    const user = tempDir();
    writeFileSync(join(user, 'acme.json'), providerJson());
    const googleOverride = providerJson({
      id: 'google',
      name: 'Google (local override)',
      domains: ['gmail.com'],
      mxPatterns: ['*.google.com'],
      responses: [{ id: 'google-local', class: 'block', pattern: 'LOCALBLOCK', example: '550 LOCALBLOCK' }],
    });
    writeFileSync(join(user, 'google.json'), googleOverride);
    const model = loadProviderModelSync([defaultProviderModelDir(), user]);
    expect(model.providerOfDomain('acme-mail.example')).toBe('acme');
    expect(model.providers.find((p) => p.id === 'google')?.name).toBe('Google (local override)');
    expect(model.providerOfDomain('googlemail.com')).toBe('other');
    expect(model.classify('yahoo', '421 4.7.0 [TSS04] Messages from 203.0.113.14 temporarily deferred', '', '').patternId).toBe('yahoo-tss04');
  });

  it('throws a UserError naming the file and the entry', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'acme.json'), providerJson({ responses: [{ id: 'acme-x', class: 'ratelimit', pattern: 'x', example: 'x' }] }));
    const error = await loadProviderModel(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toBe(
      `invalid provider model: ${join(dir, 'acme.json')}: responses[0].class: "ratelimit" is not a class (one of connections, per-connection, rate, reputation, block, recipient, auth, invalid-domain, other)`,
    );
  });

  it('lists the first three errors and counts the rest', () => {
    const dir = tempDir();
    const bad = Array.from({ length: 5 }, (_, i) => ({ id: `acme-${i}`, class: 'nope', pattern: 'x', example: 'x' }));
    writeFileSync(join(dir, 'acme.json'), providerJson({ responses: bad }));
    expect(() => loadProviderModelSync(dir)).toThrow(/responses\[0\]\.class.*; .*responses\[1\]\.class.*; .*responses\[2\]\.class.* \(and 2 more\)$/);
  });

  it('throws a UserError for a missing or empty directory', async () => {
    const missing = join(tempDir(), 'nope');
    await expect(loadProviderModel(missing)).rejects.toThrow(`cannot read provider model directory ${missing}: no such directory`);
    const empty = tempDir();
    expect(() => loadProviderModelSync(empty)).toThrow(UserError);
    expect(() => loadProviderModelSync(empty)).toThrow(/no provider \*\.json files/);
  });
});
