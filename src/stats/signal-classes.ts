/**
 * Index sets over the response classes used by every estimator: which signals throttle the IP and
 * which are not the IP's doing. Signals are t, tq and b rows of a class (docs/methodology.md).
 */
import { NOT_IP_CLASSES, RESPONSE_CLASSES, RESPONSE_CLASS_INDEX, THROTTLE_CLASSES } from '../domain/response-class.js';
import type { ResponseClass } from '../domain/response-class.js';

export const NCLASS = RESPONSE_CLASSES.length;
export const NOT_IP_INDEX: readonly number[] = NOT_IP_CLASSES.map((c) => RESPONSE_CLASS_INDEX[c]);
export const THROTTLE_INDEX: readonly number[] = THROTTLE_CLASSES.map((c) => RESPONSE_CLASS_INDEX[c]);
export const RATE = RESPONSE_CLASS_INDEX.rate;
export const REPUTATION = RESPONSE_CLASS_INDEX.reputation;
export const BLOCK = RESPONSE_CLASS_INDEX.block;
export const CONNECTIONS = RESPONSE_CLASS_INDEX.connections;
export const PER_CONNECTION = RESPONSE_CLASS_INDEX['per-connection'];
export const INVALID_DOMAIN = RESPONSE_CLASS_INDEX['invalid-domain'];

/** Signals that say the provider's volume limit for the IP was reached (rate and reputation). */
export function limitSignals(signals: readonly number[]): number {
  return (signals[RATE] ?? 0) + (signals[REPUTATION] ?? 0);
}

/** Signals of any throttle class (connections, per-connection, rate, reputation, block). */
export function throttleSignals(signals: readonly number[]): number {
  let n = 0;
  for (const i of THROTTLE_INDEX) n += signals[i] ?? 0;
  return n;
}

/** Class array → partial record without zero entries. */
export function classRecord(counts: readonly number[]): Partial<Record<ResponseClass, number>> {
  const out: Partial<Record<ResponseClass, number>> = {};
  RESPONSE_CLASSES.forEach((c, i) => {
    const n = counts[i] ?? 0;
    if (n > 0) out[c] = n;
  });
  return out;
}
