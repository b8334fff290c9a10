/**
 * Read accounting files (and optionally the PowerMTA config) and build the report: the one-shot path
 * shared by `report` and `diff`.
 */
import { resolve } from 'node:path';
import type { Config } from '../config/config-model.js';
import { loadConfigFile } from '../config/load-config-io.js';
import type { ReportJson } from '../domain/report.js';
import { UserError } from '../domain/user-error.js';
import { ingest, type IngestProgress } from '../ingest/ingest.js';
import { loadProviderModel } from '../providers/load-provider-model-io.js';
import { buildReport } from '../report/build-report.js';
import { reportSourceOf } from '../report/report-source.js';
import { parseTimeArg } from '../report/time-arg.js';
import { configViewOf } from '../rules/config-view-from-config.js';

export interface AnalyseOptions {
  readonly paths: readonly string[];
  readonly cwd: string;
  readonly now: number;
  readonly configPath?: string;
  readonly since?: string;
  readonly until?: string;
  readonly modelsDir?: string;
  readonly signal?: AbortSignal;
  readonly onProgress?: (p: IngestProgress) => void;
}

export interface Analysis {
  readonly report: ReportJson;
  readonly config: Config | null;
}

export async function analyse(options: AnalyseOptions): Promise<Analysis> {
  if (options.paths.length === 0) {
    throw new UserError('no accounting files given', { hint: 'pass files, directories or globs, e.g. /var/log/pmta/acct/', exitCode: 2 });
  }
  const config = options.configPath === undefined ? null : loadConfigFile(options.configPath, options.cwd);
  const view = config === null ? undefined : configViewOf(config);
  const model = await loadProviderModel(options.modelsDir);
  const agg = await ingest(
    options.paths.map((p) => resolve(options.cwd, p)),
    { model, ...(options.signal === undefined ? {} : { signal: options.signal }), ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }) },
  );
  const source = reportSourceOf(agg, view?.vmtaIps);
  const last = source.summary.lastTime;
  const since = options.since === undefined ? null : parseTimeArg('since', options.since, last);
  const until = options.until === undefined ? null : parseTimeArg('until', options.until, last);
  if (since !== null && until !== null && since >= until) {
    throw new UserError(`--since ${options.since} is not before --until ${options.until}`, { exitCode: 2 });
  }
  const report = buildReport(source, {
    now: options.now,
    since,
    until,
    ...(view === undefined ? {} : { config: view }),
    configPath: options.configPath ?? null,
  });
  return { report, config };
}
