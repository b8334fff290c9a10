import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/config/config-model.js';
import { patternListFor } from '../../src/config/config-queries.js';
import { DOMAIN_DIRECTIVES } from '../../src/config/directives.js';
import { loadConfig } from '../../src/config/load-config.js';
import { loadConfigFile } from '../../src/config/load-config-io.js';
import { memoryConfigSource } from '../../src/config/memory-config-source.js';
import { planChanges } from '../../src/config/plan-changes.js';
import { resolveEffective } from '../../src/config/resolve-effective.js';
import { renderUnifiedDiff } from '../../src/config/unified-diff.js';
import type { ConfigChange } from '../../src/domain/config-change.js';
import { configFromText, fixturePath } from './helpers.js';
import { applyWithTools } from './apply-with-tools.js';

const BASE = fixturePath('esp-pools');
const DOMAINS = ['gmail.com', 'googlemail.com', 'yahoo.com', 'aol.com', 'comcast.net', 'mx.comcast.net', 'gmx.de', 'gmx.com', 'web.de', 'hotmail.com', 'example.org', '*'];
const VMTAS = [null, 'vmta-11', 'vmta-12', 'vmta-13', 'vmta-14', 'vmta-31', 'vmta-32'];

/** Every (domain, vmta, directive) whose effective value differs between two configs, as `d|v|directive=after`. */
function effectiveDiff(before: Config, after: Config): string[] {
  const out: string[] = [];
  for (const domain of DOMAINS) {
    for (const vmta of VMTAS) {
      const a = resolveEffective(before, { domain, virtualMta: vmta });
      const b = resolveEffective(after, { domain, virtualMta: vmta });
      for (const name of new Set([...a.keys(), ...b.keys(), ...DOMAIN_DIRECTIVES.map((d) => d.name)])) {
        const va = a.get(name)?.value;
        const vb = b.get(name)?.value;
        if (va !== vb) out.push(`${domain}|${vmta ?? '-'}|${name}=${vb ?? 'unset'}`);
      }
    }
  }
  return out.sort();
}

const set = (directive: string, domain: string, virtualMta: string | null, value: string, comment?: string): ConfigChange => ({ kind: 'set', directive, domain, virtualMta, value, ...(comment ? { comment } : {}) });

const CHANGES: ConfigChange[] = [
  set('max-msg-rate', 'yahoo.com', 'vmta-14', '350/h', 'accepted 380–445/h while TSS04 was returned'),
  set('max-smtp-out', '[*.]comcast.net', null, '3'),
  set('max-msg-rate', 'gmx.de', null, '500/h'),
  set('max-msg-rate', '$gmail', 'vmta-11', '300/h'),
  set('backoff-retry-after', '$yahoo', null, '45m'),
  set('max-smtp-out', '*', null, '30'),
  set('retry-after', '$yahoo', null, '10m,30m,1h'),
  { kind: 'pattern-reply', list: 'blocking-errors', regex: '421 4\\.7\\.0 \\[TSS04\\]', actions: 'mode=backoff' },
  { kind: 'pattern-reply', list: null, regex: '4\\.7\\.1 .*temporarily rate limited', actions: 'mode=backoff', comment: 'seen ×212 from outlook.com, matched by no pattern' },
  set('max-smtp-out', '$gmail', 'vmta-31', '3'),
  set('max-msg-rate', 'gmail.com', null, 'fast'),
  set('max-msg-rate', 'gmail.com', 'vmta-99', '100/h'),
  set('smtp-source-host', '*', null, '192.0.2.1 x.example'),
  set('max-smtp-out', '$gmail', null, '40'),
  { kind: 'pattern-reply', list: null, regex: 'rule #5', actions: 'mode=backoff' },
];

