import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import { BehaviorSubject } from 'rxjs';
import App from '../../../src/ui/App.js';
import type { Recommendation } from '../../../src/domain/report.js';
import type { DashboardSnapshot } from '../../../src/ui/dashboard-snapshot.js';
import { settle, stripSgr } from '../helpers/fake-terminal.js';
import { buildSnapshot, PAIRS } from '../helpers/snapshot-fixture.js';

afterEach(() => cleanup());

function mount(snapshot: DashboardSnapshot = buildSnapshot(), onWriteDiff = vi.fn((_: readonly Recommendation[]) => Promise.resolve('/tmp/pmta-tune.diff')), onQuit = vi.fn()) {
  const snapshots = new BehaviorSubject(snapshot);
  const r = render(<App snapshots={snapshots} onWriteDiff={onWriteDiff} onQuit={onQuit} timeZone="UTC" color={false} />);
  const frame = (): string => stripSgr(r.lastFrame() ?? '');
  const lineOf = (text: string): string => frame().split('\n').find((l) => l.includes(text)) ?? '';
  const press = async (...keys: string[]): Promise<void> => {
    for (const k of keys) {
      r.stdin.write(k);
      await settle();
    }
  };
  return { ...r, snapshots, frame, lineOf, press, onWriteDiff, onQuit };
}

