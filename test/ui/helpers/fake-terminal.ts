/**
 * Fake terminal streams for Ink, like ink-testing-library's but with a size you choose and can change
 * (emitting 'resize' as a real TTY does). Frames are what Ink wrote in debug mode.
 */
import { EventEmitter } from 'node:events';

export class FakeStdout extends EventEmitter {
  readonly frames: string[] = [];
  isTTY = true;
  columns: number;
  rows: number;

  constructor(columns: number, rows: number) {
    super();
    this.columns = columns;
    this.rows = rows;
  }

  write = (frame: string): boolean => {
    this.frames.push(frame);
    return true;
  };

  lastFrame = (): string => this.frames[this.frames.length - 1] ?? '';

  resize(columns: number, rows: number): void {
    this.columns = columns;
    this.rows = rows;
    this.emit('resize');
  }
}

export class FakeStdin extends EventEmitter {
  isTTY = true;
  private data: string | null = null;

  write = (data: string): void => {
    this.data = data;
    this.emit('readable');
    this.emit('data', data);
  };

  read = (): string | null => {
    const { data } = this;
    this.data = null;
    return data;
  };

  setEncoding(): void {}
  setRawMode(): void {}
  resume(): void {}
  pause(): void {}
  ref(): void {}
  unref(): void {}
}

/** Let Ink and React finish what the last write started (input parsing defers a lone ESC by one tick). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 3; i += 1) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** Strip SGR colour codes (only those: anything else left in a frame is a bug the tests should see). */
export function stripSgr(frame: string): string {
  return frame.replace(/\u001B\[[0-9;]*m/g, '');
}
