/**
 * Derived views of a loaded config, computed once per config: domain macros, the `<domain>` blocks of
 * each layer (global, pool, virtual MTA), virtual MTAs with their source IPs, pools, smtp-pattern-lists,
 * sources and accounting files.
 */
import type { ConfigIssue } from './config-issue.js';
import type { Config, Location, ModelBlock, Setting } from './config-model.js';
import type { DomainMacro } from './domain-macros.js';
import { collectDomainMacros, expandDomainArg } from './domain-macros.js';
import type { DomainPattern } from './domain-pattern.js';
import { parseDomainPattern } from './domain-pattern.js';
import type { PatternList } from './pattern-lists.js';
import { readPatternList } from './pattern-lists.js';
import { RECORD_NAMES } from './value-types.js';

export type DomainLayer =
  | { readonly kind: 'global' }
  | { readonly kind: 'pool'; readonly name: string }
  | { readonly kind: 'virtual-mta'; readonly name: string };

export interface DomainEntry {
  readonly block: ModelBlock;
  readonly layer: DomainLayer;
  /** The tag argument expanded with macros; one pattern per expanded name. */
  readonly patterns: readonly { readonly text: string; readonly pattern: DomainPattern }[];
  readonly viaMacro: boolean;
  /** Position in the config (file order), for ties. */
  readonly order: number;
}

export interface SourceHost {
  readonly ip: string;
  readonly hostName: string;
  readonly loc: Location;
}

export interface VirtualMtaInfo {
  readonly name: string;
  /** Every `<virtual-mta NAME>` block with this name (normally one). */
  readonly blocks: readonly ModelBlock[];
  readonly sourceHosts: readonly SourceHost[];
  /** Pools that list this virtual MTA. */
  readonly pools: readonly string[];
  readonly domains: readonly DomainEntry[];
  readonly loc: Location;
}

export interface PoolInfo {
  readonly name: string;
  readonly blocks: readonly ModelBlock[];
  readonly members: readonly string[];
  readonly domains: readonly DomainEntry[];
  readonly loc: Location;
}

export interface AcctFileInfo {
  /** The `<acct-file>` argument: a path, or `|program args` for a pipe. */
  readonly path: string;
  readonly block: ModelBlock;
  /** Record types written (normalised codes), `d,b` when `records` is not set. */
  readonly records: readonly string[];
  readonly recordsSetting: Setting | undefined;
  readonly loc: Location;
}

export interface ConfigIndex {
  readonly macros: ReadonlyMap<string, DomainMacro>;
  readonly issues: readonly ConfigIssue[];
  readonly globalDomains: readonly DomainEntry[];
  readonly allDomains: readonly DomainEntry[];
  readonly virtualMtas: ReadonlyMap<string, VirtualMtaInfo>;
  readonly pools: ReadonlyMap<string, PoolInfo>;
  readonly patternLists: ReadonlyMap<string, PatternList>;
  readonly sources: readonly ModelBlock[];
  readonly acctFiles: readonly AcctFileInfo[];
  readonly globalSourceHosts: readonly SourceHost[];
}

const CACHE = new WeakMap<Config, ConfigIndex>();

export function configIndex(config: Config): ConfigIndex {
  const cached = CACHE.get(config);
  if (cached) return cached;
  const built = buildIndex(config);
  CACHE.set(config, built);
  return built;
}

