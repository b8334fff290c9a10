/**
 * Turns ConfigChange[] into minimal edits of the user's config files. Changes are planned one after
 * the other on the config as edited so far, so two changes to the same scope share one block. Every
 * change is either applied (with the edits and any caveat) or skipped with the reason; nothing else
 * in the files changes.
 */
import type { ConfigChange } from '../domain/config-change.js';
import type { Config } from './config-model.js';
import { configIndex } from './config-index.js';
import { directiveSpec } from './directives.js';
import { domainRepresentatives } from './domain-representatives.js';
import { loadConfig } from './load-config.js';
import { memoryConfigSource } from './memory-config-source.js';
import { planPatternChange } from './plan-pattern-change.js';
import { planSetChange } from './plan-set-change.js';
import type { PlannedEdit, SetChange, StepResult } from './plan-types.js';
import { effectiveValue } from './resolve-effective.js';
import { applyLineOps } from './text-edits.js';
import { normalizeValue } from './value-types.js';

export interface PlannedFile {
  readonly path: string;
  readonly before: string;
  readonly after: string;
}

export interface AppliedChange {
  readonly change: ConfigChange;
  readonly edits: readonly PlannedEdit[];
  /** Caveats: where the change does not take effect, what was done instead of the obvious edit. */
  readonly notes: readonly string[];
}

export interface SkippedChange {
  readonly change: ConfigChange;
  readonly reason: string;
}

export interface ChangePlan {
  /** Files whose text changes, main config first. */
  readonly files: readonly PlannedFile[];
  readonly applied: readonly AppliedChange[];
  readonly skipped: readonly SkippedChange[];
  /** The config as it reads after the edits. */
  readonly result: Config;
}

export interface PlanOptions {
  /** Write a `# pmta-advisor: …` comment above each changed or added line. */
  readonly annotate?: boolean;
}

export function planChanges(config: Config, changes: readonly ConfigChange[], options: PlanOptions = {}): ChangePlan {
  const annotate = options.annotate === true;
  const texts = new Map([...config.files].map(([path, file]) => [path, file.text]));
  let current = config;
  const applied: AppliedChange[] = [];
  const skipped: SkippedChange[] = [];

  const apply = (step: Extract<StepResult, { ok: true }>): void => {
    for (const [path, ops] of step.ops) texts.set(path, applyLineOps(texts.get(path) ?? '', ops));
    const next = loadConfig(config.rootPath, memoryConfigSource(texts));
    if (next.issues.length > current.issues.length) {
      throw new Error(`planned edit made the config unreadable: ${next.issues.map((i) => `${i.file}:${i.line} ${i.message}`).join('; ')}`);
    }
    current = next;
  };

  for (const change of changes) {
    const step = change.kind === 'set' ? planSetChange(current, change, annotate) : planPatternChange(current, change, annotate);
    if (!step.ok) {
      skipped.push({ change, reason: step.reason });
      continue;
    }
    apply(step);
    const edits = [...step.edits];
    const notes = [...step.notes];
    if (step.followUp) {
      const follow = planSetChange(current, step.followUp, annotate);
      if (follow.ok) {
        apply(follow);
        edits.push(...follow.edits);
        notes.push(...follow.notes);
      } else {
        notes.push(`the list is not attached: ${follow.reason}`);
      }
    }
    if (change.kind === 'set' && change.virtualMta === null) notes.push(...overriddenBelow(current, change));
    applied.push({ change, edits, notes });
  }

  const files: PlannedFile[] = [];
  for (const [path, file] of config.files) {
    const after = texts.get(path) ?? file.text;
    if (after !== file.text) files.push({ path, before: file.text, after });
  }
  return { files, applied, skipped, result: current };
}

/** Where a global change does not take effect because a virtual MTA or pool sets its own value. */
function overriddenBelow(config: Config, change: SetChange): string[] {
  const directive = change.directive.toLowerCase();
  const type = directiveSpec(directive)?.type ?? 'string';
  const index = configIndex(config);
  const reps = domainRepresentatives(change.domain, index.macros);
  const notes: string[] = [];
  for (const vmta of index.virtualMtas.keys()) {
    for (const d of reps) {
      const eff = effectiveValue(config, d, vmta, directive);
      if (!eff || normalizeValue(type, eff.value) === normalizeValue(type, change.value)) continue;
      const at = eff.source === 'default' ? 'default' : `${eff.source.file}:${eff.source.line}`;
      notes.push(`${d} on ${vmta} still gets ${directive} ${eff.value} (${at})`);
      break;
    }
  }
  return notes.length > 5 ? [...notes.slice(0, 5), `and ${notes.length - 5} more virtual MTAs keep their own value`] : notes;
}
