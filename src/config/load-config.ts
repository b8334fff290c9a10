/**
 * Reads a config and everything it includes through an injected source (the real file system lives in
 * load-config-io.ts), and builds the semantic model. Include paths are resolved against the directory
 * of the file that includes them; wildcards expand to the matching files in name order. Missing files
 * and include loops are reported as issues and reading goes on.
 */
import { dirname, isAbsolute, resolve } from 'node:path';
import type { BlockNode, ConfigFile, ConfigNode } from './cst.js';
import type { ConfigIssue } from './config-issue.js';
import type { Config, IncludeSite, Location, ModelBlock, Setting } from './config-model.js';
import { unquote } from './config-model.js';
import { parseConfigText } from './parse-config-text.js';

export interface ConfigSource {
  /** The file's text, or null when it does not exist or cannot be read. */
  read(path: string): string | null;
  /** Absolute paths matching a wildcard pattern (`*`, `?`), sorted. */
  glob(pattern: string): readonly string[];
}

interface MutableBlock {
  tag: string;
  arg: string;
  loc: Location;
  node: BlockNode | null;
  parent: MutableBlock | null;
  settings: Setting[];
  blocks: MutableBlock[];
}

export function loadConfig(rootPath: string, source: ConfigSource): Config {
  const files = new Map<string, ConfigFile>();
  const issues: ConfigIssue[] = [];
  const includes: IncludeSite[] = [];
  const parsedIssues = new Set<string>();

  const parse = (path: string): ConfigFile | null => {
    const cached = files.get(path);
    if (cached) return cached;
    const text = source.read(path);
    if (text === null) return null;
    const parsed = parseConfigText(text, path);
    files.set(path, parsed.file);
    if (!parsedIssues.has(path)) {
      parsedIssues.add(path);
      issues.push(...parsed.issues);
    }
    return parsed.file;
  };

  const root: MutableBlock = { tag: '', arg: '', loc: { file: rootPath, line: 1, column: 1 }, node: null, parent: null, settings: [], blocks: [] };
  const rootFile = parse(rootPath);
  if (rootFile === null) {
    issues.push({ file: rootPath, line: 1, column: 1, severity: 'error', code: 'include-not-found', message: `cannot read ${rootPath}` });
  } else {
    walk(rootFile.nodes, rootFile.path, root, [rootPath]);
  }
  return { rootPath, files, issues, root: root as ModelBlock, includes };

  function walk(nodes: readonly ConfigNode[], file: string, block: MutableBlock, chain: readonly string[]): void {
    for (const node of nodes) {
      if (node.kind === 'block') {
        const child: MutableBlock = {
          tag: node.tag,
          arg: node.arg,
          loc: { file, line: node.open.line, column: node.open.indent.length + 1 },
          node,
          parent: block,
          settings: [],
          blocks: [],
        };
        block.blocks.push(child);
        walk(node.children, file, child, chain);
        continue;
      }
      if (node.kind !== 'directive') continue;
      const loc = { file, line: node.line, column: node.indent.length + 1 };
      const setting: Setting = {
        name: node.name.toLowerCase(),
        value: unquote(node.value),
        raw: node.value,
        loc,
        valueColumn: node.indent.length + node.name.length + node.gap.length + 1,
        node,
      };
      block.settings.push(setting);
      if (setting.name === 'include' && setting.value !== '') followInclude(setting, file, block, chain);
    }
  }

  function followInclude(setting: Setting, file: string, block: MutableBlock, chain: readonly string[]): void {
    const target = isAbsolute(setting.value) ? setting.value : resolve(dirname(file), setting.value);
    const wildcard = /[*?[]/.test(target);
    const paths = wildcard ? source.glob(target) : [target];
    if (paths.length === 0 || (!wildcard && source.read(target) === null)) {
      if (!wildcard) {
        issues.push({ ...setting.loc, column: setting.valueColumn, severity: 'error', code: 'include-not-found', message: `include ${setting.value}: file not found or unreadable` });
      }
      return;
    }
    for (const path of paths) {
      if (chain.includes(path)) {
        issues.push({ ...setting.loc, column: setting.valueColumn, severity: 'error', code: 'include-cycle', message: `include ${path} loops back to a file that is already being read (${[...chain, path].join(' → ')})` });
        continue;
      }
      const included = parse(path);
      if (included === null) {
        issues.push({ ...setting.loc, column: setting.valueColumn, severity: 'error', code: 'include-not-found', message: `include ${path}: file not found or unreadable` });
        continue;
      }
      includes.push({ loc: setting.loc, path, block: block as ModelBlock });
      walk(included.nodes, path, block, [...chain, path]);
    }
  }
}
