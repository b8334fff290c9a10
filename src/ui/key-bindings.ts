/**
 * Every key the dashboard understands, in one table: the help overlay lists it and `resolveKey` uses it,
 * so the two cannot disagree. A key maps to a reducer action, or to one of the two effects the App
 * performs itself (quit, write the diff).
 */
import type { DashboardAction } from './state/dashboard-action.js';
import type { DashboardState } from './state/dashboard-state.js';

/** Which keys are live: typing a filter swallows letters; help and evidence cover the screen. */
export type KeyMode = 'normal' | 'filter' | 'help' | 'evidence';

export type KeyCommand =
  | { readonly type: 'dispatch'; readonly action: DashboardAction }
  | { readonly type: 'quit' }
  | { readonly type: 'write-diff' };

/** The parts of Ink's `Key` the bindings look at. */
export interface KeyPress {
  readonly upArrow?: boolean;
  readonly downArrow?: boolean;
  readonly pageUp?: boolean;
  readonly pageDown?: boolean;
  readonly home?: boolean;
  readonly end?: boolean;
  readonly return?: boolean;
  readonly escape?: boolean;
  readonly ctrl?: boolean;
  readonly meta?: boolean;
  readonly tab?: boolean;
  readonly backspace?: boolean;
  readonly delete?: boolean;
}

export interface KeyBinding {
  /** How the help overlay writes the keys: `↓ j`. */
  readonly keys: string;
  readonly description: string;
  readonly modes: readonly KeyMode[];
  matches(input: string, key: KeyPress): boolean;
  command(input: string, key: KeyPress): KeyCommand;
}

const dispatch = (action: DashboardAction): KeyCommand => ({ type: 'dispatch', action });
const act = (action: DashboardAction) => (): KeyCommand => dispatch(action);
const char = (...chars: string[]) => (input: string, key: KeyPress) => chars.includes(input) && key.ctrl !== true && key.meta !== true;
const BROWSE: readonly KeyMode[] = ['normal', 'evidence'];
const up = (i: string, k: KeyPress): boolean => k.upArrow === true || char('k')(i, k);
const down = (i: string, k: KeyPress): boolean => k.downArrow === true || char('j')(i, k);
const page = (_: string, k: KeyPress): boolean => k.pageDown === true || k.pageUp === true;
const scrollPage = (_: string, k: KeyPress): KeyCommand => dispatch({ type: 'scroll-overlay', by: k.pageUp === true ? 'page-up' : 'page-down' });

function bind(keys: string, description: string, modes: readonly KeyMode[], matches: KeyBinding['matches'], command: KeyBinding['command']): KeyBinding {
  return { keys, description, modes, matches, command };
}

export const KEY_BINDINGS: readonly KeyBinding[] = [
  bind('↓ j', 'next row', BROWSE, down, act({ type: 'select-next' })),
  bind('↑ k', 'previous row', BROWSE, up, act({ type: 'select-prev' })),
  bind('PgDn', 'page down', ['normal'], (_, k) => k.pageDown === true, act({ type: 'page-down' })),
  bind('PgUp', 'page up', ['normal'], (_, k) => k.pageUp === true, act({ type: 'page-up' })),
  bind('Home g', 'first row', BROWSE, (i, k) => k.home === true || char('g')(i, k), act({ type: 'select-first' })),
  bind('End G', 'last row', BROWSE, (i, k) => k.end === true || char('G')(i, k), act({ type: 'select-last' })),
  bind('Tab', 'switch between pairs and recommendations', BROWSE, (_, k) => k.tab === true, act({ type: 'focus-pane', pane: 'other' })),
  bind('Enter', 'show the evidence for the selected row', ['normal'], (_, k) => k.return === true, act({ type: 'open-evidence' })),
  bind('Enter Esc', 'close the evidence', ['evidence'], (_, k) => k.return === true || k.escape === true, act({ type: 'close-evidence' })),
  bind('PgDn PgUp', 'scroll the evidence (↓ j ↑ k: next / previous row)', ['evidence'], page, scrollPage),
  bind('/', 'filter by provider, IP, vmta or domain', BROWSE, char('/'), act({ type: 'start-filter' })),
  bind('Esc', 'clear the filter', ['normal'], (_, k) => k.escape === true, act({ type: 'clear-filter' })),
  bind('s', 'sort by the next column', BROWSE, char('s'), act({ type: 'cycle-sort' })),
  bind('r', 'reverse the sort order', BROWSE, char('r'), act({ type: 'reverse-sort' })),
  bind('d', 'write the current recommendations as a config diff', BROWSE, char('d'), () => ({ type: 'write-diff' })),
  bind('?', 'show / hide this help', ['normal', 'evidence', 'help'], char('?'), act({ type: 'toggle-help' })),
  bind('Esc', 'close this help', ['help'], (_, k) => k.escape === true, act({ type: 'toggle-help' })),
  bind('↓ j ↑ k', 'scroll this help by a line', ['help'], (i, k) => up(i, k) || down(i, k), (i, k) =>
    dispatch({ type: 'scroll-overlay', by: up(i, k) ? 'line-up' : 'line-down' }),
  ),
  bind('PgDn PgUp', 'scroll this help by a page', ['help'], page, scrollPage),
  bind('q', 'quit', ['normal', 'evidence', 'help'], char('q'), () => ({ type: 'quit' })),
  bind('Ctrl-C', 'quit (also while typing a filter)', ['normal', 'evidence', 'help', 'filter'], (i, k) => k.ctrl === true && i === 'c', () => ({ type: 'quit' })),
  bind('Enter', 'keep the filter and return to the table', ['filter'], (_, k) => k.return === true, act({ type: 'finish-filter' })),
  bind('Esc', 'clear the filter', ['filter'], (_, k) => k.escape === true, act({ type: 'clear-filter' })),
  bind('Backspace', 'delete the last character', ['filter'], (_, k) => k.backspace === true || k.delete === true, act({ type: 'filter-backspace' })),
  bind('text', 'type to filter (terms separated by spaces must all match)', ['filter'], (i, k) => isPrintable(i) && k.ctrl !== true && k.meta !== true, (i) =>
    dispatch({ type: 'filter-append', text: i }),
  ),
];

/** Printable text only: a paste of hostile bytes must not reach the filter (it is shown on screen). */
export function isPrintable(input: string): boolean {
  return input !== '' && !/[\u0000-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/.test(input);
}

export function keyMode(state: Pick<DashboardState, 'filterEditing' | 'overlay'>): KeyMode {
  if (state.filterEditing) return 'filter';
  if (state.overlay === 'help') return 'help';
  if (state.overlay === 'evidence') return 'evidence';
  return 'normal';
}

export function resolveKey(input: string, key: KeyPress, mode: KeyMode): KeyCommand | null {
  const binding = KEY_BINDINGS.find((b) => b.modes.includes(mode) && b.matches(input, key));
  return binding === undefined ? null : binding.command(input, key);
}
