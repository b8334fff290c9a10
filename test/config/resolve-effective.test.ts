import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/config/config-model.js';
import { acctFiles, domainMacros, listVirtualMtas, matchingReply, patternListFor, unmatchedReplies, virtualMtaForIp } from '../../src/config/config-queries.js';
import { loadConfigFile } from '../../src/config/load-config-io.js';
import { effectiveValue, resolveEffective } from '../../src/config/resolve-effective.js';
import { configFromText, fixturePath } from './helpers.js';

const esp: Config = loadConfigFile(fixturePath('esp-pools', 'config'), '/');
const MAIN = fixturePath('esp-pools', 'config');
const VMTAS1 = fixturePath('esp-pools', 'conf.d', 'vmtas-1x.conf');
const VMTAS3 = fixturePath('esp-pools', 'conf.d', 'vmtas-3x.conf');

function at(config: Config, domain: string, vmta: string | null, directive: string): string {
  const e = effectiveValue(config, domain, vmta, directive);
  if (!e) return 'unset';
  return e.source === 'default' ? `${e.value} (default${e.derivedFrom ? ` from ${e.derivedFrom}` : ''})` : `${e.value} @${e.source.file === MAIN ? 'config' : e.source.file === VMTAS1 ? '1x' : e.source.file === VMTAS3 ? '3x' : e.source.file}:${e.source.line}`;
}

