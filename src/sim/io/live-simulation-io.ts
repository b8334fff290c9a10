/**
 * The simulator in real or accelerated time: records are appended to the current accounting file in
 * small batches through an open descriptor (as PowerMTA writes), when the injected clock reaches their
 * simulated time divided by `speed`; files rotate as in a batch run. Stops cleanly when `signal` aborts.
 */
import type { ProviderModel } from '../../providers/types.js';
import { createSimulation } from '../engine/simulation.js';
import { buildResponseCatalog } from '../provider/response-catalog.js';
import { resolveScenario } from '../scenario/resolve-scenario.js';
import type { RunOptions } from '../scenario/resolve-scenario.js';
import type { Scenario } from '../scenario/scenario-types.js';
import type { SimDefaults } from '../scenario/validate-defaults.js';
import type { SimBatch } from '../sim-record.js';
import { createAcctWriter } from './acct-writer-io.js';
import { writeRunHeader, writeTruth } from './run-simulation-io.js';
import type { RunResult } from './run-simulation-io.js';

export interface LiveClock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms` or as soon as `signal` aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

export const systemClock: LiveClock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      if (signal.aborted || ms <= 0) return resolve();
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      }
      signal.addEventListener('abort', done, { once: true });
    }),
};

export interface LiveInput {
  readonly scenario: Scenario;
  readonly defaults: SimDefaults;
  readonly model: ProviderModel;
  /** Without `start`, the run starts at the clock's current second. */
  readonly options: RunOptions;
  readonly outDir: string;
  /** Simulated seconds per real second (1 = real time, 60 = an hour a minute). */
  readonly speed: number;
  readonly signal: AbortSignal;
  readonly clock?: LiveClock;
  readonly rotateSeconds?: number;
  /** Called after each appended batch (for progress display). */
  readonly onBatch?: (batch: SimBatch, file: string | undefined) => void;
}

export interface LiveResult extends RunResult {
  readonly stoppedEarly: boolean;
}

export async function runLiveSimulation(input: LiveInput): Promise<LiveResult> {
  const clock = input.clock ?? systemClock;
  const realStart = clock.now();
  const options: RunOptions = { ...input.options, start: input.options.start ?? Math.floor(realStart / 1000) };
  const rs = resolveScenario(input.scenario, input.defaults, options);
  // About four appends per real second, never less than one simulated second per batch.
  const batchSeconds = Math.max(1, Math.round(input.speed / 4));
  const sim = createSimulation(rs, buildResponseCatalog(input.model, input.defaults.providers), { batchSeconds });
  writeRunHeader(input.outDir, input.scenario, options.seed);
  const writer = createAcctWriter({ dir: input.outDir, rotateSeconds: input.rotateSeconds, bufferBytes: 0 });
  let stoppedEarly = false;
  try {
    for (const batch of sim.batches()) {
      const due = realStart + ((batch.until - rs.start) * 1000) / input.speed;
      await clock.sleep(due - clock.now(), input.signal);
      // The batch is already counted in truth.json: write it even when stopping, so counts match files.
      writer.write(batch.records);
      input.onBatch?.(batch, writer.files[writer.files.length - 1]);
      if (input.signal.aborted) {
        stoppedEarly = true;
        break;
      }
    }
  } finally {
    writer.close();
  }
  const truth = sim.truth();
  writeTruth(input.outDir, truth);
  return { truth, files: writer.files, stoppedEarly };
}
