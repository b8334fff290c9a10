/** Runs the CLI in-process with fake streams: the same code path as the binary, without spawning. */
import { PassThrough } from 'node:stream';
import { main } from '../../src/cli.js';
import type { CliIo } from '../../src/commands/command.js';

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunCliOptions {
  cwd?: string;
  env?: Record<string, string>;
  now?: number;
  tty?: boolean;
  /** Standard input (default: an empty stream). */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
  signal?: AbortSignal;
  /** Sees stdout as it is written. */
  onStdout?: (all: string) => void;
  columns?: number;
  rows?: number;
}

export async function runCli(args: readonly string[], options: RunCliOptions = {}): Promise<CliResult> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => {
    out += d.toString('utf8');
    options.onStdout?.(out);
  });
  stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
  const io: CliIo = {
    stdout: Object.assign(stdout, { isTTY: options.tty ?? false, columns: options.columns ?? 120, rows: options.rows ?? 40 }),
    stderr: Object.assign(stderr, { isTTY: options.tty ?? false }),
    stdin: options.stdin ?? new PassThrough(),
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    now: () => options.now ?? Date.parse('2026-11-29T06:00:00Z'),
  };
  const code = await main(args, io, options.signal ?? new AbortController().signal);
  await new Promise((r) => setImmediate(r));
  return { code, stdout: out, stderr: err };
}
