/** Applies a unified diff with the real `patch -p1` and `git apply` in temporary directories. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

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
    rmSync(dir, { recursive: true, force: true });
  }
  return result;
}

