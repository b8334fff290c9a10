/**
 * Benchmark of what a person waits for: from a row appended to an accounting file to its effect on the
 * dashboard's screen, with `watch`'s default settings (poll 500 ms, file-event wake-ups, refresh ticks
 * of 250 ms), through the real command and Ink on a fake terminal. Each appended row comes from a new
 * sending IP, so its effect is visible as the footer's pair count going up. Target: p99 under 1.5 s.
 */
import { appendFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { PassThrough } from 'node:stream';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../cli.js';
import { BENCH_HEADER } from './generate-acct.js';

export interface LatencyResult {
  readonly samples: number;
  readonly p50Ms: number;
  readonly p90Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

function row(i: number): string {
  const t = new Date(Date.UTC(2026, 10, 29, 10, 0, 0) + i * 1000).toISOString().replace('T', ' ').slice(0, 19) + '+0000';
  const ip = `10.${Math.floor(i / 250) % 250}.${i % 250}.7`;
  return `d,${t},${t},b@news.example.org,u${i}@gmail.com,,relayed,2.0.0 (success),"smtp;250 2.0.0 OK",gmail-smtp-in.l.google.com (142.250.27.26),,smtp,app (10.0.0.5),smtp,${ip},142.250.27.26,,2000,vmta-${i},job,,gmail.com/vmta-${i},pool,job\r\n`;
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

export async function benchWatchLatency(options: { samples?: number } = {}): Promise<LatencyResult> {
  const samples = options.samples ?? 60;
  const dir = await mkdtemp(join(tmpdir(), 'pmta-latency-'));
  const file = join(dir, 'acct-2026-11-29-0000.csv');
  await writeFile(file, `${BENCH_HEADER}\r\n${row(0)}`);
  const stdout = Object.assign(new PassThrough(), { isTTY: true, columns: 120, rows: 40 });
  const stderr = Object.assign(new PassThrough(), { isTTY: true });
  const stdin = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => undefined, ref: () => undefined, unref: () => undefined });
  let screen = '';
  stdout.on('data', (d: Buffer) => {
    screen += d.toString('utf8');
    if (screen.length > 1 << 20) screen = screen.slice(-(1 << 16));
  });
  stderr.resume();
  const controller = new AbortController();
  const run = main(['watch', dir, '--state', join(dir, '.state.json')], { stdout, stderr, stdin, env: { HOME: dir }, cwd: dir, now: () => Date.now() }, controller.signal);
  const waitFor = async (text: string, limitMs: number): Promise<number | null> => {
    const start = performance.now();
    while (!screen.includes(text)) {
      if (performance.now() - start > limitMs) return null;
      await new Promise((r) => setTimeout(r, 5));
    }
    return performance.now();
  };
  const latencies: number[] = [];
  try {
    if ((await waitFor('· 1 pairs', 20_000)) === null) throw new Error('the dashboard never showed the first pair');
    for (let i = 1; i <= samples; i++) {
      await new Promise((r) => setTimeout(r, 100 + Math.floor(Math.random() * 400)));
      screen = '';
      await appendFile(file, row(i));
      const appended = performance.now();
      const seen = await waitFor(`· ${i + 1} pairs`, 10_000);
      latencies.push(seen === null ? Number.POSITIVE_INFINITY : seen - appended);
    }
  } finally {
    controller.abort();
    await run;
    await rm(dir, { recursive: true, force: true });
  }
  const sorted = [...latencies].sort((a, b) => a - b);
  return { samples, p50Ms: quantile(sorted, 0.5), p90Ms: quantile(sorted, 0.9), p99Ms: quantile(sorted, 0.99), maxMs: sorted.at(-1)! };
}
