/** Every lint rule, in the order their findings are documented. */
import type { LintRule } from '../lint-finding.js';
import { acctNoTransient } from './acct-no-transient.js';
import { backoffNeutered } from './backoff-neutered.js';
import { backoffNeverNormal } from './backoff-never-normal.js';
import { badPattern } from './bad-pattern.js';
import { badValue } from './bad-value.js';
import { defaultValue } from './default-value.js';
import { deprecatedDirective } from './deprecated-directive.js';
import { injectionHeaders } from './injection-headers.js';
import { noBounceUponNoMx } from './no-bounce-upon-no-mx.js';
import { openRelay } from './open-relay.js';
import { receivedHeaderExposure } from './received-header-exposure.js';
import { repeatedDomainSettings } from './repeated-domain-settings.js';
import { undefinedReference } from './undefined-reference.js';
import { unescapedBrackets } from './unescaped-brackets.js';
import { unknownDirective } from './unknown-directive.js';
import { wildcardMaxSmtpOut } from './wildcard-max-smtp-out.js';
import { wrongScope } from './wrong-scope.js';

export const LINT_RULES: readonly LintRule[] = [
  unknownDirective,
  wrongScope,
  deprecatedDirective,
  badValue,
  badPattern,
  undefinedReference,
  openRelay,
  injectionHeaders,
  receivedHeaderExposure,
  unescapedBrackets,
  acctNoTransient,
  noBounceUponNoMx,
  wildcardMaxSmtpOut,
  backoffNeverNormal,
  backoffNeutered,
  repeatedDomainSettings,
  defaultValue,
];
