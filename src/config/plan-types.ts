/** Types shared by the change planner's steps. */
import type { ConfigChange } from '../domain/config-change.js';
import type { LineOp } from './text-edits.js';

export type SetChange = Extract<ConfigChange, { kind: 'set' }>;
export type PatternChange = Extract<ConfigChange, { kind: 'pattern-reply' }>;

export interface PlannedEdit {
  readonly file: string;
  /** The block the edit is in, e.g. `<virtual-mta vmta-14> <domain yahoo.com>`. */
  readonly where: string;
  readonly action: 'changed' | 'added' | 'created-block' | 'created-list';
  /** The directive line as written. */
  readonly text: string;
}

export type StepResult =
  | {
      readonly ok: true;
      readonly ops: ReadonlyMap<string, readonly LineOp[]>;
      readonly edits: readonly PlannedEdit[];
      readonly notes: readonly string[];
      /** A change to plan once these edits are applied (attaching a new smtp-pattern-list). */
      readonly followUp?: SetChange;
    }
  | { readonly ok: false; readonly reason: string };

export function skip(reason: string): StepResult {
  return { ok: false, reason };
}
