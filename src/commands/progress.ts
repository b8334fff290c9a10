/**
 * Progress of long reads on stderr (bytes, records, ETA), only when stderr is a TTY; redrawn in place
 * at most a few times a second and erased when done.
 */
import type { CliIo } from './command.js';
import type { IngestProgress } from '../ingest/ingest.js';

export interface ProgressLine {
  update(p: IngestProgress): void;
  done(): void;
}

const MB = 1024 * 1024;

export function formatProgress(p: IngestProgress, elapsedMs: number): string {
  const fraction = p.totalBytes > 0 ? Math.min(1, p.bytes / p.totalBytes) : 0;
  const eta = fraction > 0.01 ? Math.max(0, (elapsedMs * (1 - fraction)) / fraction) : null;
  const rate = elapsedMs > 0 ? Math.round((p.records * 1000) / elapsedMs) : 0;
  return (
    `reading ${p.files} file(s): ${(p.bytes / MB).toFixed(0)}/${(p.totalBytes / MB).toFixed(0)} MB ` +
    `(${(fraction * 100).toFixed(0)}%) · ${p.records.toLocaleString('en-US')} records · ${rate.toLocaleString('en-US')}/s` +
    (eta === null ? '' : ` · ETA ${Math.ceil(eta / 1000)}s`)
  );
}

export function progressLine(io: CliIo, intervalMs = 200): ProgressLine {
  if (io.stderr.isTTY !== true) return { update: () => undefined, done: () => undefined };
  const started = io.now();
  let last = 0;
  let drawn = false;
  return {
    update(p) {
      const now = io.now();
      if (now - last < intervalMs) return;
      last = now;
      drawn = true;
      io.stderr.write(`\r\u001B[2K${formatProgress(p, now - started)}`);
    },
    done() {
      if (drawn) io.stderr.write('\r\u001B[2K');
    },
  };
}
