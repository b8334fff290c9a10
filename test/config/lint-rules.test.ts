import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintConfig } from '../../src/config/lint-config.js';
import { LINT_RULES } from '../../src/config/lint-rules/index.js';
import { loadConfigFile } from '../../src/config/load-config-io.js';
import { fixturePath } from './helpers.js';

const RULE_DIRS = readdirSync(fixturePath('lint')).sort();

/** Lines of a fixture carrying `# lint: RULE`, the findings the rule must produce there and nowhere else. */
function markedLines(path: string, rule: string): number[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .flatMap((line, i) => (new RegExp(`# lint: ${rule}\\b`).test(line) ? [i + 1] : []));
}

describe('lint rules: each has a fixture that triggers it and one that does not', () => {
  it('covers every rule', () => {
    expect(RULE_DIRS).toEqual(LINT_RULES.map((r) => r.id).sort());
  });

  for (const rule of LINT_RULES) {
    describe(rule.id, () => {
      it('fires exactly on the marked lines of bad.conf', () => {
        const path = fixturePath('lint', rule.id, 'bad.conf');
        const config = loadConfigFile(path, '/');
        const lines = lintConfig(config)
          .filter((f) => f.rule === rule.id)
          .map((f) => f.line);
        const expected = markedLines(path, rule.id);
        expect(expected.length).toBeGreaterThan(0);
        expect(lines).toEqual(expected);
      });

      it('stays silent on good.conf', () => {
        const config = loadConfigFile(fixturePath('lint', rule.id, 'good.conf'), '/');
        expect(config.issues).toEqual([]);
        expect(lintConfig(config).filter((f) => f.rule === rule.id)).toEqual([]);
      });
    });
  }
});

describe('lint findings', () => {
  it("read like the product's example, with a fix for every finding", () => {
    const config = loadConfigFile(fixturePath('copied-from-forum', 'config'), '/');
    const findings = lintConfig(config);
    expect(findings.every((f) => f.fix.length > 0 && f.message.length > 0)).toBe(true);
    const relay = findings.find((f) => f.rule === 'open-relay');
    expect(relay).toMatchObject({ line: 9, column: 5, severity: 'error', message: 'always-allow-relaying on <source 0/0>: anyone can relay through this server' });
    expect(findings.find((f) => f.rule === 'acct-no-transient')?.message).toBe('<acct-file> logs only d,b (the default): throttling (t/tq records) is invisible to you');
    expect(findings.find((f) => f.rule === 'unescaped-brackets')?.message).toBe('/[GL01]/ is a character class matching one letter; write /\\[GL01\\]/');
    expect(findings.filter((f) => f.rule === 'unknown-directive').map((f) => f.fix)).toEqual([
      'transient failures are logged as t and tq records: add `records d,b,t,tq` to an <acct-file>',
      'backoff is triggered by `reply /REGEX/ mode=backoff` lines in an <smtp-pattern-list>, attached with `smtp-pattern-list NAME` in <domain>',
      'did you mean max-smtp-out?',
    ]);
  });

  it('are sorted by file (main first, then includes), line and column, and the same on every run', () => {
    const config = loadConfigFile(fixturePath('esp-pools', 'config'), '/');
    const a = lintConfig(config);
    expect(lintConfig(config)).toEqual(a);
    const positions = a.map((f) => [f.file === config.rootPath ? 0 : 1, f.line, f.column]);
    expect(positions).toEqual([...positions].sort((x, y) => (x[0] ?? 0) - (y[0] ?? 0) || (x[1] ?? 0) - (y[1] ?? 0) || (x[2] ?? 0) - (y[2] ?? 0)));
  });

  it('report read problems (syntax, missing includes) as findings with file:line:column', () => {
    const config = loadConfigFile(fixturePath('broken', 'config'), '/');
    const syntax = lintConfig(config).filter((f) => f.rule.startsWith('syntax/'));
    expect(syntax.map((f) => `${f.line}:${f.column} ${f.rule}`)).toEqual([
      '4:1 syntax/stray-close-tag',
      '9:5 syntax/unclosed-block',
      '13:1 syntax/bad-tag',
      '14:1 syntax/bad-tag',
      '15:24 syntax/unterminated-quote',
      '17:9 syntax/include-not-found',
      '19:1 syntax/unclosed-block',
    ]);
  });

  it('does not flag a well-kept production config with errors or warnings', () => {
    const config = loadConfigFile(fixturePath('esp-pools', 'config'), '/');
    expect(lintConfig(config).filter((f) => f.severity !== 'info')).toEqual([]);
  });
});
