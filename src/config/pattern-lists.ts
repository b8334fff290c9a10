/**
 * `<smtp-pattern-list NAME>` [UG5 §3.3.15]: `reply /REGEX/ ACTION-LIST` lines, first match wins.
 * Lets the report ask which list applies to a queue and which observed replies no pattern matches.
 */
import type { Location, ModelBlock, Setting } from './config-model.js';
import type { CompiledPattern } from './pcre-to-js.js';
import { compilePowerMtaRegex } from './pcre-to-js.js';
import { regexEnd } from './parse-config-text.js';

export interface PatternReply {
  /** The regex body between the slashes, as written. */
  readonly regex: string;
  readonly actions: readonly string[];
  readonly setting: Setting;
  readonly loc: Location;
  readonly compiled: CompiledPattern;
}

export interface PatternList {
  readonly name: string;
  readonly blocks: readonly ModelBlock[];
  readonly replies: readonly PatternReply[];
  readonly loc: Location;
}

export function readPatternList(block: ModelBlock): PatternList {
  const replies: PatternReply[] = [];
  for (const s of block.settings) {
    if (s.name !== 'reply') continue;
    const parsed = parseReply(s.raw);
    if (!parsed) continue;
    replies.push({ ...parsed, setting: s, loc: s.loc, compiled: compilePowerMtaRegex(parsed.regex) });
  }
  return { name: block.arg.toLowerCase(), blocks: [block], replies, loc: block.loc };
}

/** Splits `/REGEX/ a,b=c` into the regex body and its actions; null when it does not start with `/`. */
export function parseReply(raw: string): { regex: string; actions: string[]; closed: boolean } | null {
  const t = raw.trim();
  if (!t.startsWith('/')) return null;
  const end = regexEnd(t, 0);
  const closed = end >= 2 && t[end - 1] === '/';
  const regex = t.slice(1, closed ? end - 1 : end);
  const actions = t
    .slice(end)
    .split(/[\s,]+/)
    .filter((a) => a !== '');
  return { regex, actions, closed };
}

/** The first reply in `list` whose pattern matches `text` (PowerMTA's first-match rule), or null. */
export function matchReply(list: PatternList, text: string): PatternReply | null {
  for (const reply of list.replies) {
    if (reply.compiled.regex?.test(text)) return reply;
  }
  return null;
}
