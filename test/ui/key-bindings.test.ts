import { describe, expect, it } from 'vitest';
import { isPrintable, KEY_BINDINGS, keyMode, resolveKey } from '../../src/ui/key-bindings.js';
import type { KeyCommand, KeyMode } from '../../src/ui/key-bindings.js';

const action = (c: KeyCommand | null) => (c?.type === 'dispatch' ? c.action.type : c?.type);

describe('key bindings', () => {
  it('maps the browsing keys', () => {
    expect(action(resolveKey('j', {}, 'normal'))).toBe('select-next');
    expect(action(resolveKey('', { downArrow: true }, 'normal'))).toBe('select-next');
    expect(action(resolveKey('k', {}, 'normal'))).toBe('select-prev');
    expect(action(resolveKey('\r', { return: true }, 'normal'))).toBe('open-evidence');
    expect(action(resolveKey('\t', { tab: true }, 'normal'))).toBe('focus-pane');
    expect(action(resolveKey('/', {}, 'normal'))).toBe('start-filter');
    expect(action(resolveKey('s', {}, 'normal'))).toBe('cycle-sort');
    expect(action(resolveKey('r', {}, 'normal'))).toBe('reverse-sort');
    expect(action(resolveKey('d', {}, 'normal'))).toBe('write-diff');
    expect(action(resolveKey('?', {}, 'normal'))).toBe('toggle-help');
    expect(action(resolveKey('q', {}, 'normal'))).toBe('quit');
    expect(action(resolveKey('c', { ctrl: true }, 'normal'))).toBe('quit');
    expect(action(resolveKey('x', {}, 'normal'))).toBeUndefined();
  });

  it('sends letters to the filter while typing, but Ctrl-C still quits', () => {
    const q = resolveKey('q', {}, 'filter');
    expect(q).toEqual({ type: 'dispatch', action: { type: 'filter-append', text: 'q' } });
    expect(action(resolveKey('c', { ctrl: true }, 'filter'))).toBe('quit');
    expect(action(resolveKey('\r', { return: true }, 'filter'))).toBe('finish-filter');
    expect(action(resolveKey('', { escape: true }, 'filter'))).toBe('clear-filter');
    expect(action(resolveKey('', { backspace: true }, 'filter'))).toBe('filter-backspace');
    expect(action(resolveKey('', { delete: true }, 'filter'))).toBe('filter-backspace');
    expect(resolveKey('\u001B[2J', {}, 'filter')).toBeNull();
    expect(isPrintable('yahoo 203')).toBe(true);
    expect(isPrintable('a\u202Eb')).toBe(false);
  });

  it('gives Esc and Enter their meaning per mode', () => {
    expect(action(resolveKey('', { escape: true }, 'normal'))).toBe('clear-filter');
    expect(action(resolveKey('', { escape: true }, 'evidence'))).toBe('close-evidence');
    expect(action(resolveKey('\r', { return: true }, 'evidence'))).toBe('close-evidence');
    expect(action(resolveKey('', { escape: true }, 'help'))).toBe('toggle-help');
    expect(resolveKey('j', {}, 'help')).toEqual({ type: 'dispatch', action: { type: 'scroll-overlay', by: 'line-down' } });
    expect(resolveKey('', { upArrow: true }, 'help')).toEqual({ type: 'dispatch', action: { type: 'scroll-overlay', by: 'line-up' } });
    expect(resolveKey('', { pageUp: true }, 'evidence')).toEqual({ type: 'dispatch', action: { type: 'scroll-overlay', by: 'page-up' } });
    expect(action(resolveKey('j', {}, 'evidence'))).toBe('select-next');
  });

  it('derives the mode from the state, typing first', () => {
    expect(keyMode({ filterEditing: true, overlay: 'help' })).toBe('filter');
    expect(keyMode({ filterEditing: false, overlay: 'help' })).toBe('help');
    expect(keyMode({ filterEditing: false, overlay: 'evidence' })).toBe('evidence');
    expect(keyMode({ filterEditing: false, overlay: 'none' })).toBe('normal');
  });

  it('has no binding that another binding in the same mode shadows', () => {
    const probes: [string, Parameters<typeof resolveKey>[1]][] = [
      ['j', {}], ['k', {}], ['g', {}], ['G', {}], ['/', {}], ['s', {}], ['r', {}], ['d', {}], ['?', {}], ['q', {}], ['x', {}],
      ['c', { ctrl: true }], ['', { downArrow: true }], ['', { upArrow: true }], ['', { pageDown: true }], ['', { pageUp: true }],
      ['', { home: true }], ['', { end: true }], ['\r', { return: true }], ['', { escape: true }], ['\t', { tab: true }], ['', { backspace: true }],
    ];
    const modes: KeyMode[] = ['normal', 'filter', 'help', 'evidence'];
    for (const binding of KEY_BINDINGS) {
      const reachable = binding.modes.some((mode: KeyMode) =>
        probes.some(([input, key]) => binding.matches(input, key) && KEY_BINDINGS.find((b) => b.modes.includes(mode) && b.matches(input, key)) === binding),
      );
      expect(reachable, `${binding.keys}: ${binding.description}`).toBe(true);
    }
    expect(modes).toHaveLength(4);
  });
});
