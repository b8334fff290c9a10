/** Selector: the help overlay, every binding from key-bindings.ts plus how to read the numbers. */
import { fitText } from '../format/fit-text.js';
import { KEY_BINDINGS } from '../key-bindings.js';
import type { KeyBinding, KeyMode } from '../key-bindings.js';
import { line } from './line-view.js';
import type { LineView } from './line-view.js';

const GROUPS: readonly { readonly title: string; readonly test: (b: KeyBinding) => boolean }[] = [
  { title: 'Keys', test: (b) => b.modes.includes('normal') },
  { title: 'In the evidence view', test: (b) => !b.modes.includes('normal') && b.modes.includes('evidence') },
  { title: 'In this help', test: (b) => !b.modes.includes('normal') && !b.modes.includes('evidence') && b.modes.includes('help') },
  { title: 'While typing a filter (/)', test: (b) => b.modes.length === 1 && b.modes[0] === ('filter' satisfies KeyMode) },
];

const LEGEND = [
  'accept   accepted / attempts over the report window, [interval low–high]',
  'att/h    attempts in the last 60 minutes; acc/h the deliveries among them',
  'sparks   last 12 hours: acceptance on a 0–100% scale, volume against the busiest hour',
  'limit/h  hourly volume the provider accepted while pushing back (low–high);',
  '         ≥N (cens.) it never pushed back, so N is only a lower bound; – not enough data',
  'binds    the PowerMTA knob that limits this pair: connections, per-connection, rate…',
];

export function selectHelpLines(): LineView[] {
  const out: LineView[] = [line('pmta-advisor watch · keys', 'accent', { bold: true })];
  const keyWidth = Math.max(...KEY_BINDINGS.map((b) => b.keys.length)) + 2;
  for (const group of GROUPS) {
    const members = KEY_BINDINGS.filter(group.test);
    if (members.length === 0) continue;
    out.push(line(''), line(group.title, 'plain', { bold: true }));
    for (const b of members) out.push(line(`  ${fitText(b.keys, keyWidth)}${b.description}`));
  }
  out.push(line(''), line('Columns', 'plain', { bold: true }), ...LEGEND.map((l) => line(`  ${l}`, 'muted')));
  return out;
}
