/**
 * Which provider a record belongs to. The MX host that answered (dsnMta) decides first when it matches
 * a provider's mxPatterns, so a company domain hosted by Google Workspace or Office 365, or filtered by
 * Mimecast or Proofpoint, is attributed to whoever actually received the mail. Otherwise the recipient
 * domain decides (gmail.com -> google), else `other`. Rows without dsnMta (most `b` rows, expiries)
 * therefore fall back to the domain.
 */
import type { Provider, ProviderModel } from './types.js';

export function attributeProvider(model: ProviderModel, domain: string, dsnMta: string): string {
  if (dsnMta !== '') {
    const byMx = model.providerOfMx(dsnMta);
    if (byMx !== null) return byMx;
  }
  return model.providerOfDomain(domain);
}

/** The provider with this id, or undefined (for `other` and unknown ids). */
export function findProvider(model: ProviderModel, id: string): Provider | undefined {
  return model.providers.find((p) => p.id === id);
}
