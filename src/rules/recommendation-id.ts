/** Stable recommendation ids: the directive and its scope (and the regex for pattern replies). */
export function recommendationId(directive: string, domain: string, virtualMta: string | null, extra = ''): string {
  return `${directive}@${domain}/${virtualMta ?? '*'}${extra === '' ? '' : `#${extra}`}`;
}
