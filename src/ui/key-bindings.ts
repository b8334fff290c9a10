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
const char = (...chars: string[]) => (input: string, key: KeyPress) => chars.includes(input) && key.ctrl !== true && key.meta !== true;
const BROWSE: readonly KeyMode[] = ['normal', 'evidence'];

export const KEY_BINDINGS: readonly KeyBinding[] = [
  { keys: '↓ j', description: 'next row', modes: BROWSE, matches: (i, k) => k.downArrow === true || char('j')(i, k), command: () => dispatch({ type: 'select-next' }) },
  { keys: '↑ k', description: 'previous row', modes: BROWSE, matches: (i, k) => k.upArrow === true || char('k')(i, k), command: () => dispatch({ type: 'select-prev' }) },
  { keys: 'PgDn', description: 'page down', modes: ['normal'], matches: (_, k) => k.pageDown === true, command: () => dispatch({ type: 'page-down' }) },
  { keys: 'PgUp', description: 'page up', modes: ['normal'], matches: (_, k) => k.pageUp === true, command: () => dispatch({ type: 'page-up' }) },
  { keys: 'Home g', description: 'first row', modes: BROWSE, matches: (i, k) => k.home === true || char('g')(i, k), command: () => dispatch({ type: 'select-first' }) },
  { keys: 'End G', description: 'last row', modes: BROWSE, matches: (i, k) => k.end === true || char('G')(i, k), command: () => dispatch({ type: 'select-last' }) },
  { keys: 'Tab', description: 'switch between pairs and recommendations', modes: BROWSE, matches: (_, k) => k.tab === true, command: () => dispatch({ type: 'focus-pane', pane: 'other' }) },
  { keys: 'Enter', description: 'show the evidence for the selected row', modes: ['normal'], matches: (_, k) => k.return === true, command: () => dispatch({ type: 'open-evidence' }) },
  { keys: 'Enter Esc', description: 'close the evidence', modes: ['evidence'], matches: (_, k) => k.return === true || k.escape === true, command: () => dispatch({ type: 'close-evidence' }) },
  { keys: 'PgDn PgUp', description: 'scroll the evidence (↓ j ↑ k: next / previous row)', modes: ['evidence'], matches: (_, k) => k.pageDown === true || k.pageUp === true, command: (_, k) => dispatch({ type: 'scroll-overlay', by: k.pageUp === true ? 'page-up' : 'page-down' }) },
  { keys: '/', description: 'filter by provider, IP, vmta or domain', modes: BROWSE, matches: char('/'), command: () => dispatch({ type: 'start-filter' }) },
  { keys: 'Esc', description: 'clear the filter', modes: ['normal'], matches: (_, k) => k.escape === true, command: () => dispatch({ type: 'clear-filter' }) },
  { keys: 's', description: 'sort by the next column', modes: BROWSE, matches: char('s'), command: () => dispatch({ type: 'cycle-sort' }) },
  { keys: 'r', description: 'reverse the sort order', modes: BROWSE, matches: char('r'), command: () => dispatch({ type: 'reverse-sort' }) },
  { keys: 'd', description: 'write the current recommendations as a config diff', modes: BROWSE, matches: char('d'), command: () => ({ type: 'write-diff' }) },
  { keys: '?', description: 'show / hide this help', modes: ['normal', 'evidence', 'help'], matches: char('?'), command: () => dispatch({ type: 'toggle-help' }) },
  { keys: 'Esc', description: 'close this help', modes: ['help'], matches: (_, k) => k.escape === true, command: () => dispatch({ type: 'toggle-help' }) },
  { keys: '↓ j ↑ k', description: 'scroll this help by a line', modes: ['help'], matches: (i, k) => k.downArrow === true || k.upArrow === true || char('j', 'k')(i, k), command: (i, k) => dispatch({ type: 'scroll-overlay', by: i === 'k' || k.upArrow === true ? 'line-up' : 'line-down' }) },
  { keys: 'PgDn PgUp', description: 'scroll this help by a page', modes: ['help'], matches: (_, k) => k.pageDown === true || k.pageUp === true, command: (_, k) => dispatch({ type: 'scroll-overlay', by: k.pageUp === true ? 'page-up' : 'page-down' }) },
  { keys: 'q', description: 'quit', modes: ['normal', 'evidence', 'help'], matches: char('q'), command: () => ({ type: 'quit' }) },
  { keys: 'Ctrl-C', description: 'quit (also while typing a filter)', modes: ['normal', 'evidence', 'help', 'filter'], matches: (i, k) => k.ctrl === true && i === 'c', command: () => ({ type: 'quit' }) },
  { keys: 'Enter', description: 'keep the filter and return to the table', modes: ['filter'], matches: (_, k) => k.return === true, command: () => dispatch({ type: 'finish-filter' }) },
  { keys: 'Esc', description: 'clear the filter', modes: ['filter'], matches: (_, k) => k.escape === true, command: () => dispatch({ type: 'clear-filter' }) },
  { keys: 'Backspace', description: 'delete the last character', modes: ['filter'], matches: (_, k) => k.backspace === true || k.delete === true, command: () => dispatch({ type: 'filter-backspace' }) },
  {
    keys: 'text',
    description: 'type to filter (terms separated by spaces must all match)',
    modes: ['filter'],
    matches: (i, k) => isPrintable(i) && k.ctrl !== true && k.meta !== true,
    command: (i) => dispatch({ type: 'filter-append', text: i }),
  },
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
