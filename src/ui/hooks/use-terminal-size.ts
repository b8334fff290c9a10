import { useEffect } from 'react';
import { useStdout } from 'ink';
import type { TerminalSize } from '../state/dashboard-state.js';
import { DEFAULT_SIZE } from '../state/dashboard-state.js';

/** Columns and rows of a stream, 80×24 when it does not say (not a TTY). */
export function terminalSize(stream: { readonly columns?: number; readonly rows?: number }): TerminalSize {
  return {
    columns: stream.columns !== undefined && stream.columns > 0 ? stream.columns : DEFAULT_SIZE.columns,
    rows: stream.rows !== undefined && stream.rows > 0 ? stream.rows : DEFAULT_SIZE.rows,
  };
}

/** Calls `onResize` with the new size whenever the terminal is resized. */
export function useTerminalSize(onResize: (size: TerminalSize) => void): void {
  const { stdout } = useStdout();
  useEffect(() => {
    const handler = (): void => onResize(terminalSize(stdout));
    stdout.on('resize', handler);
    return () => {
      stdout.off('resize', handler);
    };
  }, [stdout, onResize]);
}
