/**
 * chokidar as a wake-up hint only: any event on a watched path asks for an early poll (debounced).
 * chokidar drops and merges events (docs/tailing.md), so nothing is ever read because of an event;
 * the poll that follows decides everything from stat.
 */
import { watch, type FSWatcher } from 'chokidar';
import { dirname } from 'node:path';
import type { InputSpec } from './input-spec.js';
import type { Scheduler } from './types.js';

export class WakeWatcher {
  private watcher: FSWatcher | null = null;
  private timer: unknown = null;
  private readonly watched = new Set<string>();
  private readonly scheduler: Scheduler;
  private readonly debounceMs: number;
  private readonly onWake: () => void;

  constructor(scheduler: Scheduler, debounceMs: number, onWake: () => void) {
    this.scheduler = scheduler;
    this.debounceMs = debounceMs;
    this.onWake = onWake;
  }

  /** Watches the paths that exist now; call again when a missing path appears. */
  sync(specs: readonly InputSpec[], existing: readonly boolean[]): void {
    const paths: string[] = [];
    specs.forEach((spec, i) => {
      const p = spec.kind === 'glob' ? spec.base : existing[i] === true ? spec.base : dirname(spec.base);
      if (!this.watched.has(p)) paths.push(p);
    });
    if (paths.length === 0) return;
    for (const p of paths) this.watched.add(p);
    if (this.watcher === null) {
      this.watcher = watch(paths, { ignoreInitial: true, persistent: false, depth: 2, atomic: false });
      this.watcher.on('all', () => this.poke());
      this.watcher.on('error', () => undefined);
    } else this.watcher.add(paths);
  }

  private poke(): void {
    if (this.timer !== null) return;
    this.timer = this.scheduler.setTimeout(() => {
      this.timer = null;
      this.onWake();
    }, this.debounceMs);
  }

  async close(): Promise<void> {
    if (this.timer !== null) this.scheduler.clearTimeout(this.timer);
    this.timer = null;
    const w = this.watcher;
    this.watcher = null;
    if (w !== null) await w.close();
  }
}