const EXPECTED_EFFECT = [
  'yahoo.com|vmta-14|max-msg-rate=350/h',
  ...['-', 'vmta-11', 'vmta-12', 'vmta-13', 'vmta-14'].flatMap((v) => ['comcast.net', 'mx.comcast.net'].map((d) => `${d}|${v}|max-smtp-out=3`)),
  ...['-', 'vmta-11', 'vmta-12', 'vmta-13', 'vmta-14'].map((v) => `gmx.de|${v}|max-msg-rate=500/h`),
  ...['gmail.com', 'googlemail.com'].map((d) => `${d}|vmta-11|max-msg-rate=300/h`),
  ...['yahoo.com', 'aol.com'].flatMap((d) => ['-', 'vmta-11', 'vmta-12', 'vmta-13', 'vmta-14', 'vmta-31', 'vmta-32'].flatMap((v) => [`${d}|${v}|backoff-retry-after=45m`, `${d}|${v}|retry-after=10m,30m,1h`])),
  ...['example.org', '*'].flatMap((d) => ['-', 'vmta-11', 'vmta-12', 'vmta-13', 'vmta-14'].map((v) => `${d}|${v}|max-smtp-out=30`)),
  ...['gmail.com', 'googlemail.com'].map((d) => `${d}|vmta-31|max-smtp-out=3`),
].sort();

