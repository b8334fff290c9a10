/**
 * Validation of the sender part of a scenario: virtual MTAs, pools, macros, domain blocks and pattern lists.
 */
import type { CheckContext, Json } from './json-check.js';
import { asArray, asObject, checkDomainName, fail, join, noExtraKeys, oneOf, str } from './json-check.js';
import { DIRECTIVES, checkDirective } from './directives.js';
import type { Directive } from './directives.js';
import type { DirectiveBlock, PatternReply, SenderSpec, VmtaSpec } from './scenario-types.js';

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const ACTIONS = /^(mode=backoff|mode=normal)$/;

export function checkSender(ctx: CheckContext, v: Json, path: string): SenderSpec {
  const o = asObject(ctx, v, path);
  noExtraKeys(ctx, o, path, ['vmtas', 'pools', 'domainMacros', 'domains', 'vmtaDomains', 'patternLists']);
  const vmtas = asArray(ctx, o['vmtas'], join(path, 'vmtas')).map((x, i) => checkVmta(ctx, x, join(join(path, 'vmtas'), i)));
  if (vmtas.length === 0) fail(ctx, join(path, 'vmtas'), 'needs at least one virtual MTA');
  const names = vmtas.map((x) => x.name);
  names.forEach((n, i) => {
    if (names.indexOf(n) !== i) fail(ctx, join(join(path, 'vmtas'), i), `duplicate virtual MTA name ${n}`);
  });

  const pools: Record<string, string[]> = {};
  const poolsObj = asObject(ctx, o['pools'], join(path, 'pools'));
  for (const [pool, members] of Object.entries(poolsObj)) {
    const p = join(join(path, 'pools'), pool);
    if (!NAME.test(pool)) fail(ctx, p, 'pool names use letters, digits, dot, dash, underscore');
    pools[pool] = asArray(ctx, members, p).map((m, i) => {
      if (typeof m !== 'string' || !names.includes(m)) fail(ctx, join(p, i), `unknown virtual MTA ${JSON.stringify(m)}`);
      return String(m);
    });
    if (pools[pool].length === 0) fail(ctx, p, 'a pool needs at least one virtual MTA');
  }

  const domainMacros: Record<string, string[]> = {};
  for (const [macro, list] of Object.entries(asObject(ctx, o['domainMacros'], join(path, 'domainMacros')))) {
    const p = join(join(path, 'domainMacros'), macro);
    if (!/^\w+$/.test(macro)) fail(ctx, p, 'macro names are letters, digits and underscores');
    domainMacros[macro] = asArray(ctx, list, p).map((d, i) => {
      const name = String(d).toLowerCase();
      checkDomainName(ctx, name, join(p, i));
      return name;
    });
  }

  const patternLists: Record<string, PatternReply[]> = {};
  for (const [name, list] of Object.entries(asObject(ctx, o['patternLists'], join(path, 'patternLists')))) {
    const p = join(join(path, 'patternLists'), name);
    patternLists[name] = asArray(ctx, list, p).map((r, i) => checkReply(ctx, r, join(p, i)));
  }
  const listNames = Object.keys(patternLists);

  const checkBlocks = (val: Json, p: string): Record<string, DirectiveBlock> => {
    const out: Record<string, DirectiveBlock> = {};
    for (const [pattern, block] of Object.entries(asObject(ctx, val, p))) {
      const bp = join(p, pattern);
      if (pattern.startsWith('$') && domainMacros[pattern.slice(1)] === undefined) fail(ctx, bp, `no domain macro ${pattern.slice(1)}`);
      out[pattern] = checkBlock(ctx, block, bp, listNames);
    }
    return out;
  };
  const domains = checkBlocks(o['domains'], join(path, 'domains'));
  const vmtaDomains: Record<string, Record<string, DirectiveBlock>> = {};
  for (const [vmta, blocks] of Object.entries(asObject(ctx, o['vmtaDomains'], join(path, 'vmtaDomains')))) {
    const p = join(join(path, 'vmtaDomains'), vmta);
    if (!names.includes(vmta)) fail(ctx, p, `unknown virtual MTA ${vmta}`);
    vmtaDomains[vmta] = checkBlocks(blocks, p);
  }
  return { vmtas, pools, domainMacros, domains, vmtaDomains, patternLists };
}

function checkVmta(ctx: CheckContext, v: Json, path: string): VmtaSpec {
  const o = asObject(ctx, v, path);
  noExtraKeys(ctx, o, path, ['name', 'ip', 'hostname', 'new']);
  const name = str(ctx, o, 'name', path);
  if (name !== '' && !NAME.test(name)) fail(ctx, join(path, 'name'), 'use letters, digits, dot, dash, underscore');
  const ip = str(ctx, o, 'ip', path);
  if (ip !== '' && !IPV4.test(ip)) fail(ctx, join(path, 'ip'), `expected an IPv4 address, got ${ip}`);
  const fresh = o['new'] ?? false;
  if (typeof fresh !== 'boolean') fail(ctx, join(path, 'new'), 'expected true or false');
  return { name, ip, hostname: str(ctx, o, 'hostname', path, `${name}.mail.example.com`), new: fresh === true };
}

function checkReply(ctx: CheckContext, v: Json, path: string): PatternReply {
  const o = asObject(ctx, v, path);
  noExtraKeys(ctx, o, path, ['regex', 'actions']);
  const regex = str(ctx, o, 'regex', path);
  try {
    new RegExp(regex, 'i');
  } catch (error) {
    fail(ctx, join(path, 'regex'), `not a valid regular expression: ${(error as Error).message}`);
  }
  const actions = oneOf(ctx, o, 'actions', path, ['mode=backoff', 'mode=normal'] as const);
  if (!ACTIONS.test(actions)) fail(ctx, join(path, 'actions'), 'supported: mode=backoff, mode=normal');
  return { regex, actions };
}

function checkBlock(ctx: CheckContext, v: Json, path: string, lists: readonly string[]): DirectiveBlock {
  const o = asObject(ctx, v, path);
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(o)) {
    const p = join(path, key);
    if (!(DIRECTIVES as readonly string[]).includes(key)) {
      fail(ctx, p, `unsupported directive (the simulator models: ${DIRECTIVES.join(', ')})`);
      continue;
    }
    if (typeof value !== 'string' && typeof value !== 'number') {
      fail(ctx, p, 'expected a value in PowerMTA syntax');
      continue;
    }
    const problem = checkDirective(key as Directive, value, lists);
    if (problem) fail(ctx, p, problem);
    out[key] = value;
  }
  return out;
}
