/** The provider model: attribution of records to mailbox providers and classification of responses. */
export type { Classification, Provider, ProviderLimits, ProviderModel, ResponsePattern } from './types.js';
export type { ModelError } from './model-error.js';
export { formatModelError } from './model-error.js';
export type { ModelFile, ParsedProviderModel } from './parse-provider-model.js';
export { parseProviderModel } from './parse-provider-model.js';
export { attributeProvider, findProvider } from './attribute-provider.js';
export { OTHER_PROVIDER, normalizeDomain } from './domain-index.js';
export { mxHostOf } from './mx-host.js';
export { DEFAULT_CLASSIFICATION } from './classifier.js';
