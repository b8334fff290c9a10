/**
 * `npm run bench`: generates a large realistic accounting file in a temporary directory and measures,
 * in the same run and in fresh processes, each step against a baseline measured alongside it
 * (these machines are noisy: ratios, not absolute times, are what we compare). Prints a Markdown
 * table for docs/performance.md.
 *
 * Environment: BENCH_RECORDS (default 2,000,000), BENCH_REPEAT (default 3), BENCH_KEEP=1 keeps files.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { generateAccountingFile, gzipFile } from './generate-acct.js';

const run = promisify(execFile);
const child = fileURLToPath(new URL('./measure-child.js', import.meta.url));

interface Sample {
  readonly kind: string;
  readonly ms: number;
  readonly maxRssMB: number;
  readonly records: number;
}

async function measure(kind: string, file: string): Promise<Sample> {
  const { stdout } = await run(process.execPath, [child, kind, file], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as Sample;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

async function main(): Promise<void> {
  const records = Number(process.env['BENCH_RECORDS'] ?? 2_000_000);
  const repeat = Number(process.env['BENCH_REPEAT'] ?? 3);
  const dir = await mkdtemp(join(tmpdir(), 'pmta-bench-'));
  const file = join(dir, 'acct-2026-11-28-0000.csv');
  const gz = join(dir, 'acct-2026-11-28-0000.csv.gz');
  try {
    process.stderr.write(`generating ${records.toLocaleString('en-US')} records in ${dir} …\n`);
    const t0 = performance.now();
    await generateAccountingFile(file, { records, seed: 1 });
    const genMs = performance.now() - t0;
    await gzipFile(file, gz);
    const size = (await stat(file)).size;
    const gzSize = (await stat(gz)).size;
    process.stderr.write(`  ${(size / 1e6).toFixed(0)} MB plain, ${(gzSize / 1e6).toFixed(0)} MB gzip, generated in ${(genMs / 1000).toFixed(1)} s\n`);

    const kinds: [string, string, string][] = [
      ['readline line count (baseline)', 'readline', file],
      ['read + parse + classify + aggregate', 'ingest', file],
      ['same, gzip input', 'ingest', gz],
      ['report (ingest + estimate + recommend + render)', 'report', file],
    ];
    const samples = new Map<string, Sample[]>();
    for (let i = 0; i < repeat; i++) {
      // interleaved, so drift in machine load hits every measurement alike
      for (const [label, kind, input] of kinds) {
        const s = await measure(kind, input);
        process.stderr.write(`  run ${i + 1}/${repeat} ${label}: ${(s.ms / 1000).toFixed(2)} s, ${s.maxRssMB.toFixed(0)} MB peak\n`);
        samples.set(label, [...(samples.get(label) ?? []), s]);
      }
    }
    const base = median(samples.get(kinds[0]![0])!.map((s) => s.ms));
    const plainIngest = median(samples.get(kinds[1]![0])!.map((s) => s.ms));
    const lines = [
      `Input: ${records.toLocaleString('en-US')} records, ${(size / 1e6).toFixed(0)} MB (${(gzSize / 1e6).toFixed(0)} MB gzip); median of ${repeat} interleaved runs, each in a fresh process.`,
      '',
      '| step | median time | records/s | × baseline | peak RSS |',
      '|---|---:|---:|---:|---:|',
    ];
    for (const [label] of kinds) {
      const ss = samples.get(label)!;
      const ms = median(ss.map((s) => s.ms));
      const recs = ss[0]!.records;
      lines.push(`| ${label} | ${(ms / 1000).toFixed(2)} s | ${Math.round((recs * 1000) / ms).toLocaleString('en-US')} | ${(ms / base).toFixed(2)} | ${Math.max(...ss.map((s) => s.maxRssMB)).toFixed(0)} MB |`);
    }
    const gzIngest = median(samples.get(kinds[2]![0])!.map((s) => s.ms));
    const reportMs = median(samples.get(kinds[3]![0])!.map((s) => s.ms));
    lines.push(
      '',
      `ingest / readline: ${(plainIngest / base).toFixed(2)}× (target ≤ 1.2×); gzip / plain ingest: ${(gzIngest / plainIngest).toFixed(2)}× (target ≤ 1.5×); ` +
        `report / ingest: ${(reportMs / plainIngest).toFixed(2)}× (target ≤ 1.5×).`,
    );
    process.stdout.write(`${lines.join('\n')}\n`);
    await liveBenchmarks();
  } finally {
    if (process.env['BENCH_KEEP'] !== '1') await rm(dir, { recursive: true, force: true });
  }
}

/** The dashboard's latency, the tailer's idle CPU and the simulator's speed, each in a fresh process. */
async function liveBenchmarks(): Promise<void> {
  const one = async (kind: string): Promise<Record<string, number>> => {
    process.stderr.write(`  ${kind} …\n`);
    const { stdout } = await run(process.execPath, [child, kind], { maxBuffer: 1 << 20 });
    return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as Record<string, number>;
  };
  const latency = await one('latency');
  const idle = await one('tail-idle');
  const sim = await one('simulate');
  const ms = (x: number | undefined): string => `${Math.round(x ?? Number.NaN)} ms`;
  process.stdout.write(
    [
      '',
      '| live / simulator | figure | target |',
      '|---|---:|---:|',
      `| row appended → on screen (watch, defaults), p50 / p99 / max of ${latency['samples']} | ${ms(latency['p50Ms'])} / ${ms(latency['p99Ms'])} / ${ms(latency['maxMs'])} | p99 < 1,500 ms |`,
      `| CPU while tailing a quiet directory (${idle['files']} files, ${Math.round((idle['durationMs'] ?? 0) / 1000)} s) | ${(idle['cpuPercent'] ?? Number.NaN).toFixed(2)}% of a core | < 2% |`,
      `| simulate steady, ${(sim['records'] ?? 0).toLocaleString('en-US')} records to files | ${(sim['filesSeconds'] ?? Number.NaN).toFixed(1)} s | < 60 s |`,
      '',
    ].join('\n'),
  );
}

await main();