describe('App (100 columns, ink-testing-library)', () => {
  it('shows the header, the pair table, warm-up, recommendations and the newest alert', async () => {
    const d = mount();
    await settle();
    const f = d.frame();
    expect(f.split('\n')[0]).toMatch(/^pmta-advisor · watching .*pmta\/acct \(acct-2026-11-29-0011\.csv \+1,240 rec\/s\)\s+14:32:07 {3}\? help$/);
    expect(d.lineOf('yahoo')).toMatch(/^▶ yahoo\s+203\.0\.113\.14\s+1,020\s+402 61\.0%.*410 \(380–445\)\s+rate\s+THROTTLED 22m/);
    expect(d.lineOf('google ')).toMatch(/≥5,200 \(cens\.\)/);
    expect(d.lineOf('orange')).toContain('insufficient data');
    expect(d.lineOf('203.0.113.31  google')).toMatch(/day 9 .*41,200 \/ 48,000\s+86%/);
    expect(d.lineOf('203.0.113.31  microsoft')).toMatch(/104% {2}over plan/);
    expect(f).toContain('─ recommendations (3) ─');
    expect(d.lineOf('vmta-14 / $yahoo')).toMatch(/max-msg-rate\s+unlimited → 350\/h\s+0\.91/);
    expect(d.lineOf('started throttling')).toMatch(/^─ 14:10 yahoo\/203\.0\.113\.14 started throttling: 421 4\.7\.0 \[TSS04\]/);
  });

  it('moves the selection with j/k and arrows and shows the selected pair\'s evidence on Enter', async () => {
    const d = mount();
    await d.press('j');
    expect(d.lineOf('google ')).toMatch(/^▶ google/);
    expect(d.lineOf('yahoo ')).toMatch(/^ {2}yahoo/);
    await d.press('\u001B[B', '\u001B[A');
    expect(d.lineOf('google ')).toMatch(/^▶ google/);
    await d.press('\r');
    expect(d.frame()).toContain('evidence · google 203.0.113.31 vmta-31 · ok');
    expect(d.frame()).toContain("×12 recipient 04:32–14:02 452 4.2.2 The recipient's inbox is out of storage space.");
    await d.press('\u001B');
    expect(d.frame()).not.toContain('evidence · google');
    expect(d.lineOf('google ')).toMatch(/^▶ google/);
  });

  it('switches to the recommendations with Tab and shows one\'s evidence, sanitised', async () => {
    const d = mount();
    await d.press('\t');
    expect(d.lineOf('vmta-14 / $yahoo')).toMatch(/^▶ vmta-14 \/ \$yahoo .*0\.91 {2}\[enter\] evidence {2}\[d\] diff$/);
    await d.press('\r');
    const f = d.frame();
    expect(f).toContain('evidence · <virtual-mta vmta-14> <domain $yahoo> max-msg-rate');
    expect(f).toContain("unlimited → 350/h (current: PowerMTA's default)");
    expect(f).toContain('×8,412 rate 14:10–14:32 421 4.7.0 [TSS04] Messages from 203.0.113.14');
    await d.press('j');
    expect(d.frame()).toContain('evidence · <domain comcast.net> max-smtp-out');
    await d.press('\r');
    expect(d.frame()).toContain('─ recommendations (3) · Tab: back to pairs');
  });

  it('filters with / as you type, keeps the filter on Enter and clears it with Esc', async () => {
    const d = mount();
    await d.press('/yahoo');
    expect(d.frame().split('\n').at(-1)).toBe('filter: yahoo▏  1 of 6 pairs · Enter keep · Esc clear');
    expect(d.frame()).not.toContain('google ');
    expect(d.frame()).toContain('─ recommendations (1)');
    await d.press('\r');
    expect(d.frame().split('\n').at(-1)).toMatch(/^sort: status · filter "yahoo": 1 of 6 pairs/);
    await d.press('j', 'k');
    await d.press('\u001B');
    expect(d.frame()).toContain('google ');
    expect(d.frame().split('\n').at(-1)).toMatch(/^sort: status · 6 pairs/);
    await d.press('/nothing-like-this');
    expect(d.frame()).toContain('no pairs match "nothing-like-this" (Esc clears the filter)');
  });

  it('cycles the sort column with s and reverses it with r', async () => {
    const d = mount();
    await d.press('s');
    const rows = () => d.frame().split('\n').slice(2, 8).map((l) => l.slice(2).split(/\s+/)[0]);
    expect(rows()).toEqual(['comcast', 'gmx', 'google', 'microsoft', 'orange', 'yahoo']);
    await d.press('r');
    expect(rows()).toEqual(['yahoo', 'orange', 'microsoft', 'google', 'gmx', 'comcast']);
    expect(d.frame().split('\n').at(-1)).toMatch(/^sort: provider \(reversed\)/);
  });

  it('writes the diff of the recommendations shown with d and says where it went', async () => {
    const d = mount();
    await d.press('d');
    expect(d.onWriteDiff).toHaveBeenCalledTimes(1);
    expect(d.onWriteDiff.mock.calls[0]?.[0].map((r) => r.id)).toEqual(['rate:vmta-14:$yahoo', 'conn:comcast.net', 'mpc:gmx.de']);
    await settle();
    expect(d.frame().split('\n').at(-1)).toMatch(/^diff written to \/tmp\/pmta-tune\.diff · sort: status/);
  });

  it('says why the diff was not written', async () => {
    const failing = mount(buildSnapshot(), vi.fn(() => Promise.reject(new Error('/etc/pmta/config changed since it was read; run again'))));
    await failing.press('d');
    await settle();
    expect(failing.frame().split('\n').at(-1)).toMatch(/^could not write the diff: \/etc\/pmta\/config changed since it was read; run again/);
    cleanup();
    const none = mount(buildSnapshot({ recommendations: [] }));
    await none.press('d');
    expect(none.onWriteDiff).not.toHaveBeenCalled();
    expect(none.frame().split('\n').at(-1)).toMatch(/^nothing to write: there are no recommendations yet/);
  });

  it('quits on q and on Ctrl-C, once', async () => {
    const d = mount();
    await d.press('q', 'q');
    expect(d.onQuit).toHaveBeenCalledTimes(1);
    cleanup();
    const c = mount();
    await c.press('\u0003');
    expect(c.onQuit).toHaveBeenCalledTimes(1);
  });

  it('follows new snapshots, keeping the selected pair selected', async () => {
    const d = mount();
    await d.press('j', 'j'); // microsoft
    const recovered = PAIRS.map((p) => (p.isp === 'yahoo' ? { ...p, status: 'ok' as const, episodes: [] } : p));
    d.snapshots.next(buildSnapshot({ pairs: recovered, now: buildSnapshot().now + 5_000, alerts: [] }));
    await settle();
    expect(d.frame().split('\n')[0]).toContain('14:32:12');
    expect(d.lineOf('microsoft ')).toMatch(/^▶ microsoft/);
    expect(d.lineOf('yahoo ')).not.toContain('THROTTLED');
  });

  it('renders nothing new for a key that changes nothing (no flicker)', async () => {
    const d = mount();
    await settle();
    const before = d.frames.length;
    await d.press('k', 'x', '\u001B', 'Z');
    expect(d.frames.length).toBe(before);
    await d.press('j');
    expect(d.frames.length).toBe(before + 1);
  });

  it('shows what it waits for before the accounting directory exists', async () => {
    const d = mount(buildSnapshot({ pairs: [], hourly: {}, recommendations: [], alerts: [], warmupProgress: [], source: { state: 'waiting-for-path', currentFile: null, recordsPerSecond: 0 } }));
    await settle();
    expect(d.frame().split('\n')[0]).toMatch(/^pmta-advisor · waiting for \/var\/log\/pmta\/acct to appear\s+14:32:07/);
    expect(d.frame()).toContain('no provider × IP pairs yet');
    expect(d.frame()).toContain('none yet: every pair looks fine or there is not enough evidence');
  });
});
