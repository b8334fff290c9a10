/**
 * The semantic view of a loaded config: blocks and settings with `include`s followed (an included
 * file's lines belong to the block the `include` stands in), each carrying its file, line and column
 * and the syntax node it came from (for editing).
 */
import type { BlockNode, ConfigFile, DirectiveNode } from './cst.js';
import type { ConfigIssue } from './config-issue.js';

export interface Location {
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
}

export interface Setting {
  /** Lower-cased directive name. */
  readonly name: string;
  /** The value with surrounding double quotes removed and `\"`, `\\` unescaped ('' for `""`). */
  readonly value: string;
  /** The value exactly as written. */
  readonly raw: string;
  readonly loc: Location;
  /** Column (1-based) where the value starts. */
  readonly valueColumn: number;
  readonly node: DirectiveNode;
}

export interface ModelBlock {
  /** Lower-cased tag; '' for the global level. */
  readonly tag: string;
  readonly arg: string;
  readonly loc: Location;
  /** null for the global level. */
  readonly node: BlockNode | null;
  readonly parent: ModelBlock | null;
  readonly settings: readonly Setting[];
  readonly blocks: readonly ModelBlock[];
}

export interface IncludeSite {
  readonly loc: Location;
  /** The included file (absolute path). */
  readonly path: string;
  readonly block: ModelBlock;
}

export interface Config {
  readonly rootPath: string;
  /** Every file read, root first, by absolute path. */
  readonly files: ReadonlyMap<string, ConfigFile>;
  readonly issues: readonly ConfigIssue[];
  readonly root: ModelBlock;
  readonly includes: readonly IncludeSite[];
}

/** Removes one pair of surrounding double quotes and the `\"` / `\\` escapes inside them. */
export function unquote(raw: string): string {
  const t = raw.trim();
  if (t.length >= 2 && t.startsWith('"') && t.endsWith('"')) return t.slice(1, -1).replace(/\\(["\\])/g, '$1');
  return t;
}

/** All blocks below `block` (depth first, in file order), `block` excluded. */
export function* walkBlocks(block: ModelBlock): Generator<ModelBlock> {
  for (const child of block.blocks) {
    yield child;
    yield* walkBlocks(child);
  }
}

/** The last setting of `name` directly in `block`, or undefined. */
export function lastSetting(block: ModelBlock, name: string): Setting | undefined {
  let found: Setting | undefined;
  for (const s of block.settings) if (s.name === name) found = s;
  return found;
}

export function formatBlock(block: ModelBlock): string {
  if (block.tag === '') return 'global level';
  return block.arg ? `<${block.tag} ${block.arg}>` : `<${block.tag}>`;
}
