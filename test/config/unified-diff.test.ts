import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderUnifiedDiff } from '../../src/config/unified-diff.js';
import { UserError } from '../../src/domain/user-error.js';

/** Writes `before` files under a temp dir, applies the diff with patch -p1 and git apply, returns both results. */
export function applyWithTools(files: { rel: string; before: string; after: string }[], diff: string): { patch: Record<string, string>; git: Record<string, string> } {
  const result = { patch: {} as Record<string, string>, git: {} as Record<string, string> };
  for (const tool of ['patch', 'git'] as const) {
    const dir = mkdtempSync(join(tmpdir(), `pmta-advisor-${tool}-`));
    for (const f of files) {
      mkdirSync(dirname(join(dir, f.rel)), { recursive: true });
      writeFileSync(join(dir, f.rel), f.before);
    }
    writeFileSync(join(dir, 'change.diff'), diff);
    if (tool === 'patch') {
      execFileSync('patch', ['-p1', '--batch', '--forward', '--no-backup-if-mismatch', '-F0', '-i', 'change.diff'], { cwd: dir, stdio: 'pipe' });
    } else {
      execFileSync('git', ['init', '-q'], { cwd: dir, stdio: 'pipe' });
      execFileSync('git', ['apply', '--check', 'change.diff'], { cwd: dir, stdio: 'pipe' });
      execFileSync('git', ['apply', 'change.diff'], { cwd: dir, stdio: 'pipe' });
    }
    for (const f of files) result[tool][f.rel] = readFileSync(join(dir, f.rel), 'utf8');
  }
  return result;
}

describe('renderUnifiedDiff', () => {
  it('writes a/ b/ headers and 3 lines of context; hunks closer than 7 lines merge', () => {
    const before = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', ''].join('\n');
    const after = ['a', 'b', 'C', 'd', 'e', 'f', 'g', 'h', 'I', 'j', 'k', 'l', 'm', 'n', 'o', ''].join('\n');
    const diff = renderUnifiedDiff([{ path: '/base/etc/pmta/config', before, after }], { baseDir: '/base' });
    expect(diff).toBe(
      ['--- a/etc/pmta/config', '+++ b/etc/pmta/config', '@@ -1,14 +1,15 @@', ' a', ' b', '-c', '+C', ' d', ' e', ' f', ' g', ' h', '-i', '+I', ' j', ' k', ' l', ' m', ' n', '+o', ''].join('\n'),
    );
    const far = renderUnifiedDiff([{ path: '/base/x', before: `${'abcdefghijklmnop'.split('').join('\n')}\n`, after: `${'Abcdefghijklmnop'.split('').join('\n')}\nq\n` }], { baseDir: '/base' });
    expect(far).toBe(['--- a/x', '+++ b/x', '@@ -1,4 +1,4 @@', '-a', '+A', ' b', ' c', ' d', '@@ -14,3 +14,4 @@', ' n', ' o', ' p', '+q', ''].join('\n'));
  });

  it('marks a missing final newline', () => {
    const diff = renderUnifiedDiff([{ path: '/b/x', before: 'a\nb', after: 'a\nb\nc' }], { baseDir: '/b' });
    expect(diff).toBe(['--- a/x', '+++ b/x', '@@ -1,2 +1,3 @@', ' a', '-b', '\\ No newline at end of file', '+b', '+c', '\\ No newline at end of file', ''].join('\n'));
  });

  it('refuses a file outside the base directory', () => {
    expect(() => renderUnifiedDiff([{ path: '/etc/pmta/config', before: 'a\n', after: 'b\n' }], { baseDir: '/home/me' })).toThrow(UserError);
  });

  it('property: patch -p1 and git apply reproduce the new text exactly (CRLF, no final newline included)', () => {
    const line = fc.constantFrom('max-smtp-out 20', '<domain *>', '</domain>', '', '    reply /x/ mode=backoff', '# note', 'a\r', '\tb\r');
    const text = fc.tuple(fc.array(line, { maxLength: 25 }), fc.boolean()).map(([ls, nl]) => ls.join('\n') + (nl && ls.length > 0 ? '\n' : ''));
    fc.assert(
      fc.property(text, text, (before, after) => {
        if (before === after || before === '' || after === '') return true;
        const diff = renderUnifiedDiff([{ path: '/w/etc/config', before, after }], { baseDir: '/w' });
        const applied = applyWithTools([{ rel: 'etc/config', before, after }], diff);
        return applied.patch['etc/config'] === after && applied.git['etc/config'] === after;
      }),
      { numRuns: 25 },
    );
  });
});
