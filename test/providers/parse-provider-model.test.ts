import { describe, expect, it } from 'vitest';
import { formatModelError } from '../../src/providers/model-error.js';
import { parseProviderModel, type ModelFile } from '../../src/providers/parse-provider-model.js';
import { providerJson } from './model-files.js';

const GENERIC: ModelFile = {
  path: 'models/providers/generic.json',
  text: JSON.stringify({ responses: [{ id: 'too-many-connections', class: 'connections', pattern: 'too many connections', example: '421 Too many connections' }] }),
};

function errorsOf(files: readonly ModelFile[]): string[] {
  return parseProviderModel(files).errors.map(formatModelError);
}

function withResponses(responses: unknown[], overrides: Record<string, unknown> = {}): ModelFile {
  return { path: 'models/providers/acme.json', text: providerJson({ responses, ...overrides }) };
}

describe('parseProviderModel', () => {
  it('builds a working model from valid files', () => {
    const { model, errors } = parseProviderModel([GENERIC, { path: 'models/providers/acme.json', text: providerJson() }]);
    expect(errors).toEqual([]);
    expect(model.providerOfDomain('acme-mail.example')).toBe('acme');
    expect(model.providerOfMx('in1.mx.acme-mail.example (192.0.2.1)')).toBe('acme');
    expect(model.classify('acme', '421 4.7.0 Slow down please ACME-RL7', '4.7.0', '')).toEqual({ class: 'rate', patternId: 'acme-slow-down' });
    expect(model.classify('acme', '421 Too many connections', '', '')).toEqual({ class: 'connections', patternId: 'too-many-connections' });
  });

  it('names file, entry and the allowed values for a bad class', () => {
    const errors = errorsOf([withResponses([{ id: 'acme-x', class: 'ratelimit', pattern: 'x+y', example: 'xxy' }])]);
    expect(errors).toEqual([
      'models/providers/acme.json: responses[0].class: "ratelimit" is not a class (one of connections, per-connection, rate, reputation, block, recipient, auth, invalid-domain, other)',
    ]);
  });

  it('reports a regular expression that does not compile', () => {
    const [error] = errorsOf([withResponses([{ id: 'acme-x', class: 'rate', pattern: '[TS01', example: '[TS01]' }])]);
    expect(error).toMatch(/^models\/providers\/acme\.json: responses\[0\]\.pattern: not a valid regular expression: /);
  });

  it('reports a pattern that matches everything and flags that make matching stateful', () => {
    const errors = errorsOf([
      withResponses([
        { id: 'acme-a', class: 'rate', pattern: '.*', example: 'anything' },
        { id: 'acme-b', class: 'rate', pattern: 'abc', flags: 'gi', example: 'abc' },
      ]),
    ]);
    expect(errors).toEqual([
      'models/providers/acme.json: responses[0].pattern: matches an empty text, so it would match every response; make it require some text',
      'models/providers/acme.json: responses[1].flags: expected a string of distinct flags from "imsu" (g and y are not allowed), got the string "gi"',
    ]);
  });

  it('requires an example, and the example must match its pattern', () => {
    const errors = errorsOf([
      withResponses([
        { id: 'acme-a', class: 'rate', pattern: 'RL\\d+' },
        { id: 'acme-b', class: 'rate', pattern: 'RL\\d+', example: '421 throttled' },
      ]),
    ]);
    expect(errors).toEqual([
      'models/providers/acme.json: responses[0].example: missing: paste a real response text (dsnDiag without "smtp;") that this pattern matches',
      'models/providers/acme.json: responses[1].example: does not match the pattern (as one line, see docs/providers.md); fix the pattern or the example',
    ]);
  });

  it('reports an example that an earlier pattern of the same provider classifies first', () => {
    const errors = errorsOf([
      withResponses([
        { id: 'acme-broad', class: 'rate', pattern: 'deferred', example: '421 deferred' },
        { id: 'acme-specific', class: 'reputation', pattern: '\\[TSS04\\]', example: '421 [TSS04] Messages temporarily deferred' },
      ]),
    ]);
    expect(errors).toEqual([
      'models/providers/acme.json: responses[1].example: is classified by the earlier pattern "acme-broad" (models/providers/acme.json#responses[0], class rate) before this one; move this pattern up or narrow the other',
    ]);
  });

  it('reports duplicate provider ids, pattern ids, domains and MX globs across files', () => {
    const second = providerJson({
      id: 'acme2',
      domains: ['other.example', 'acme-mail.example'],
      mxPatterns: ['*.mx.acme-mail.example'],
      responses: [{ id: 'acme-slow-down', class: 'rate', pattern: 'ACME2', example: 'ACME2' }],
    });
    const errors = errorsOf([
      { path: 'models/providers/acme.json', text: providerJson() },
      { path: 'models/providers/acme2.json', text: second },
      { path: 'models/providers/zz-acme-copy.json', text: providerJson({ responses: [] }) },
    ]);
    expect(errors).toEqual([
      'models/providers/acme2.json: domains[1]: "acme-mail.example" is already claimed by acme (models/providers/acme.json); a domain belongs to one provider',
      'models/providers/acme2.json: mxPatterns[0]: "*.mx.acme-mail.example" is already claimed by acme (models/providers/acme.json)',
      'models/providers/acme2.json: responses[0].id: "acme-slow-down" is already used by models/providers/acme.json#responses[0]; pattern ids must be unique',
      'models/providers/zz-acme-copy.json: id: "acme" is already defined in models/providers/acme.json; this file is ignored',
    ]);
  });

  it('validates the provider fields', () => {
    const errors = errorsOf([
      {
        path: 'models/providers/bad.json',
        text: JSON.stringify({
          id: 'Bad Id',
          name: '',
          domains: ['*.example.com', 'ok.example'],
          mxPattern: [],
          mxPatterns: ['*.com', 'mx*', 'mx.example.com'],
          limits: { connections: 0, perConection: 3 },
        }),
      },
    ]);
    expect(errors).toEqual([
      'models/providers/bad.json: mxPattern: unknown key (allowed: id, name, domains, mxPatterns, limits, responses, note)',
      'models/providers/bad.json: id: expected a lower-case provider id such as "yahoo" (letters, digits, \'-\'), got the string "Bad Id"',
      'models/providers/bad.json: name: expected a non-empty display name, got the string ""',
      'models/providers/bad.json: domains[0]: "*.example.com" is not a domain name (no wildcards: list each domain, e.g. "yahoo.co.uk")',
      'models/providers/bad.json: mxPatterns[0]: "*.com" is too broad: end it with at least two fixed labels after the last "*", e.g. "*.google.com"',
      'models/providers/bad.json: mxPatterns[1]: "mx*" is too broad: end it with at least two fixed labels after the last "*", e.g. "*.google.com"',
      'models/providers/bad.json: limits.perConection: unknown key (allowed: connections, perConnection, note)',
      'models/providers/bad.json: limits.connections: expected a positive whole number, got the number 0',
    ]);
  });

  it('reserves the id "other"', () => {
    expect(errorsOf([{ path: 'p/other.json', text: providerJson({ id: 'other' }) }])).toEqual([
      'p/other.json: id: "other" is reserved for receivers no provider claims; choose another id',
    ]);
  });

  it('reports invalid JSON with line and column', () => {
    const [error] = errorsOf([{ path: 'models/providers/acme.json', text: '{\n  "id": "acme",\n  "name": "Acme" oops\n}' }]);
    expect(error).toMatch(/^models\/providers\/acme\.json: invalid JSON at line 3, column \d+: /);
  });

  it('validates status-codes.json, including provider scopes', () => {
    const errors = errorsOf([
      { path: 'models/providers/acme.json', text: providerJson() },
      {
        path: 'models/providers/status-codes.json',
        text: JSON.stringify({
          statusCodes: [
            { status: '4.2.2', class: 'recipient' },
            { status: '4.2', class: 'recipient' },
            { status: '4.2.2', class: 'rate' },
            { status: '4.4.1', class: 'invalid-domain', provider: 'other' },
            { status: '4.4.1', class: 'other', provider: 'nobody' },
          ],
          bounceCategories: [{ bounceCat: 'quota-issues', class: 'mailbox' }],
        }),
      },
    ]);
    expect(errors).toEqual([
      'models/providers/status-codes.json: statusCodes[1].status: "4.2" is not an enhanced status code like "4.2.2" (use * for any part: "*.2.2", "5.1.*")',
      'models/providers/status-codes.json: statusCodes[2].status: "4.2.2" is listed twice',
      'models/providers/status-codes.json: bounceCategories[0].class: "mailbox" is not a class (one of connections, per-connection, rate, reputation, block, recipient, auth, invalid-domain, other)',
      'models/providers/status-codes.json: statusCodes[4].provider: "nobody" is not a provider of the model (use "other" or one of the provider ids)',
    ]);
  });

  it('still builds a model from the valid entries when some are bad', () => {
    const { model, errors } = parseProviderModel([
      withResponses([
        { id: 'acme-bad', class: 'nope', pattern: 'x', example: 'x' },
        { id: 'acme-good', class: 'block', pattern: 'ACME-BL', example: '554 ACME-BL listed' },
      ]),
    ]);
    expect(errors).toHaveLength(1);
    expect(model.classify('acme', '554 ACME-BL listed', '', '').patternId).toBe('acme-good');
  });
});
