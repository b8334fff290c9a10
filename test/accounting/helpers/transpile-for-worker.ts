/**
 * Worker threads cannot load TypeScript (Node 20 has no type stripping), and vitest transforms only
 * the modules of its own thread. This helper transpiles a module and everything it imports by relative
 * path (TypeScript's transpileModule, no type check, milliseconds) into a directory under
 * node_modules/.cache, mirroring the repository layout, so bare imports (rxjs) still resolve.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

export const REPO = fileURLToPath(new URL('../../../', import.meta.url));

export interface Transpiled {
  /** file URL of the transpiled copy of each entry (same order). */
  readonly urls: URL[];
  readonly dir: string;
  dispose(): void;
}

const IMPORT = /(?:from\s+|import\s*\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

export function transpileForWorker(entries: readonly string[]): Transpiled {
  const dir = join(REPO, 'node_modules', '.cache', `acct-worker-${process.pid}-${Date.now()}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  const seen = new Set<string>();
  const pending = entries.map((e) => resolve(REPO, e));
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    const out = ts.transpileModule(source, {
      fileName: file,
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, verbatimModuleSyntax: true },
    }).outputText;
    const target = join(dir, relative(REPO, file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, out);
    for (const m of out.matchAll(IMPORT)) pending.push(resolve(dirname(file), (m[1] as string).replace(/\.js$/, '.ts')));
  }
  return {
    urls: entries.map((e) => pathToFileURL(join(dir, e.replace(/\.ts$/, '.js')))),
    dir,
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}
