/** One line of text with a meaning, the unit most panes are made of. */
import type { Tone } from './tone.js';

export interface LineView {
  readonly text: string;
  readonly tone: Tone;
  /** The row the cursor is on (shown with `▶`). */
  readonly selected?: boolean;
  readonly bold?: boolean;
}

export const line = (text: string, tone: Tone = 'plain', extra: Partial<Pick<LineView, 'selected' | 'bold'>> = {}): LineView => ({
  text,
  tone,
  ...extra,
});
