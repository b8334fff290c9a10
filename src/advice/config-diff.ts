/**
 * Recommendations → a unified diff of the user's own PowerMTA config (pure). Shared by `diff`,
 * `report --diff` and the dashboard's "write diff" key, so every face gives the same edits.
 */
import { dirname, sep } from 'node:path';
import type { Config } from '../config/config-model.js';
import { planChanges, type ChangePlan } from '../config/plan-changes.js';
import { renderUnifiedDiff } from '../config/unified-diff.js';
import type { Recommendation } from '../domain/report.js';
import { toConfigChanges } from '../rules/to-config-changes.js';

export interface ConfigDiffOptions {
  /** Write a `# pmta-advisor: reason` comment above each change. */
  readonly annotate?: boolean;
  /** Paths in the diff are relative to this directory (default: the deepest directory holding every changed file). */
  readonly baseDir?: string;
  /** Only recommendations at or above this confidence. Default 0. */
  readonly minConfidence?: number;
}

export interface ConfigDiff {
  readonly diff: string;
  readonly plan: ChangePlan;
  readonly baseDir: string;
  /** Recommendations that became changes (after the confidence filter). */
  readonly used: readonly Recommendation[];
}

export function configDiff(config: Config, recommendations: readonly Recommendation[], options: ConfigDiffOptions = {}): ConfigDiff {
  const used = recommendations.filter((r) => r.confidence >= (options.minConfidence ?? 0));
  const plan = planChanges(config, toConfigChanges(used), { annotate: options.annotate === true });
  const baseDir = options.baseDir ?? commonDir(plan.files.length > 0 ? plan.files.map((f) => f.path) : [config.rootPath]);
  return { diff: renderUnifiedDiff(plan.files, { baseDir }), plan, baseDir, used };
}

function commonDir(paths: readonly string[]): string {
  const dirs = paths.map((p) => dirname(p).split(sep));
  const first = dirs[0] ?? [];
  let n = first.length;
  for (const d of dirs) {
    let i = 0;
    while (i < n && i < d.length && d[i] === first[i]) i++;
    n = i;
  }
  const joined = first.slice(0, n).join(sep);
  return joined === '' ? sep : joined;
}
