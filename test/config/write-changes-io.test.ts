import { chmodSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupName, writeChanges } from '../../src/commands/diff-config-io.js';
import { loadConfigFile } from '../../src/config/load-config-io.js';
import { planChanges } from '../../src/config/plan-changes.js';
import { UserError } from '../../src/domain/user-error.js';

const NOW = Date.UTC(2026, 10, 29, 6, 5, 9);

function setup(): { dir: string; path: string } {
  const dir = mkdtempSync(join(tmpdir(), 'pmta-advisor-write-'));
  const path = join(dir, 'config');
  writeFileSync(path, '<domain *>\n    max-smtp-out 20\n</domain>\n');
  chmodSync(path, 0o640);
  return { dir, path };
}

describe('writeChanges (--write)', () => {
  it('names backups FILE.pmta-advisor-YYYYmmddTHHMMSS.bak in UTC', () => {
    expect(backupName('/etc/pmta/config', NOW)).toBe('/etc/pmta/config.pmta-advisor-20261129T060509.bak');
  });

  it('backs up, then writes in place keeping the permissions', () => {
    const { dir, path } = setup();
    const plan = planChanges(loadConfigFile(path, '/'), [{ kind: 'set', directive: 'max-smtp-out', domain: '*', virtualMta: null, value: '8' }]);
    const written = writeChanges(plan.files, { now: () => NOW });
    expect(written).toEqual([{ path, backup: `${path}.pmta-advisor-20261129T060509.bak` }]);
    expect(readFileSync(path, 'utf8')).toBe('<domain *>\n    max-smtp-out 8\n</domain>\n');
    expect(readFileSync(written[0]?.backup ?? '', 'utf8')).toBe('<domain *>\n    max-smtp-out 20\n</domain>\n');
    expect(statSync(path).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir).sort()).toEqual(['config', 'config.pmta-advisor-20261129T060509.bak']);
  });

  it('never overwrites an earlier backup from the same second', () => {
    const { path } = setup();
    const first = planChanges(loadConfigFile(path, '/'), [{ kind: 'set', directive: 'max-smtp-out', domain: '*', virtualMta: null, value: '8' }]);
    writeChanges(first.files, { now: () => NOW });
    const second = planChanges(loadConfigFile(path, '/'), [{ kind: 'set', directive: 'max-smtp-out', domain: '*', virtualMta: null, value: '6' }]);
    const written = writeChanges(second.files, { now: () => NOW });
    expect(written[0]?.backup).toBe(`${path}.pmta-advisor-20261129T060509-1.bak`);
    expect(readFileSync(written[0]?.backup ?? '', 'utf8')).toContain('max-smtp-out 8');
  });

  it('refuses, writing nothing, when the file changed since it was read', () => {
    const { dir, path } = setup();
    const plan = planChanges(loadConfigFile(path, '/'), [{ kind: 'set', directive: 'max-smtp-out', domain: '*', virtualMta: null, value: '8' }]);
    writeFileSync(path, '<domain *>\n    max-smtp-out 25\n</domain>\n');
    expect(() => writeChanges(plan.files, { now: () => NOW })).toThrow(UserError);
    expect(() => writeChanges(plan.files, { now: () => NOW })).toThrow(/changed since it was read; nothing was written/);
    expect(readFileSync(path, 'utf8')).toContain('max-smtp-out 25');
    expect(readdirSync(dir)).toEqual(['config']);
  });
});
