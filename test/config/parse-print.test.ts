import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BlockNode, ConfigNode } from '../../src/config/cst.js';
import { parseConfigText } from '../../src/config/parse-config-text.js';
import { printConfig } from '../../src/config/print-config.js';
import { FIXTURES, allFixtureFiles, fixturePath } from './helpers.js';

const roundTrip = (text: string): string => printConfig(parseConfigText(text, '/x/config').file);

describe('lossless round trip', () => {
  const files = allFixtureFiles();
  it('has a varied fixture set', () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
  });
  for (const file of files) {
    it(`reprints ${relative(FIXTURES, file)} byte for byte`, () => {
      const text = readFileSync(file, 'utf8');
      expect(roundTrip(text)).toBe(text);
    });
  }

  it('keeps CRLF, a lone CR, tabs and the BOM of a Windows-edited file', () => {
    const text = readFileSync(fixturePath('windows-crlf', 'config'), 'utf8');
    const parsed = parseConfigText(text, 'w');
    expect(parsed.file.bom).toBe(true);
    expect(parsed.issues).toEqual([]);
    const vmta = parsed.file.nodes.find((n): n is BlockNode => n.kind === 'block' && n.tag === 'virtual-mta');
    const domain = vmta?.children.find((n): n is BlockNode => n.kind === 'block');
    const rate = domain?.children.find((n) => n.kind === 'directive');
    expect(rate).toMatchObject({ name: 'max-msg-rate', value: '300/h', indent: '\t\t', trailing: '\t\t', comment: '# cautious', eol: '\r\n' });
    const hostId = parsed.file.nodes.find((n) => n.kind === 'directive' && n.name === 'host-id');
    expect(hostId).toMatchObject({ value: '3', eol: '\r\n' });
    expect(parsed.file.nodes.some((n) => n.kind === 'trivia' && n.eol === '\r')).toBe(true);
  });

  it('property: any generated config prints back exactly', () => {
    fc.assert(fc.property(configText(), (text) => roundTrip(text) === text), { numRuns: 400 });
  });

  it('property: any text at all prints back exactly (never throws)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => roundTrip(text) === text), { numRuns: 400 });
  });
});

describe('structure', () => {
  it('reads directives, nested blocks, comments on tags and values with quotes and regexes', () => {
    const text = readFileSync(fixturePath('kitchen-sink', 'config'), 'utf8');
    const { file, issues } = parseConfigText(text, 'k');
    expect(issues).toEqual([]);
    const user = file.nodes.find((n): n is BlockNode => n.kind === 'block' && n.tag === 'smtp-user');
    expect(user?.arg).toBe('campaign-api');
    expect(user?.children.find((n) => n.kind === 'directive')).toMatchObject({ name: 'password', value: '"s3cr#t with spaces"', comment: "# '#' inside quotes is not a comment" });
    const list = file.nodes.find((n): n is BlockNode => n.kind === 'block' && n.tag === 'smtp-pattern-list');
    const replies = list?.children.filter((n) => n.kind === 'directive').map((n) => (n.kind === 'directive' ? n.value : ''));
    expect(replies?.[0]).toBe('/Sender address deferred by rule \\x23CR-IN-DEF-2 / mode=backoff');
    expect(replies?.[4]).toBe('/see http:\\/\\/postmaster\\.example\\/a\\/b/ mode=backoff');
    const routing = file.nodes.find((n): n is BlockNode => n.kind === 'block' && n.tag === 'pattern-list');
    expect(routing?.open).toMatchObject({ indent: '  ', comment: '# indented tag' });
    const nested = routing?.children.find((n): n is BlockNode => n.kind === 'block');
    expect(nested).toMatchObject({ tag: 'pattern-list', prefix: 'rcpt-to /admin/' });
    const bcp = file.nodes.find((n): n is BlockNode => n.kind === 'block' && n.tag === 'bounce-category-patterns');
    expect(bcp?.children.filter((n) => n.kind === 'directive').map((n) => (n.kind === 'directive' ? [n.name, n.value] : []))).toEqual([
      ['/spam/', 'spam-related'],
      ['/no longer (valid|available)/', 'bad-mailbox'],
      ['/mailbox +(is +)?full/', 'quota-issues'],
    ]);
    const last = file.nodes[file.nodes.length - 1];
    expect(last).toMatchObject({ kind: 'trivia', comment: '# file ends without a newline', eol: '' });
  });

  it('reports every structural error with file:line:column and reads the rest', () => {
    const text = readFileSync(fixturePath('broken', 'config'), 'utf8');
    const { file, issues } = parseConfigText(text, '/etc/pmta/config');
    expect(issues.map((i) => `${i.line}:${i.column} ${i.severity} ${i.code}`)).toEqual([
      '4:1 error stray-close-tag',
      '9:5 error unclosed-block',
      '13:1 error bad-tag',
      '14:1 error bad-tag',
      '15:24 warning unterminated-quote',
      '19:1 error unclosed-block',
    ]);
    expect(issues.every((i) => i.file === '/etc/pmta/config')).toBe(true);
    expect(issues[1]?.message).toContain('<domain yahoo.com> is never closed');
    const blocks = file.nodes.filter((n): n is BlockNode => n.kind === 'block').map((b) => `${b.tag} ${b.arg}`);
    expect(blocks).toEqual(['domain gmail.com', 'virtual-mta vmta-1', 'domain *']);
    const vmta = file.nodes.find((n): n is BlockNode => n.kind === 'block' && n.tag === 'virtual-mta');
    expect(vmta?.children.some((n) => n.kind === 'block' && n.arg === 'yahoo.com' && n.close === null)).toBe(true);
    const lastDomain = file.nodes[file.nodes.length - 1] as BlockNode;
    expect(lastDomain.children.find((n) => n.kind === 'directive')).toMatchObject({ name: 'max-smtp-out', value: '7' });
  });
});

