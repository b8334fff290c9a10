/**
 * Backoff that does not slow anything down (a backoff rate or connection count not below the normal
 * one, or a huge backoff rate), and retry intervals so long that queues sit idle for hours.
 */
import type { Finding, LintRule } from '../lint-finding.js';
import type { Setting } from '../config-model.js';
import { domainRepresentatives } from '../domain-representatives.js';
import { effectiveValue } from '../resolve-effective.js';
import { parseRate, parseTimeInterval } from '../value-types.js';
import { layerVmta } from './backoff-never-normal.js';
import { blockPath, finding } from './rule-helpers.js';

/** A backoff rate at or above this (per hour) with no normal rate set is not a backoff. */
export const ABSURD_BACKOFF_PER_HOUR = 10_000;
/** Retry intervals at or above this leave a queue idle for a long stretch. */
export const HUGE_RETRY_SECONDS = 6 * 3600;

export const backoffNeutered: LintRule = {
  id: 'backoff-neutered',
  summary: 'backoff that does not slow down (rate or connections not below normal, absurd rate) or huge retry intervals',
  check: ({ config, index }) => {
    const out: Finding[] = [];
    for (const entry of index.allDomains) {
      const vmta = layerVmta(entry);
      const reps = domainRepresentatives(entry.block.arg, index.macros);
      const where = blockPath(entry.block);
      const eff = (name: string): string | undefined => (reps[0] === undefined ? undefined : effectiveValue(config, reps[0], vmta, name)?.value);
      for (const s of entry.block.settings) {
        if (s.name === 'backoff-max-msg-rate') checkRate(s, eff('max-msg-rate'), where, out);
        if (s.name === 'backoff-max-smtp-out') {
          const normal = Number(eff('max-smtp-out'));
          if (/^\d+$/.test(s.value) && Number(s.value) >= normal) out.push(finding('backoff-neutered', 'warning', s.loc, `backoff-max-smtp-out ${s.value} is not below max-smtp-out ${normal} for ${where}: backoff keeps as many connections open`, `set backoff-max-smtp-out well below ${normal}, e.g. ${Math.max(1, Math.floor(normal / 4))}`));
        }
        if (s.name === 'backoff-retry-after' || s.name === 'retry-after') {
          const longest = Math.max(...s.value.split(',').map((p) => parseTimeInterval(p) ?? 0));
          if (longest < HUGE_RETRY_SECONDS) continue;
          const bounceAfter = parseTimeInterval(eff('bounce-after') ?? '4d12h') ?? 0;
          const tries = longest > 0 ? Math.floor(bounceAfter / longest) : 0;
          out.push(finding('backoff-neutered', 'warning', s.loc, `${s.name} ${s.value} in ${where}: a queue waits ${hours(longest)} between attempts${bounceAfter > 0 ? `, so a message gets about ${tries} attempt${tries === 1 ? '' : 's'} before bounce-after (${eff('bounce-after') ?? '4d12h'})` : ''}`, `use intervals of an hour or less (e.g. ${s.name} 20m,40m,1h) and let the backoff rate do the slowing`));
        }
      }
    }
    return out;
  },
};

function checkRate(s: Setting, normalText: string | undefined, where: string, out: Finding[]): void {
  const backoff = parseRate(s.value);
  if (backoff === null) return;
  const normal = normalText === undefined ? null : parseRate(normalText);
  if (normal !== null && Number.isFinite(normal) && backoff >= normal) {
    out.push(finding('backoff-neutered', 'warning', s.loc, `backoff-max-msg-rate ${s.value} is not below max-msg-rate ${normalText} for ${where}: backoff does not slow down`, `set backoff-max-msg-rate to a fraction of ${normalText} (a quarter is common)`));
    return;
  }
  if ((normal === null || !Number.isFinite(normal)) && backoff * 3600 >= ABSURD_BACKOFF_PER_HOUR) {
    out.push(finding('backoff-neutered', 'warning', s.loc, `backoff-max-msg-rate ${s.value} (${Math.round(backoff * 3600).toLocaleString('en-US')}/h) for ${where}: a queue in backoff still sends as fast as most providers accept, so backoff changes nothing`, 'set a real backoff rate (e.g. 60/h to 600/h depending on the provider)'));
  }
}

function hours(seconds: number): string {
  return seconds % 3600 === 0 ? `${seconds / 3600}h` : `${Math.round(seconds / 60)}m`;
}
