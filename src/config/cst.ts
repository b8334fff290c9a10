/**
 * The lossless concrete syntax tree of one PowerMTA config file. Every physical line is kept with its
 * indentation, trailing blanks, comment and line ending, so printing an unmodified tree gives the input
 * back byte for byte, and an edit to one value leaves every other byte alone.
 */
export type Eol = '' | '\n' | '\r\n' | '\r';

/** The parts every line has. `line = indent + body + trailing + comment + eol`. */
export interface LineParts {
  /** 1-based line number in its file. */
  readonly line: number;
  readonly indent: string;
  /** Blanks between the body and the comment (or the end of the line). */
  readonly trailing: string;
  /** `#` and everything after it, or ''. */
  readonly comment: string;
  readonly eol: Eol;
}

/** A blank line or a line holding only a comment. */
export interface TriviaNode extends LineParts {
  readonly kind: 'trivia';
}

/** `name gap value`, e.g. `max-smtp-out 20` or `reply /421 .* try later/ mode=backoff`. */
export interface DirectiveNode extends LineParts {
  readonly kind: 'directive';
  /** The directive as written (a `/regex/` in `<bounce-category-patterns>`). */
  readonly name: string;
  readonly gap: string;
  /** The value exactly as written, quotes and escapes included ('' when there is none). */
  readonly value: string;
}

/** A line PowerMTA would reject: a stray `</tag>`, a tag with text after `>`. Kept verbatim. */
export interface InvalidNode extends LineParts {
  readonly kind: 'invalid';
  readonly body: string;
}

/** An opening or closing tag line; `body` is the raw text from `<` (or the prefix) to `>` and beyond. */
export interface TagLine extends LineParts {
  readonly body: string;
}

export interface BlockNode {
  readonly kind: 'block';
  /** Lower-cased tag name: `domain`, `virtual-mta`, `smtp-pattern-list`, ... */
  readonly tag: string;
  /** The tag argument, trimmed: `*`, `gmail.com`, `$yahoo`, `/var/log/pmta/acct.csv`, or ''. */
  readonly arg: string;
  /** Text before the tag on the opening line (nested `<pattern-list>` after `mail-from /re/`), or ''. */
  readonly prefix: string;
  readonly open: TagLine;
  readonly children: readonly ConfigNode[];
  /** null when the file ends (or an outer tag closes) before `</tag>`. */
  readonly close: TagLine | null;
}

export type ConfigNode = TriviaNode | DirectiveNode | InvalidNode | BlockNode;

export interface ConfigFile {
  readonly path: string;
  /** The text as read, for diffs and change detection. */
  readonly text: string;
  readonly bom: boolean;
  readonly nodes: readonly ConfigNode[];
}

/** 1-based line of a node's first line. */
export function nodeLine(node: ConfigNode): number {
  return node.kind === 'block' ? node.open.line : node.line;
}

/** Last 1-based line a node occupies (its close tag for a block). */
export function nodeEndLine(node: ConfigNode): number {
  if (node.kind !== 'block') return node.line;
  if (node.close) return node.close.line;
  const last = node.children[node.children.length - 1];
  return last === undefined ? node.open.line : nodeEndLine(last);
}
