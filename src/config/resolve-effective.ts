/**
 * The value each per-queue directive takes for one (domain, virtual MTA), by PowerMTA's merge rules
 * [UG5 §3.3.10, §3.3.13.2]:
 * - within a layer, every matching `<domain>` block is merged from general to specific, whatever
 *   their order in the file (`*` → `[*.]x` → `*.x` → exact, more labels more specific), and an
 *   explicitly named domain beats one reached through a domain macro;
 * - layers are merged global → the virtual MTA's pool → the virtual MTA itself, so a `<domain>`
 *   inside a `<virtual-mta>` inherits from its pool's, then from the global ones;
 * - PowerMTA's documented default applies where nothing is set (for `backoff-max-msg-rate` and its
 *   kin: the normal-mode value when that one is set).
 */
import type { Config, ModelBlock, Setting } from './config-model.js';
import type { DomainEntry } from './config-index.js';
import { configIndex } from './config-index.js';
import { DOMAIN_DIRECTIVES, directiveSpec } from './directives.js';
import { matchesDomain, normalizeDomain, specificity } from './domain-pattern.js';

export type SettingSource = { readonly file: string; readonly line: number } | 'default';

export interface EffectiveSetting {
  readonly directive: string;
  /** The value in PowerMTA syntax, quotes removed ('' when cleared with `""`). */
  readonly value: string;
  readonly source: SettingSource;
  /** Every value when the directive is repeatable (all its lines in the deciding block), else [value]. */
  readonly values: readonly string[];
  /** The `<domain>` block that decides the value (absent for defaults). */
  readonly block?: ModelBlock;
  readonly setting?: Setting;
  /** For a default taken from another directive (backoff-max-msg-rate ← max-msg-rate). */
  readonly derivedFrom?: string;
}

export interface QueueScope {
  /** A recipient domain (`gmail.com`), or `*` for a domain that no specific block matches. */
  readonly domain: string;
  /** Virtual MTA (or pool) name; null or absent for the global settings. */
  readonly virtualMta?: string | null;
  /** Pool the queue's virtual MTA was selected through, when it belongs to several. */
  readonly pool?: string | null;
}

export function resolveEffective(config: Config, scope: QueueScope): Map<string, EffectiveSetting> {
  const out = new Map<string, EffectiveSetting>();
  for (const entry of domainChain(config, scope)) {
    const local = new Map<string, Setting[]>();
    for (const s of entry.block.settings) {
      if (s.name === 'include') continue;
      const list = local.get(s.name);
      if (list) list.push(s);
      else local.set(s.name, [s]);
    }
    for (const [name, settings] of local) {
      const last = settings[settings.length - 1] as Setting;
      const repeatable = directiveSpec(name)?.repeatable === true;
      out.set(name, {
        directive: name,
        value: last.value,
        source: { file: last.loc.file, line: last.loc.line },
        values: repeatable ? settings.map((s) => s.value) : [last.value],
        block: entry.block,
        setting: last,
      });
    }
  }
  for (const spec of DOMAIN_DIRECTIVES) {
    if (out.has(spec.name) || spec.default === null) continue;
    const from = spec.defaultFrom ? out.get(spec.defaultFrom) : undefined;
    if (from && from.source !== 'default') {
      out.set(spec.name, { directive: spec.name, value: from.value, source: 'default', values: [from.value], derivedFrom: from.directive });
    } else {
      out.set(spec.name, { directive: spec.name, value: spec.default, source: 'default', values: [spec.default] });
    }
  }
  return out;
}

/** One directive's effective setting, or undefined when it is neither set nor has a default. */
export function effectiveValue(config: Config, domain: string, virtualMta: string | null, directive: string): EffectiveSetting | undefined {
  return resolveEffective(config, { domain, virtualMta }).get(directive.toLowerCase());
}

/**
 * The `<domain>` blocks that apply to a queue, in the order they are merged (general first, the
 * deciding one last).
 */
export function domainChain(config: Config, scope: QueueScope): DomainEntry[] {
  const index = configIndex(config);
  const domain = scope.domain.trim() === '*' ? '*' : normalizeDomain(scope.domain);
  const name = scope.virtualMta?.toLowerCase() ?? null;
  const vmta = name === null ? undefined : index.virtualMtas.get(name);
  let poolName: string | null = scope.pool?.toLowerCase() ?? null;
  if (poolName === null && name !== null) {
    if (vmta) poolName = vmta.pools.find((p) => (index.pools.get(p)?.domains.length ?? 0) > 0) ?? null;
    else if (index.pools.has(name)) poolName = name;
  }
  const pool = poolName === null ? undefined : index.pools.get(poolName);
  return [...ordered(index.globalDomains, domain), ...ordered(pool?.domains ?? [], domain), ...ordered(vmta?.domains ?? [], domain)];
}

function ordered(entries: readonly DomainEntry[], domain: string): DomainEntry[] {
  const keyed: { entry: DomainEntry; key: readonly number[] }[] = [];
  for (const entry of entries) {
    let best: readonly number[] | null = null;
    for (const p of entry.patterns) {
      const hit = domain === '*' ? p.pattern.kind === 'all' : matchesDomain(p.pattern, domain);
      if (!hit) continue;
      const spec = specificity(p.pattern);
      const key = [spec[0], spec[1], entry.viaMacro ? 0 : 1];
      if (best === null || compareKeys(key, best) > 0) best = key;
    }
    if (best !== null) keyed.push({ entry, key: [...best, entry.order] });
  }
  return keyed.sort((a, b) => compareKeys(a.key, b.key)).map((k) => k.entry);
}

function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
