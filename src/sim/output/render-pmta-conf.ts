/**
 * The simulated sender's configuration in PowerMTA syntax: `<acct-file>` with `records d,b,t,tq`,
 * `domain-macro` lines, `<smtp-pattern-list>` blocks, one `<virtual-mta>` per IP with its
 * `smtp-source-host` (and nested `<domain>` blocks), `<virtual-mta-pool>` blocks and `<domain>` blocks.
 */
import type { DirectiveBlock, Scenario } from '../scenario/scenario-types.js';

export interface ConfHeader {
  readonly seed: number;
  readonly acctDir: string;
}

function block(pattern: string, directives: DirectiveBlock, indent: string): string[] {
  const entries = Object.entries(directives);
  const width = Math.max(0, ...entries.map(([k]) => k.length));
  return [`${indent}<domain ${pattern}>`, ...entries.map(([k, v]) => `${indent}    ${k.padEnd(width)} ${String(v)}`), `${indent}</domain>`];
}

/** Patterns in PowerMTA's usual reading order: `*` first, then macros, then exact domains. */
function ordered(blocks: Readonly<Record<string, DirectiveBlock>>): [string, DirectiveBlock][] {
  const rank = (p: string): number => (p === '*' ? 0 : p.startsWith('$') ? 1 : 2);
  return Object.entries(blocks).sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
}

export function renderPmtaConf(scenario: Scenario, header: ConfHeader): string {
  const s = scenario.sender;
  const out: string[] = [
    `# PowerMTA configuration of the simulated sender (pmta-advisor simulate)`,
    `# scenario: ${scenario.name}, seed ${header.seed}`,
    ...(scenario.plantedConfigProblems.length > 0 ? [`# planted problems (for lint tests): ${scenario.plantedConfigProblems.join(', ')}`] : []),
    '',
    '<source 127.0.0.1>',
    '    always-allow-relaying yes',
    '    process-x-virtual-mta yes',
    '    process-x-job yes',
    '    add-message-id-header yes',
    '    add-date-header yes',
    '    hide-message-source yes',
    '</source>',
    '',
    `<acct-file ${header.acctDir.replace(/\/$/, '')}/acct.csv>`,
    '    records d,b,t,tq',
    '    record-fields d *,header_X-Job',
    '    record-fields b *,header_X-Job',
    '    record-fields t *,header_X-Job',
    '    move-interval 1h',
    '</acct-file>',
    '',
  ];
  for (const [name, domains] of Object.entries(s.domainMacros)) out.push(`domain-macro ${name} ${domains.join(',')}`);
  if (Object.keys(s.domainMacros).length > 0) out.push('');
  for (const [name, replies] of Object.entries(s.patternLists)) {
    out.push(`<smtp-pattern-list ${name}>`, ...replies.map((r) => `    reply /${r.regex}/ ${r.actions}`), '</smtp-pattern-list>', '');
  }
  for (const v of s.vmtas) {
    out.push(`<virtual-mta ${v.name}>`, `    smtp-source-host ${v.ip} ${v.hostname}`);
    for (const [pattern, directives] of ordered(s.vmtaDomains[v.name] ?? {})) out.push(...block(pattern, directives, '    '));
    out.push('</virtual-mta>', '');
  }
  for (const [pool, members] of Object.entries(s.pools)) {
    out.push(`<virtual-mta-pool ${pool}>`, ...members.map((m) => `    virtual-mta ${m}`), '</virtual-mta-pool>', '');
  }
  for (const [pattern, directives] of ordered(s.domains)) out.push(...block(pattern, directives, ''), '');
  return `${out.join('\n').trimEnd()}\n`;
}
