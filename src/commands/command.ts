/**
 * A CLI command: its help text, its options (node:util parseArgs), and what it does with an IO context.
 * Commands never touch `process` directly: the context carries streams, env and exit.
 */
import type { ParseArgsConfig } from 'node:util';

export interface CliIo {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Now, injectable for tests. */
  readonly now: () => number;
}

export interface CommandContext {
  readonly io: CliIo;
  readonly values: Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>;
  readonly positionals: readonly string[];
  /** AbortSignal fired on SIGINT/SIGTERM for long-running commands. */
  readonly signal: AbortSignal;
}

export interface Command {
  readonly name: string;
  readonly summary: string;
  /** Full --help text (usage, description, options, examples). */
  readonly help: string;
  readonly options: NonNullable<ParseArgsConfig['options']>;
  /** Returns the exit code. */
  run(ctx: CommandContext): Promise<number>;
}

/** Colour only on a TTY and never with NO_COLOR (https://no-color.org) or TERM=dumb. */
export function useColor(io: CliIo, stream: { isTTY?: boolean } = io.stdout): boolean {
  if (io.env['NO_COLOR'] !== undefined && io.env['NO_COLOR'] !== '') return false;
  if (io.env['FORCE_COLOR'] !== undefined && io.env['FORCE_COLOR'] !== '0') return true;
  if (io.env['TERM'] === 'dumb') return false;
  return stream.isTTY === true;
}

/** A string option's value, or undefined when it was not given (boolean flags are never strings). */
export function stringOption(values: CommandContext['values'], name: string): string | undefined {
  const raw = values[name];
  return typeof raw === 'string' ? raw : undefined;
}
