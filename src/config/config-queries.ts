/** What the report asks of a config besides effective settings. */
import type { Config } from './config-model.js';
import type { AcctFileInfo, VirtualMtaInfo } from './config-index.js';
import { configIndex } from './config-index.js';
import type { DomainMacro } from './domain-macros.js';
import type { PatternList, PatternReply } from './pattern-lists.js';
import { matchReply } from './pattern-lists.js';
import type { SettingSource } from './resolve-effective.js';
import { effectiveValue } from './resolve-effective.js';

/** Every `<virtual-mta>` with its `smtp-source-host` IPs and the pools that list it, in name order. */
export function listVirtualMtas(config: Config): readonly VirtualMtaInfo[] {
  return [...configIndex(config).virtualMtas.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** The virtual MTA that sends from `ip` (first match), or undefined. */
export function virtualMtaForIp(config: Config, ip: string): VirtualMtaInfo | undefined {
  return listVirtualMtas(config).find((v) => v.sourceHosts.some((h) => h.ip === ip));
}

export interface AppliedPatternList {
  /** The name set by `smtp-pattern-list` for the queue. */
  readonly name: string;
  readonly source: SettingSource;
  /** The list, or null when the name refers to no `<smtp-pattern-list>` in the config. */
  readonly list: PatternList | null;
}

/** The smtp-pattern-list that applies to a (domain, virtual MTA) queue, or null when none is set. */
export function patternListFor(config: Config, domain: string, virtualMta: string | null): AppliedPatternList | null {
  const eff = effectiveValue(config, domain, virtualMta, 'smtp-pattern-list');
  if (!eff || eff.value === '') return null;
  const name = eff.value.toLowerCase();
  return { name, source: eff.source, list: configIndex(config).patternLists.get(name) ?? null };
}

/** The replies among `texts` that no pattern of the queue's list matches (all of them when no list applies). */
export function unmatchedReplies(config: Config, domain: string, virtualMta: string | null, texts: readonly string[]): string[] {
  const applied = patternListFor(config, domain, virtualMta);
  const list = applied?.list;
  return list ? texts.filter((t) => matchReply(list, t) === null) : [...texts];
}

/** The first reply pattern of the queue's list that matches `text`, or null. */
export function matchingReply(config: Config, domain: string, virtualMta: string | null, text: string): PatternReply | null {
  const list = patternListFor(config, domain, virtualMta)?.list;
  return list ? matchReply(list, text) : null;
}

/** The `<acct-file>` blocks with the record types each writes. */
export function acctFiles(config: Config): readonly AcctFileInfo[] {
  return configIndex(config).acctFiles;
}

/** `domain-macro` definitions, expanded. */
export function domainMacros(config: Config): ReadonlyMap<string, DomainMacro> {
  return configIndex(config).macros;
}