describe('planChanges on a production-style config with pools, macros and includes', () => {
  const config = loadConfigFile(fixturePath('esp-pools', 'config'), '/');
  const plan = planChanges(config, CHANGES, { annotate: true });

  it('skips what it cannot or need not do, with the reason', () => {
    expect(plan.skipped.map((s) => s.reason)).toEqual([
      `already present in <smtp-pattern-list blocking-errors> (${fixturePath('esp-pools', 'patterns', 'blocking-errors.txt')}:3)`,
      "'fast' is not a valid max-msg-rate: expects a rate such as 350/h, 100/15m or 'unlimited' (units d, h, m, s)",
      'no <virtual-mta vmta-99> or <virtual-mta-pool vmta-99> in the config',
      'smtp-source-host is not a <domain> directive',
      'already in effect: max-smtp-out is 40 for <domain $gmail>',
      "the pattern contains '#', which starts a comment in a PowerMTA config: write \\x23 instead",
    ]);
    expect(plan.applied).toHaveLength(9);
  });

  it('edits the blocks that decide each value, in the file they are in', () => {
    expect(plan.applied.map((a) => a.edits.map((e) => `${relative(BASE, e.file)} ${e.action} ${e.where}: ${e.text}`)).flat()).toEqual([
      'conf.d/vmtas-1x.conf changed <virtual-mta vmta-14> <domain yahoo.com>: max-msg-rate 350/h',
      'config changed <domain [*.]comcast.net>: max-smtp-out 3',
      'config created-block <domain gmx.de>: max-msg-rate 500/h',
      'conf.d/vmtas-1x.conf created-block <virtual-mta vmta-11> <domain $gmail>: max-msg-rate 300/h',
      'config changed <domain $yahoo>: backoff-retry-after 45m',
      'config changed <domain *>: max-smtp-out 30',
      'config added <domain $yahoo>: retry-after 10m,30m,1h',
      'config added <smtp-pattern-list blocking-errors>: reply /4\\.7\\.1 .*temporarily rate limited/ mode=backoff',
      'conf.d/vmtas-3x.conf added <virtual-mta vmta-31> <domain $gmail>: max-smtp-out 3',
    ]);
    expect(plan.files.map((f) => relative(BASE, f.path))).toEqual(['config', 'conf.d/vmtas-1x.conf', 'conf.d/vmtas-3x.conf']);
  });

  it('says where a global change does not reach', () => {
    const comcast = plan.applied[1];
    expect(comcast?.notes).toEqual([
      `comcast.net on vmta-31 still gets max-smtp-out 2 (${fixturePath('esp-pools', 'conf.d', 'vmtas-3x.conf')}:6)`,
      `comcast.net on vmta-32 still gets max-smtp-out 2 (${fixturePath('esp-pools', 'conf.d', 'vmtas-3x.conf')}:17)`,
    ]);
  });

  it('applying the diff and re-reading gives exactly the intended effective settings, nothing else', () => {
    const diff = renderUnifiedDiff(plan.files, { baseDir: BASE });
    const files = plan.files.map((f) => ({ rel: relative(BASE, f.path), before: f.before, after: f.after }));
    const applied = applyWithTools(files, diff);
    for (const f of files) {
      expect(applied.patch[f.rel]).toBe(f.after);
      expect(applied.git[f.rel]).toBe(f.after);
    }
    const texts = new Map([...config.files].map(([p, f]) => [p, f.text]));
    for (const f of plan.files) texts.set(f.path, applied.patch[relative(BASE, f.path)] ?? '');
    const reread = loadConfig(config.rootPath, memoryConfigSource(texts));
    expect(reread.issues).toEqual([]);
    expect(effectiveDiff(config, reread)).toEqual(EXPECTED_EFFECT);
    const list = patternListFor(reread, 'hotmail.com', null)?.list;
    expect(list?.replies.map((r) => r.regex).at(-1)).toBe('4\\.7\\.1 .*temporarily rate limited');
    expect(list?.replies).toHaveLength(16);
  });

  it('touches only the changed lines, keeps comments and matches indentation (tabs in vmtas-3x)', () => {
    const diff = renderUnifiedDiff(plan.files, { baseDir: BASE });
    const changed = diff.split('\n').filter((l) => /^[-+](?![-+]{2} [ab]\/)/.test(l));
    expect(changed).toEqual([
      '-    backoff-retry-after 30m',
      '+    # pmta-advisor: backoff-retry-after 30m → 45m',
      '+    backoff-retry-after 45m',
      '+    # pmta-advisor: retry-after 10m,20m,40m,1h → 10m,30m,1h',
      '+    retry-after 10m,30m,1h',
      '-    max-smtp-out 4',
      '+    # pmta-advisor: max-smtp-out 4 → 3',
      '+    max-smtp-out 3',
      '+<domain gmx.de>',
      '+    # pmta-advisor: max-msg-rate unlimited → 500/h',
      '+    max-msg-rate 500/h',
      '+</domain>',
      '+',
      '-    max-smtp-out 8',
      '+    # pmta-advisor: max-smtp-out 8 → 30',
      '+    max-smtp-out 30',
      '+    # pmta-advisor: seen ×212 from outlook.com, matched by no pattern',
      '+    reply /4\\.7\\.1 .*temporarily rate limited/ mode=backoff',
      '+    <domain $gmail>',
      '+        # pmta-advisor: max-msg-rate 6000/h → 300/h',
      '+        max-msg-rate 300/h',
      '+    </domain>',
      '-        max-msg-rate 500/h',
      '+        # pmta-advisor: max-msg-rate 500/h → 350/h: accepted 380–445/h while TSS04 was returned',
      '+        max-msg-rate 350/h',
      '+\t\t# pmta-advisor: max-smtp-out 2 → 3',
      '+\t\tmax-smtp-out 3',
    ]);
  });

  it('without annotate, writes no comments', () => {
    const bare = planChanges(config, CHANGES);
    expect(bare.files.every((f) => !f.after.includes('pmta-advisor'))).toBe(true);
    expect(bare.applied).toHaveLength(9);
  });

  it('a second run replaces its own comment instead of stacking them', () => {
    const once = planChanges(config, [set('max-smtp-out', '*', null, '30', 'first')], { annotate: true });
    const reread = loadConfig(config.rootPath, memoryConfigSource(new Map([...config.files].map(([p, f]) => [p, once.files.find((x) => x.path === p)?.after ?? f.text]))));
    const twice = planChanges(reread, [set('max-smtp-out', '*', null, '25', 'second')], { annotate: true });
    const main = twice.files[0]?.after ?? '';
    expect(main.match(/# pmta-advisor:/g)).toHaveLength(1);
    expect(main).toContain('    # pmta-advisor: max-smtp-out 30 → 25: second\n    max-smtp-out 25\n');
  });
});

describe('planChanges edge cases', () => {
  it('keeps CRLF and tab indentation of a Windows-edited file, and patch applies it', () => {
    const config = loadConfigFile(fixturePath('windows-crlf', 'config'), '/');
    const plan = planChanges(config, [set('max-msg-rate', 'gmail.com', null, '800/h'), set('max-smtp-out', 'yahoo.com', 'win1', '2')]);
    const after = plan.files[0]?.after ?? '';
    expect(after).toContain('\r\n\tmax-msg-rate 800/h\r\n');
    expect(after).toContain('\t</domain>\r\n\t<domain yahoo.com>\r\n\t\tmax-smtp-out 2\r\n\t</domain>\r\n</virtual-mta>\r\n');
    expect(after.startsWith('\uFEFF')).toBe(true);
    const base = fixturePath('windows-crlf');
    const applied = applyWithTools([{ rel: 'config', before: plan.files[0]?.before ?? '', after }], renderUnifiedDiff(plan.files, { baseDir: base }));
    expect(applied.patch['config']).toBe(after);
    expect(applied.git['config']).toBe(after);
  });

  it('creates an smtp-pattern-list and attaches it in <domain *> when the config has none', () => {
    const config = configFromText('postmaster a@b.c\n\n<domain gmail.com>\n    max-smtp-out 10\n</domain>\n');
    const plan = planChanges(config, [{ kind: 'pattern-reply', list: null, regex: '\\[TSS04\\]', actions: 'mode=backoff' }]);
    expect(plan.files[0]?.after).toBe(
      'postmaster a@b.c\n\n<domain gmail.com>\n    max-smtp-out 10\n</domain>\n\n<domain *>\n    smtp-pattern-list pmta-advisor\n</domain>\n\n<smtp-pattern-list pmta-advisor>\n    reply /\\[TSS04\\]/ mode=backoff\n</smtp-pattern-list>\n',
    );
    expect(plan.applied[0]?.notes).toContain('created <smtp-pattern-list pmta-advisor> and attached it in <domain *>');
    expect(patternListFor(plan.result, 'gmail.com', null)?.list?.replies[0]?.regex).toBe('\\[TSS04\\]');
  });

  it('adds to an existing <domain *> and keeps a file without a final newline that way', () => {
    const config = loadConfigFile(fixturePath('kitchen-sink', 'config'), '/');
    const plan = planChanges(config, [set('max-msg-rate', '*', 'tx', '100/h'), { kind: 'pattern-reply', list: 'defaults', regex: 'try again later', actions: 'mode=backoff' }]);
    const after = plan.files[0]?.after ?? '';
    expect(after.endsWith('# file ends without a newline')).toBe(true);
    expect(after).toContain('    <domain [192.0.2.0/24]>\n        max-smtp-out 2\n    </domain>\n    <domain *>\n        max-msg-rate 100/h\n    </domain>\n</virtual-mta>');
    expect(after).toContain('    reply /see http:\\/\\/postmaster\\.example\\/a\\/b/ mode=backoff\n    reply /try again later/ mode=backoff\n</smtp-pattern-list>');
    const original = readFileSync(fixturePath('kitchen-sink', 'config'), 'utf8');
    expect(after.length - original.length).toBe('    <domain *>\n        max-msg-rate 100/h\n    </domain>\n    reply /try again later/ mode=backoff\n'.length);
  });

  it('overrides after the include instead of editing a file that several blocks include', () => {
    const config = loadConfig('/etc/pmta/config', memoryConfigSource(new Map([
      ['/etc/pmta/config', '<virtual-mta a>\n    <domain *>\n        include rates.conf\n    </domain>\n</virtual-mta>\n<virtual-mta b>\n    <domain *>\n        include rates.conf\n    </domain>\n</virtual-mta>\n'],
      ['/etc/pmta/rates.conf', 'max-msg-rate 100/h\n'],
    ])));
    const plan = planChanges(config, [set('max-msg-rate', '*', 'a', '50/h')]);
    expect(plan.files.map((f) => f.path)).toEqual(['/etc/pmta/config']);
    expect(plan.files[0]?.after).toContain('<virtual-mta a>\n    <domain *>\n        include rates.conf\n        max-msg-rate 50/h\n    </domain>\n');
    expect(plan.applied[0]?.notes[0]).toContain('is included in 2 places');
    expect(resolveEffective(plan.result, { domain: 'x.org', virtualMta: 'a' }).get('max-msg-rate')?.value).toBe('50/h');
    expect(resolveEffective(plan.result, { domain: 'x.org', virtualMta: 'b' }).get('max-msg-rate')?.value).toBe('100/h');
  });

  it('refuses to edit a block that lives in a file several virtual MTAs include', () => {
    const config = loadConfig('/etc/pmta/config', memoryConfigSource(new Map([
      ['/etc/pmta/config', '<virtual-mta a>\n    include shared.conf\n</virtual-mta>\n<virtual-mta b>\n    include shared.conf\n</virtual-mta>\n'],
      ['/etc/pmta/shared.conf', '<domain *>\n    max-msg-rate 100/h\n</domain>\n'],
    ])));
    const plan = planChanges(config, [set('max-msg-rate', '*', 'a', '50/h')]);
    expect(plan.files).toEqual([]);
    expect(plan.skipped[0]?.reason).toBe('<virtual-mta a> <domain *> is defined in /etc/pmta/shared.conf, which is included in 2 places; editing it would change them all');
  });
});