describe('effective settings (esp-pools fixture)', () => {
  it('reads every included file and reports no issue', () => {
    expect([...esp.files.keys()].map((p) => p.slice(fixturePath('esp-pools').length + 1))).toEqual(['config', 'conf.d/vmtas-1x.conf', 'conf.d/vmtas-3x.conf', 'patterns/blocking-errors.txt']);
    expect(esp.issues).toEqual([]);
  });

  it('merges global domain blocks from general to specific, with file and line', () => {
    expect(at(esp, 'gmail.com', null, 'max-smtp-out')).toBe('40 @config:99');
    expect(at(esp, 'googlemail.com', null, 'max-msg-rate')).toBe('6000/h @config:101');
    expect(at(esp, 'gmail.com', null, 'bounce-after')).toBe('2d @config:139');
    expect(at(esp, 'gmail.com', null, 'smtp-pattern-list')).toBe('blocking-errors @config:142');
    expect(at(esp, 'gmail.com', null, 'connect-timeout')).toBe('2m (default)');
    expect(at(esp, 'unknown.example', null, 'max-smtp-out')).toBe('8 @config:137');
    expect(at(esp, '*', null, 'max-smtp-out')).toBe('8 @config:137');
  });

  it('an explicitly named domain beats a macro-expanded one, whatever the order', () => {
    expect(at(esp, 'aol.com', null, 'max-smtp-out')).toBe('5 @config:113');
    expect(at(esp, 'aol.com', null, 'max-msg-rate')).toBe('1500/h @config:107');
    expect(at(esp, 'yahoo.com', null, 'max-smtp-out')).toBe('10 @config:105');
  });

  it('uses nested macros and every domain pattern form', () => {
    expect(at(esp, 'gmx.co.uk', null, 'max-smtp-out')).toBe('4 @config:123');
    expect(at(esp, 'web.de', null, 'max-msg-per-connection')).toBe('10 @config:124');
    expect(at(esp, 'comcast.net', null, 'max-smtp-out')).toBe('4 @config:128');
    expect(at(esp, 'mx1.comcast.net', null, 'max-msg-rate')).toBe('600/h @config:129');
    expect(at(esp, 'eur.protection.outlook.com', null, 'max-smtp-out')).toBe('6 @config:133');
    expect(at(esp, 'protection.outlook.com', null, 'max-smtp-out')).toBe('8 @config:137');
  });

  it('a virtual MTA inherits from its pool, then from the global blocks', () => {
    expect(at(esp, 'yahoo.com', 'vmta-11', 'max-msg-rate')).toBe('900/h @config:78');
    expect(at(esp, 'yahoo.com', 'vmta-11', 'backoff-max-msg-rate')).toBe('120/h @config:79');
    expect(at(esp, 'yahoo.com', 'vmta-11', 'max-smtp-out')).toBe('10 @config:105');
    expect(at(esp, 'aol.com', 'vmta-13', 'max-msg-rate')).toBe('900/h @config:78');
    expect(at(esp, 'aol.com', 'vmta-13', 'max-smtp-out')).toBe('5 @config:113');
    expect(at(esp, 'yahoo.com', 'vmta-14', 'max-msg-rate')).toBe('500/h @1x:25');
    expect(at(esp, 'yahoo.com', 'vmta-14', 'backoff-max-msg-rate')).toBe('300/h @config:108');
    expect(at(esp, 'googlemail.com', 'vmta-12', 'max-msg-rate')).toBe('4000/h @1x:11');
    expect(at(esp, 'gmail.com', 'vmta-11', 'max-msg-rate')).toBe('6000/h @config:101');
  });

  it("a virtual MTA's <domain *> overrides a global specific block (inheritance goes by layer)", () => {
    expect(at(esp, 'gmail.com', 'vmta-31', 'max-smtp-out')).toBe('2 @3x:6');
    expect(at(esp, 'gmail.com', 'vmta-31', 'max-msg-rate')).toBe('400/h @3x:9');
    expect(at(esp, 'example.org', 'vmta-32', 'max-msg-rate')).toBe('200/h @3x:16');
    expect(at(esp, 'example.org', 'vmta-32', 'bounce-after')).toBe('2d @config:139');
  });

  it('takes the backoff rate from the normal rate when only that is set, else the documented default', () => {
    const win = loadConfigFile(fixturePath('windows-crlf', 'config'), '/');
    expect(win.issues).toEqual([]);
    expect(at(win, 'gmail.com', null, 'backoff-max-msg-rate')).toBe('1000/h (default from max-msg-rate)');
    expect(at(win, 'gmail.com', 'win1', 'backoff-max-msg-rate')).toBe('300/h (default from max-msg-rate)');
    expect(at(win, 'yahoo.com', null, 'backoff-max-msg-rate')).toBe('unlimited (default)');
    expect(at(win, 'yahoo.com', null, 'backoff-retry-after')).toBe('1h (default)');
    expect(at(win, 'yahoo.com', null, 'backoff-to-normal-after')).toMatch(/^30m @/);
  });

  it('returns every per-queue directive, set or default', () => {
    const all = resolveEffective(esp, { domain: 'gmail.com', virtualMta: 'vmta-12' });
    expect(all.get('max-smtp-out')).toMatchObject({ value: '40', source: { file: MAIN, line: 99 } });
    expect(all.get('queue-priority')).toMatchObject({ value: '50', source: 'default' });
    expect(all.get('backoff-notify')).toMatchObject({ value: '', source: { file: MAIN, line: 147 } });
    expect(all.has('smtp-source-host')).toBe(false);
  });

  it('an unknown virtual MTA gets the global settings', () => {
    expect(at(esp, 'gmail.com', 'nope', 'max-smtp-out')).toBe('40 @config:99');
  });

  it('repeatable directives keep every line of the deciding block', () => {
    const c = configFromText('<domain *>\n  source-ip-max-msg-rate 1.2.3.4 600/h\n</domain>\n<domain x.com>\n  source-ip-max-msg-rate 1.2.3.4 100/h\n  source-ip-max-msg-rate 1.2.3.5 200/h\n</domain>\n');
    expect(resolveEffective(c, { domain: 'x.com' }).get('source-ip-max-msg-rate')?.values).toEqual(['1.2.3.4 100/h', '1.2.3.5 200/h']);
    expect(resolveEffective(c, { domain: 'y.com' }).get('source-ip-max-msg-rate')?.values).toEqual(['1.2.3.4 600/h']);
  });

  it('more labels beat fewer, and [*.] < *. < exact for the same base', () => {
    const c = configFromText(['<domain [*.]mail.example.com>', ' max-smtp-out 3', '</domain>', '<domain *.example.com>', ' max-smtp-out 2', '</domain>', '<domain [*.]example.com>', ' max-smtp-out 1', ' bounce-after 1d', '</domain>', '<domain example.com>', ' max-smtp-out 9', '</domain>', '<domain [192.0.2.0/24]>', ' max-smtp-out 7', '</domain>', ''].join('\n'));
    expect(effectiveValue(c, 'a.mail.example.com', null, 'max-smtp-out')?.value).toBe('3');
    expect(effectiveValue(c, 'b.example.com', null, 'max-smtp-out')?.value).toBe('2');
    expect(effectiveValue(c, 'b.example.com', null, 'bounce-after')?.value).toBe('1d');
    expect(effectiveValue(c, 'example.com', null, 'max-smtp-out')?.value).toBe('9');
    expect(effectiveValue(c, '[192.0.2.9]', null, 'max-smtp-out')?.value).toBe('7');
    expect(effectiveValue(c, '[198.51.100.9]', null, 'max-smtp-out')?.value).toBe('20');
  });
});

