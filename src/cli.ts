#!/usr/bin/env node
/**
 * The binary: parse argv, pick the command, run it with the real process streams, and turn errors into
 * one-line messages and exit codes. The only place that catches errors and touches process.exit.
 */
import { parseArgs } from 'node:util';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadCommands } from './commands/index.js';
import type { CliIo, Command } from './commands/command.js';
import { UserError } from './domain/user-error.js';

export const VERSION = '0.1.0';

function mainHelp(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length), 4);
  return [
    'pmta-advisor: tune PowerMTA delivery from evidence.',
    '',
    'Usage: pmta-advisor <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Global options:',
    '  -h, --help     show help for a command',
    '  --version      print the version',
    '  --debug        show stack traces for unexpected errors',
    '',
    "Run 'pmta-advisor <command> --help' for a command's options.",
    '',
  ].join('\n');
}

export async function main(argv: readonly string[], io: CliIo, signal: AbortSignal): Promise<number> {
  const commands = await loadCommands();
  const [name, ...rest] = argv;
  const debug = argv.includes('--debug');
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    const target = name === 'help' ? commands.find((c) => c.name === rest[0]) : undefined;
    io.stdout.write(target ? target.help : mainHelp(commands));
    return 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`pmta-advisor: unknown command '${name}'. Run 'pmta-advisor --help' for the list.\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(command.help);
    return 0;
  }
  try {
    const parsed = parseArgs({
      args: rest.filter((a) => a !== '--debug'),
      options: command.options,
      allowPositionals: true,
      strict: true,
    });
    return await command.run({ io, values: parsed.values, positionals: parsed.positionals, signal });
  } catch (error) {
    return reportError(error, io, debug, command.name);
  }
}

function reportError(error: unknown, io: CliIo, debug: boolean, commandName: string): number {
  if (error instanceof UserError) {
    io.stderr.write(`pmta-advisor ${commandName}: ${error.message}${error.hint ? ` (${error.hint})` : ''}\n`);
    if (debug && error.stack) io.stderr.write(`${error.stack}\n`);
    return error.exitCode;
  }
  const code = (error as { code?: string } | null)?.code;
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
    io.stderr.write(`pmta-advisor ${commandName}: ${(error as Error).message}. Run 'pmta-advisor ${commandName} --help'.\n`);
    return 2;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`pmta-advisor ${commandName}: internal error: ${message} (this is a bug; rerun with --debug for details)\n`);
  if (debug && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
  return 70;
}

function isEntryPoint(): boolean {
  const entry = process.argv[1];
  if (entry === undefined) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  const controller = new AbortController();
  const onSignal = (): void => {
    if (controller.signal.aborted) process.exit(130);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
  });
  const io: CliIo = {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
    now: () => Date.now(),
  };
  main(process.argv.slice(2), io, controller.signal).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`pmta-advisor: internal error: ${String(error)}\n`);
      process.exitCode = 70;
    },
  );
}
