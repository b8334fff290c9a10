/**
 * Which knob binds a pair (docs/methodology.md "Binding knob"): over the analysed period, the throttle
 * class with the most signals among those clearing the floor (at least `minClassSignals` and
 * `minClassShare` of attempts + refused connections); block wins from `minBlockSignals` on.
 */
import type { BindingKnob, PairReport } from '../domain/report.js';
import { EVIDENCE } from './evidence.js';
import { BLOCK, CONNECTIONS, PER_CONNECTION, RATE, REPUTATION } from './signal-classes.js';

export interface WindowCounts {
  readonly ipAttempts: number;
  readonly queueFailures: number;
  readonly signals: readonly number[];
}

const ORDER: readonly { readonly knob: Exclude<BindingKnob, 'none' | 'insufficient-data' | 'block'>; readonly index: number }[] = [
  { knob: 'reputation', index: REPUTATION },
  { knob: 'rate', index: RATE },
  { knob: 'connections', index: CONNECTIONS },
  { knob: 'per-connection', index: PER_CONNECTION },
];

/** True when a class's signals clear the floor for this window. */
export function classQualifies(w: WindowCounts, index: number): boolean {
  const n = w.signals[index] ?? 0;
  const volume = w.ipAttempts + w.queueFailures;
  return n >= EVIDENCE.minClassSignals && n >= EVIDENCE.minClassShare * volume;
}

export function bindingKnob(w: WindowCounts): BindingKnob {
  if ((w.signals[BLOCK] ?? 0) >= EVIDENCE.minBlockSignals) return 'block';
  if (w.ipAttempts + w.queueFailures < EVIDENCE.minAttempts) return 'insufficient-data';
  let best: BindingKnob = 'none';
  let bestCount = 0;
  for (const { knob, index } of ORDER) {
    const n = w.signals[index] ?? 0;
    if (classQualifies(w, index) && n > bestCount) {
      best = knob;
      bestCount = n;
    }
  }
  return best;
}

export function statusOf(binding: BindingKnob): PairReport['status'] {
  switch (binding) {
    case 'none':
      return 'ok';
    case 'connections':
    case 'per-connection':
    case 'rate':
      return 'throttled';
    case 'reputation':
      return 'paused';
    case 'block':
      return 'blocked';
    case 'insufficient-data':
      return 'insufficient-data';
    default: {
      const never: never = binding;
      return never;
    }
  }
}
