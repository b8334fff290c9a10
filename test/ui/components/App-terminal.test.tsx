import { afterEach, describe, expect, it } from 'vitest';
import { KEY_BINDINGS } from '../../../src/ui/key-bindings.js';
import { renderDashboard } from '../helpers/render-dashboard.js';
import { buildSnapshot, HOSTILE_DIAG, makePair, manyPairs, PAIRS } from '../helpers/snapshot-fixture.js';

type Mounted = Awaited<ReturnType<typeof renderDashboard>>;
let mounted: Mounted | null = null;
async function mount(...args: Parameters<typeof renderDashboard>): Promise<Mounted> {
  mounted = await renderDashboard(...args);
  return mounted;
}
afterEach(() => {
  mounted?.unmount();
  mounted = null;
});

const width = (line: string): number => [...line].length;
/** Any escape sequence other than SGR colour, any C1 control, bidi override or BEL. */
const UNSAFE = /\u001B(?!\[[0-9;]*m)|[\u0007\u0080-\u009F\u202A-\u202E\u2066-\u2069]/;

describe('App on real terminal sizes', () => {
  it('stays within 80 columns and fewer rows than the terminal, dropping columns rather than wrapping', async () => {
    const d = await mount(buildSnapshot(), { columns: 80, rows: 24 });
    const lines = d.lines();
    for (const l of lines) expect(width(l), l).toBeLessThanOrEqual(80);
    expect(lines.length).toBeLessThan(24);
    expect(lines[1]).toMatch(/^ {2}provider\s+IP\s+att\/h\s+accept\s+acc\s+limit\/h \(est\)\s+binds\s+status$/);
    expect(lines.find((l) => l.includes('yahoo'))).toMatch(/^▶ yahoo\s+203\.0\.113\.14\s+1,020 61\.0%\s+\S+\s+410 \(380–445\)\s+rate\s+THROTTLED$/);
  });

  it('shows every column on a 160-column terminal', async () => {
    const d = await mount(buildSnapshot(), { columns: 160, rows: 40 });
    expect(d.lines()[1]).toMatch(/^ {2}provider\s+IP\s+vmta\s+att\/h\s+acc\/h\s+accept\s+accept 12h\s+vol 12h\s+throttled\s+limit\/h \(est\)\s+binds\s+status$/);
    expect(d.frame()).toContain('61.0% [59–63]');
    for (const l of d.lines()) expect(width(l)).toBeLessThanOrEqual(160);
  });

  it('re-lays out on resize', async () => {
    const d = await mount(buildSnapshot(), { columns: 160, rows: 40 });
    expect(d.lines()[1]).toContain('vmta');
    await d.resize(80, 24);
    expect(d.lines()[1]).not.toContain('vmta');
    for (const l of d.lines()) expect(width(l)).toBeLessThanOrEqual(80);
    expect(d.lines().length).toBeLessThan(24);
    await d.resize(100, 30);
    expect(d.lines()[1]).toContain('acc/h');
  });

  it('scrolls a long table with the selection and never grows past the terminal height', async () => {
    const d = await mount(buildSnapshot({ pairs: [...PAIRS, ...manyPairs(80)] }), { columns: 100, rows: 24 });
    expect(d.lines().length).toBeLessThan(24);
    await d.press('G');
    expect(d.frame()).toMatch(/▶ orange\s+203\.0\.113\.40/); // insufficient data sorts last
    expect(d.frame()).toMatch(/ {2}isp79\s+198\.51\.100\.80/);
    expect(d.frame().split('\n').at(-1)).toMatch(/^sort: status · 86 pairs \(75–86 shown\)/);
    expect(d.lines().length).toBeLessThan(24);
    await d.press('g');
    expect(d.frame()).toMatch(/▶ yahoo/);
  });

  it('lists every key binding in the help overlay', async () => {
    const d = await mount(buildSnapshot(), { columns: 100, rows: 60 });
    await d.press('?');
    const f = d.frame();
    for (const b of KEY_BINDINGS) expect(f).toMatch(new RegExp(`^ {2}${b.keys.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\s+${b.description.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`, 'm'));
    await d.press('?');
    expect(d.frame()).not.toContain('pmta-advisor watch · keys');
  });

  it('scrolls the help on a short terminal', async () => {
    const d = await mount(buildSnapshot(), { columns: 80, rows: 16 });
    await d.press('?');
    expect(d.frame()).toMatch(/lines 1–12 of \d+ · j\/k PgDn\/PgUp scroll/);
    expect(d.frame()).not.toContain('While typing a filter');
    await d.press('\u001B[6~', '\u001B[6~');
    expect(d.frame()).toContain('While typing a filter');
    expect(d.lines().length).toBeLessThan(16);
  });

  it('never lets hostile remote text reach the terminal: alert line, evidence, recommendations', async () => {
    const evilPair = makePair({
      isp: 'evil\u001B[2J', domains: ['x\u009B31m.example'], sourceIp: '203.0.113.66\u202E', vmta: 'vmta\u001B]0;pwned\u0007-66', attempts: 100, delivered: 10, deferred: 90,
      interval: [0.05, 0.17], byClass: { block: 90 }, limit: { estimate: null, low: null, high: null, censored: false }, binding: 'block', status: 'blocked',
      topResponses: [{ class: 'block', text: HOSTILE_DIAG, count: 90, first: '2026-11-29T14:00:00Z', last: '2026-11-29T14:30:00Z' }],
    });
    const snapshot = buildSnapshot({ pairs: [evilPair, ...PAIRS], alerts: [{ time: Date.parse('2026-11-29T14:31:00Z'), isp: 'evil\u001B[2J', sourceIp: '203.0.113.66', kind: 'blocked', text: `${HOSTILE_DIAG} ${'Z'.repeat(400)}` }] });
    const d = await mount(snapshot, { columns: 100, rows: 40, color: true });
    const frames: string[] = [d.rawFrame()];
    await d.press('\r');
    frames.push(d.rawFrame());
    await d.press('\u001B', '\t', '\r');
    frames.push(d.rawFrame());
    for (const f of frames) {
      expect(f).not.toMatch(UNSAFE);
      expect(f).not.toContain('pwned');
      for (const l of d.lines()) expect(width(l)).toBeLessThanOrEqual(100);
    }
    expect(frames[0]).toContain('─ 14:31 evil/203.0.113.66 blocked: 421 4.7.0 [TSS04]');
    expect(frames[1]).toContain('evidence · evil 203.0.113.66 vmta-66 · BLOCKED');
    expect(frames[1]).toContain('gnirts desrever');
    // the check itself would catch the raw text
    expect(HOSTILE_DIAG).toMatch(UNSAFE);
  });

  it('draws the full dashboard the same way every time (100×40)', async () => {
    const d = await mount(buildSnapshot(), { columns: 100, rows: 40 });
    expect(d.frame()).toMatchSnapshot();
  });
});
