/** Small helpers shared by the lint rules. */
import type { Location, ModelBlock, Setting } from '../config-model.js';
import { formatBlock, lastSetting, walkBlocks } from '../config-model.js';
import type { Config } from '../config-model.js';
import { directiveSpec } from '../directives.js';
import type { Finding, Severity } from '../lint-finding.js';
import { parseBool } from '../value-types.js';
import { parseIpv4Prefix, sameNetwork } from '../domain-pattern.js';

export function finding(rule: string, severity: Severity, loc: Location, message: string, fix: string, column?: number): Finding {
  return { file: loc.file, line: loc.line, column: column ?? loc.column, severity, rule, message, fix };
}

/** Every block with the global level first. */
export function allBlocks(config: Config): ModelBlock[] {
  return [config.root, ...walkBlocks(config.root)];
}

/** `<virtual-mta x> <domain y>` style label of a block and its parents. */
export function blockPath(block: ModelBlock): string {
  const parts: string[] = [];
  for (let b: ModelBlock | null = block; b && b.tag !== ''; b = b.parent) parts.unshift(formatBlock(b));
  return parts.join(' ') || 'global level';
}

/** Value of a source directive for `block`, falling back to `<source 0/0>` and then the default. */
export function sourceValue(block: ModelBlock, base: ModelBlock | undefined, name: string): { value: string; setting: Setting | undefined } {
  const own = lastSetting(block, name);
  if (own) return { value: own.value, setting: own };
  const inherited = base && base !== block ? lastSetting(base, name) : undefined;
  if (inherited) return { value: inherited.value, setting: inherited };
  return { value: directiveSpec(name)?.default ?? '', setting: undefined };
}

export function isYes(value: string): boolean {
  const b = parseBool(value);
  return b === true || value.trim().toLowerCase() === 'override';
}

export interface Cidr {
  readonly addr: number;
  readonly bits: number;
}

/** Parses `0/0`, `10/8`, `192.168.1.0/24`, `127.0.0.1` (IPv4 only; IPv6 `::/0` gives bits 0). */
export function parseSourceCidr(arg: string): Cidr | null {
  const t = arg.trim();
  if (/^::\/0$/.test(t)) return { addr: 0, bits: 0 };
  const m = /^(\d{1,3}(?:\.\d{1,3}){0,3})(?:\/(\d{1,2}))?$/.exec(t);
  if (!m) return null;
  const parsed = parseIpv4Prefix(m[1] ?? '');
  if (!parsed) return null;
  return { addr: parsed.addr, bits: m[2] === undefined ? 32 : Number(m[2]) };
}

const PRIVATE: readonly Cidr[] = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '127.0.0.0/8', '100.64.0.0/10'].map((c) => parseSourceCidr(c) as Cidr);

/** Whether every address of the range is private, loopback or carrier-grade NAT space. */
export function isPrivateRange(c: Cidr): boolean {
  return PRIVATE.some((p) => c.bits >= p.bits && sameNetwork(c.addr, p.addr, p.bits));
}

/** The `<source 0/0>` block, if any. */
export function baseSource(sources: readonly ModelBlock[]): ModelBlock | undefined {
  return sources.find((s) => parseSourceCidr(s.arg)?.bits === 0);
}

/** Sources that let applications inject mail: relaying allowed (own or inherited), or {auth} / {pickup}. */
export function injectingSources(sources: readonly ModelBlock[]): ModelBlock[] {
  const base = baseSource(sources);
  return sources.filter((s) => {
    const name = s.arg.trim().toLowerCase();
    if (name === '{auth}' || name === '{pickup}') return true;
    return isYes(sourceValue(s, base, 'always-allow-relaying').value);
  });
}