describe('what the report asks', () => {
  it('lists virtual MTAs with their source IPs and pools', () => {
    expect(listVirtualMtas(esp).map((v) => `${v.name} ${v.sourceHosts.map((h) => `${h.ip}=${h.hostName}`).join(',')} [${v.pools.join(',')}]`)).toEqual([
      'vmta-11 203.0.113.11=o11.mail.example-esp.net [pool-shared]',
      'vmta-12 203.0.113.12=o12.mail.example-esp.net [pool-shared]',
      'vmta-13 203.0.113.13=o13.mail.example-esp.net [pool-shared]',
      'vmta-14 203.0.113.14=o14.mail.example-esp.net []',
      'vmta-31 198.51.100.31=o31.mail.example-esp.net [pool-warmup]',
      'vmta-32 198.51.100.32=o32.mail.example-esp.net [pool-warmup]',
    ]);
    expect(virtualMtaForIp(esp, '203.0.113.14')?.name).toBe('vmta-14');
  });

  it('finds the smtp-pattern-list of a queue, with replies read through the include', () => {
    const applied = patternListFor(esp, 'yahoo.com', 'vmta-14');
    expect(applied?.name).toBe('blocking-errors');
    expect(applied?.list?.replies).toHaveLength(15);
    expect(applied?.list?.replies[0]?.loc.file).toBe(fixturePath('esp-pools', 'patterns', 'blocking-errors.txt'));
    expect(applied?.list?.replies[14]?.regex).toBe('421 .* too many errors');
  });

  it('tells which observed replies no pattern matches (PCRE semantics: case-insensitive, \\x23, (?-i), \\")', () => {
    const replies = [
      '421 4.7.0 [TSS04] Messages from 203.0.113.14 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes',
      '452 4.2.2 The email account that you tried to reach is over quota.',
      '550 5.7.1 Sender address deferred by rule #CR-IN-DEF-2',
      '421 rl0 limit',
      '421 RL0 limit',
      '451 quota "exceeded" for this hour',
      '421 4.7.28 [203.0.113.14] Gmail has detected an unusual rate of unsolicited mail originating from your IP address.',
    ];
    expect(unmatchedReplies(esp, 'yahoo.com', null, replies)).toEqual([replies[1], replies[3]]);
    expect(matchingReply(esp, 'gmail.com', 'vmta-12', replies[6] ?? '')?.regex).toBe('421[ -]4\\.7\\.28 .*unusual rate of unsolicited');
  });

  it('lists accounting files with the records they write (d,b when not set)', () => {
    expect(acctFiles(esp).map((a) => `${a.path}: ${a.records.join(',')}`)).toEqual(['/var/log/pmta/acct.csv: d,b,r', '/var/log/pmta/diag.csv: t,tq']);
    const forum = loadConfigFile(fixturePath('copied-from-forum', 'config'), '/');
    expect(acctFiles(forum).map((a) => a.records.join(','))).toEqual(['d,b']);
  });

  it('expands domain macros, nested ones included', () => {
    expect(domainMacros(esp).get('gmx_web')?.expanded).toEqual(['gmx.com', 'gmx.co.uk', 'gmx.de', 'gmx.net', 'web.de']);
  });
});