// ---- generators ----
const ws = fc.constantFrom('', ' ', '  ', '    ', '\t', '\t\t', ' \t');
const eol = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r\n', '\r');
const word = fc.stringMatching(/^[a-z][a-z0-9-]{0,14}$/);
const value = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9./:,*@$[\]_-]{1,20}$/),
  fc.stringMatching(/^"[^"\\\r\n]{0,15}"$/),
  fc.stringMatching(/^\/[^/\r\n#]{1,20}\/ mode=backoff$/),
  fc.constantFrom('/\\[TS01\\]/ mode=backoff', '/rule \\x23CR/ skip-mx', '"a \\"quoted\\" value"', '10m,20m,1h', '350/h', 'c:\\pmta\\spool', '""'),
);
const comment = fc.option(fc.stringMatching(/^# ?[^\r\n]{0,20}$/), { nil: '' });
const directiveLine = fc.tuple(ws, word, fc.constantFrom(' ', '  ', '\t'), value, ws, comment).map(([i, n, g, v, t, c]) => `${i}${n}${g}${v}${c ? t : ''}${c}`);
const triviaLine = fc.oneof(ws, fc.tuple(ws, fc.stringMatching(/^#[^\r\n]{0,30}$/)).map(([i, c]) => i + c));
const tagNames = fc.constantFrom('domain', 'virtual-mta', 'virtual-mta-pool', 'source', 'smtp-pattern-list', 'acct-file', 'mx-rollup-list', 'bounce-category-patterns');
const tagArg = fc.constantFrom('', ' *', ' gmail.com', ' $yahoo', ' [*.]example.com', ' vmta-1', ' 0/0', ' /var/log/pmta/acct.csv');

function block(depth: number): fc.Arbitrary<string[]> {
  const child: fc.Arbitrary<string[]> = depth <= 0 ? fc.oneof(directiveLine.map((l) => [l]), triviaLine.map((l) => [l])) : fc.oneof({ weight: 4, arbitrary: directiveLine.map((l) => [l]) }, { weight: 2, arbitrary: triviaLine.map((l) => [l]) }, { weight: 1, arbitrary: block(depth - 1) });
  return fc
    .tuple(ws, tagNames, tagArg, comment, fc.array(child, { maxLength: 6 }), ws, fc.boolean(), fc.boolean())
    .map(([indent, tag, arg, c, children, closeIndent, closed, upper]) => {
      const name = upper ? tag.toUpperCase() : tag;
      const lines = [`${indent}<${name}${arg}>${c ? ` ${c}` : ''}`, ...children.flat()];
      if (closed) lines.push(`${closeIndent}</${tag}>`);
      return lines;
    });
}

function configText(): fc.Arbitrary<string> {
  const item = fc.oneof({ weight: 3, arbitrary: directiveLine.map((l) => [l]) }, { weight: 2, arbitrary: triviaLine.map((l) => [l]) }, { weight: 2, arbitrary: block(2) }, { weight: 1, arbitrary: fc.constantFrom(['</domain>'], ['<domain x> junk'], ['  "unterminated']) });
  return fc
    .tuple(fc.boolean(), fc.array(item, { maxLength: 12 }), fc.array(eol, { minLength: 80, maxLength: 80 }), fc.boolean())
    .map(([bom, items, eols, finalEol]) => {
      const lines = items.flat();
      const text = lines.map((l, i) => l + (i < lines.length - 1 || finalEol ? (eols[i % eols.length] ?? '\n') : '')).join('');
      return (bom ? '\uFEFF' : '') + text;
    });
}

// Keeps the generators' types honest: every node kind is exercised by the fixtures above.
export type _Nodes = ConfigNode;
