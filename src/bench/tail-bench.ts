/**
 * Benchmark of the tailer's idle cost: CPU used while following a quiet accounting directory with the
 * default settings (poll every 500 ms, chokidar wake-ups on). The directory looks like a real one: the
 * active file, hourly rotated files and gzipped older ones. Target: under 2% of one core.
 * Run it in a fresh process (process.cpuUsage covers the whole process). Prints nothing.
 */
import { appendFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createRecordParser } from '../accounting/parse/record-parser.js';
import { Tailer } from '../tail/tailer.js';
import { BENCH_HEADER } from './generate-acct.js';

export interface TailIdleBenchOptions {
  /** How long to measure once the initial read is done. Default 10 000 ms. */
  readonly durationMs?: number;
  /** Rotated plain files in the directory. Default 24 (a day of hourly rotation). */
  readonly rotatedFiles?: number;
  /** Older gzipped files. Default 24. */
  readonly gzipFiles?: number;
  /** Records per file. Default 500. */
  readonly recordsPerFile?: number;
  /** Append one record to the active file this often (0: a quiet directory). Default 0. */
  readonly appendEveryMs?: number;
  /** Use chokidar wake-ups (the default of `watch`). Default true. */
  readonly watch?: boolean;
  /** Time after the initial read before measuring (the watcher's own initial scan, garbage from the initial read). Default 3000 ms. */
  readonly warmupMs?: number;
}

export interface TailIdleBenchResult {
  readonly durationMs: number;
  readonly files: number;
  readonly polls: number;
  readonly userMs: number;
  readonly systemMs: number;
  /** (user + system) CPU time / wall time, in % of one core. */
  readonly cpuPercent: number;
  readonly recordsRead: number;
}

function row(n: number): string {
  const t = new Date(Date.UTC(2026, 10, 29, 0, 0, 0) + n * 1000).toISOString().replace('T', ' ').replace(/\.\d+Z$/, '+0000');
  return `d,${t},${t},bounce-${n}@news.example.org,user${n}@gmail.com,,relayed,2.0.0 (success),smtp;250 2.0.0 OK  1764374400 x${n}si,gmail-smtp-in.l.google.com (142.250.27.26),,api,api (127.0.0.1),smtp,203.0.113.31,142.250.27.26,"PIPELINING,SIZE,ENHANCEDSTATUSCODES,8BITMIME",41159,vmta-31,job-7,,gmail.com/vmta-31,pool-a,job-7\r\n`;
}

function fileText(first: number, count: number): string {
  let s = `${BENCH_HEADER}\r\n`;
  for (let i = 0; i < count; i++) s += row(first + i);
  return s;
}

export async function benchTailIdle(options: TailIdleBenchOptions = {}): Promise<TailIdleBenchResult> {
  const durationMs = options.durationMs ?? 10_000;
  const rotated = options.rotatedFiles ?? 24;
  const gz = options.gzipFiles ?? 24;
  const per = options.recordsPerFile ?? 500;
  const dir = await mkdtemp(join(tmpdir(), 'pmta-tail-bench-'));
  let n = 0;
  try {
    for (let i = 0; i < gz; i++) {
      await writeFile(join(dir, `acct-2026-11-27-${String(i).padStart(4, '0')}.csv.gz`), gzipSync(fileText(n, per)));
      n += per;
    }
    for (let i = 0; i < rotated; i++) {
      await writeFile(join(dir, `acct-2026-11-28-${String(i).padStart(4, '0')}.csv`), fileText(n, per));
      n += per;
    }
    const active = join(dir, 'acct.csv');
    await writeFile(active, fileText(n, per));
    n += per;

    let records = 0;
    const tailer = new Tailer({
      inputs: [dir],
      parserFactory: createRecordParser,
      onBatch: (b) => {
        records += b.records.length;
      },
      watch: options.watch ?? true,
    });
    await tailer.poll(); // the initial read of the directory is not what is measured
    tailer.start();
    await new Promise((r) => setTimeout(r, options.warmupMs ?? 3000));
    const appender =
      (options.appendEveryMs ?? 0) > 0
        ? setInterval(() => {
            void appendFile(active, row(n++));
          }, options.appendEveryMs)
        : null;
    const pollsBefore = tailer.polls;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await new Promise((r) => setTimeout(r, durationMs));
    const cpu = process.cpuUsage(cpu0);
    const wall = performance.now() - t0;
    if (appender !== null) clearInterval(appender);
    const polls = tailer.polls - pollsBefore;
    await tailer.stop();
    const userMs = cpu.user / 1000;
    const systemMs = cpu.system / 1000;
    return {
      durationMs: wall,
      files: gz + rotated + 1,
      polls,
      userMs,
      systemMs,
      cpuPercent: ((userMs + systemMs) / wall) * 100,
      recordsRead: records,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
