/** Public API of the rules room. */
export type { ConfigView, CurrentValue, AppliedList } from './config-view.js';
export { defaultsView } from './config-view.js';
export { configViewOf } from './config-view-from-config.js';
export type { ProviderInfo, Rule, RuleContext } from './types.js';
export { RULES, evaluateRules, isLowering } from './evaluate.js';
export { toConfigChanges } from './to-config-changes.js';
export { warmupPlan } from './warmup-plan.js';
export { escapePowerMtaRegex } from './pcre-escape.js';
export { responseLiteral } from './response-regex.js';
