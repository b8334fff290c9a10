/**
 * One measurement in a fresh process (so peak memory is its own): prints one JSON line
 * `{ kind, ms, maxRssMB, records }`. Run by src/bench/run.ts; not a user command.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { ingest } from '../ingest/ingest.js';
import { loadProviderModel } from '../providers/load-provider-model-io.js';
import { buildReport } from '../report/build-report.js';
import { renderText } from '../report/render-text.js';
import { reportSourceOf } from '../report/report-source.js';

export type MeasureKind = 'readline' | 'ingest' | 'report';

async function lineCount(file: string): Promise<number> {
  let n = 0;
  const rl = createInterface({ input: createReadStream(file, { highWaterMark: 1 << 20 }), crlfDelay: Infinity });
  rl.on('line', () => {
    n++;
  });
  await new Promise((resolve) => rl.once('close', resolve));
  return n;
}

async function measure(kind: MeasureKind, file: string): Promise<{ ms: number; records: number }> {
  const start = performance.now();
  switch (kind) {
    case 'readline': {
      const records = await lineCount(file);
      return { ms: performance.now() - start, records };
    }
    case 'ingest': {
      const model = await loadProviderModel();
      const agg = await ingest([file], { model });
      return { ms: performance.now() - start, records: agg.recordCount };
    }
    case 'report': {
      // what `pmta-advisor report` does after parsing its flags, without printing
      const model = await loadProviderModel();
      const agg = await ingest([file], { model });
      const report = buildReport(reportSourceOf(agg), { now: Date.now() });
      renderText(report);
      return { ms: performance.now() - start, records: agg.recordCount };
    }
    default: {
      const never: never = kind;
      throw new Error(`unknown kind ${String(never)}`);
    }
  }
}

const [kind, file] = process.argv.slice(2);
if (kind === 'latency' || kind === 'tail-idle' || kind === 'simulate') {
  // the live and simulator benchmarks: one JSON object of their own figures
  const result =
    kind === 'latency'
      ? await (await import('./watch-latency.js')).benchWatchLatency({ samples: 100 })
      : kind === 'tail-idle'
        ? await (await import('./tail-bench.js')).benchTailIdle()
        : await (await import('./simulate-bench.js')).benchSimulate('steady', 1_000_000, 1);
  process.stdout.write(`${JSON.stringify({ kind, ...result })}\n`);
  process.exit(0);
}
if (kind === undefined || file === undefined) {
  process.stderr.write('usage: measure-child <readline|ingest|report> FILE | <latency|tail-idle|simulate>\n');
  process.exit(2);
}
const result = await measure(kind as MeasureKind, file);
const maxRssMB = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify({ kind, ...result, maxRssMB })}\n`);
