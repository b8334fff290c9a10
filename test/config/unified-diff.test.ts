import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderUnifiedDiff } from '../../src/config/unified-diff.js';
import { UserError } from '../../src/domain/user-error.js';
import { applyWithTools } from './apply-with-tools.js';

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