function buildIndex(config: Config): ConfigIndex {
  const issues: ConfigIssue[] = [];
  const macros = collectDomainMacros(config.root, issues);
  let order = 0;
  const allDomains: DomainEntry[] = [];
  const domainEntry = (block: ModelBlock, layer: DomainLayer): DomainEntry => {
    const expanded = expandDomainArg(block.arg, macros);
    for (const name of new Set(expanded.undefinedMacros)) {
      if (!macros.has(name)) issues.push({ ...block.loc, severity: 'error', code: 'undefined-macro', message: `<domain ${block.arg}> uses $${name} but no domain-macro ${name} is defined` });
    }
    const entry: DomainEntry = {
      block,
      layer,
      patterns: expanded.names.map((text) => ({ text, pattern: parseDomainPattern(text) })),
      viaMacro: expanded.viaMacro,
      order: order++,
    };
    allDomains.push(entry);
    return entry;
  };

  const globalDomains: DomainEntry[] = [];
  const vmtaBlocks = new Map<string, ModelBlock[]>();
  const poolBlocks = new Map<string, ModelBlock[]>();
  const patternLists = new Map<string, PatternList>();
  const sources: ModelBlock[] = [];
  const acctFiles: AcctFileInfo[] = [];
  const push = (map: Map<string, ModelBlock[]>, key: string, block: ModelBlock): void => {
    const list = map.get(key);
    if (list) list.push(block);
    else map.set(key, [block]);
  };
  const vmtaDomains = new Map<string, DomainEntry[]>();
  const poolDomains = new Map<string, DomainEntry[]>();

  for (const block of config.root.blocks) {
    switch (block.tag) {
      case 'domain':
        globalDomains.push(domainEntry(block, { kind: 'global' }));
        break;
      case 'virtual-mta':
      case 'virtual-mta-pool': {
        const name = block.arg.toLowerCase();
        const isPool = block.tag === 'virtual-mta-pool';
        push(isPool ? poolBlocks : vmtaBlocks, name, block);
        const target = isPool ? poolDomains : vmtaDomains;
        const entries = target.get(name) ?? [];
        for (const child of block.blocks) {
          if (child.tag === 'domain') entries.push(domainEntry(child, isPool ? { kind: 'pool', name } : { kind: 'virtual-mta', name }));
        }
        target.set(name, entries);
        break;
      }
      case 'smtp-pattern-list': {
        const list = readPatternList(block);
        const existing = patternLists.get(list.name);
        patternLists.set(list.name, existing ? { ...existing, blocks: [...existing.blocks, block], replies: [...existing.replies, ...list.replies] } : list);
        break;
      }
      case 'source':
        sources.push(block);
        break;
      case 'acct-file': {
        const recordsSetting = block.settings.filter((s) => s.name === 'records').at(-1);
        const records = recordsSetting
          ? recordsSetting.value.split(',').map((r) => RECORD_NAMES[r.trim().toLowerCase()] ?? r.trim().toLowerCase()).filter((r) => r !== '')
          : ['d', 'b'];
        acctFiles.push({ path: block.arg, block, records, recordsSetting, loc: block.loc });
        break;
      }
      default:
        break;
    }
  }

  const pools = new Map<string, PoolInfo>();
  for (const [name, blocks] of poolBlocks) {
    const members = blocks.flatMap((b) => b.settings.filter((s) => s.name === 'virtual-mta').map((s) => s.value.toLowerCase()));
    pools.set(name, { name, blocks, members, domains: poolDomains.get(name) ?? [], loc: (blocks[0] as ModelBlock).loc });
  }
  const virtualMtas = new Map<string, VirtualMtaInfo>();
  for (const [name, blocks] of vmtaBlocks) {
    virtualMtas.set(name, {
      name,
      blocks,
      sourceHosts: blocks.flatMap((b) => readSourceHosts(b.settings)),
      pools: [...pools.values()].filter((p) => p.members.includes(name)).map((p) => p.name),
      domains: vmtaDomains.get(name) ?? [],
      loc: (blocks[0] as ModelBlock).loc,
    });
  }
  return {
    macros,
    issues,
    globalDomains,
    allDomains,
    virtualMtas,
    pools,
    patternLists,
    sources,
    acctFiles,
    globalSourceHosts: readSourceHosts(config.root.settings),
  };
}

function readSourceHosts(settings: readonly Setting[]): SourceHost[] {
  return settings
    .filter((s) => s.name === 'smtp-source-host')
    .map((s) => {
      const [ip = '', hostName = ''] = s.value.split(/\s+/);
      return { ip, hostName, loc: s.loc };
    });
}
