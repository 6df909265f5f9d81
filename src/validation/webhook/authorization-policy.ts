/**
 * Istio's webhook rules for AuthorizationPolicy (security.istio.io): ValidateAuthorizationPolicy.
 * Istio prefixes every error (not the warnings) with `invalid policy <name>.<namespace>:`.
 */
import { isSet, listOf, messageOf, stringOf } from '../json';
import { validateRule } from './security/authz-rules';
import { validatePolicyTargets } from './security/policy-target';
import { Findings, KindValidator, WebhookFinding } from './types';

/** Source fields the CUSTOM action cannot match on, with the names Istio reports them by, in 1.30.3's order. */
const CUSTOM_UNSUPPORTED_SOURCES: [string, string][] = [
  ['namespaces', 'From.Namespaces'], ['notNamespaces', 'From.NotNamespaces'],
  ['serviceAccounts', 'From.ServiceAccounts'], ['notServiceAccounts', 'From.NotServiceAccounts'],
  ['trustDomains', 'From.TrustDomains'], ['notTrustDomains', 'From.NotTrustDomains'],
  ['principals', 'From.Principals'], ['notPrincipals', 'From.NotPrincipals'],
  ['requestPrincipals', 'From.RequestPrincipals'], ['notRequestPrincipals', 'From.NotRequestPrincipals'],
];
/** `when` keys the CUSTOM action cannot match on (besides `request.auth.*`). */
const CUSTOM_UNSUPPORTED_KEYS = ['source.namespace', 'source.serviceAccount', 'source.trustDomain', 'source.principal'];

/** The CUSTOM action's own rules: rules present, a provider name, only attributes ext_authz can see. */
function validateCustom(f: Findings, spec: any): void {
  // `rules: []` decodes to nil, like no rules at all.
  if (listOf(spec.rules).length === 0) {
    f.error('spec.rules', 'CUSTOM action without `rules` is meaningless as it will never be triggered, '
      + 'add an empty rule `{}` if you want it be triggered for every request');
  } else if (stringOf(messageOf(spec.provider).name) === '') {
    f.error(isSet(spec.provider) ? 'spec.provider.name' : 'spec.provider', '`provider.name` must not be empty');
  }
  const unsupported = (path: string, name: string) => f.error(path, `${name} is currently not supported with CUSTOM action`);
  listOf(spec.rules).forEach((rule, i) => {
    const path = `spec.rules[${i}]`;
    listOf(messageOf(rule).from).forEach((from, j) => {
      const source = messageOf(from).source;
      if (!isSet(source)) return;
      for (const [field, name] of CUSTOM_UNSUPPORTED_SOURCES) {
        if (listOf(source[field]).length > 0) unsupported(`${path}.from[${j}].source.${field}`, name);
      }
    });
    listOf(messageOf(rule).when).forEach((when, k) => {
      if (!isSet(when)) return f.error(`${path}.when[${k}]`, 'when field cannot be nil');
      const key = stringOf(messageOf(when).key);
      if (CUSTOM_UNSUPPORTED_KEYS.includes(key) || key.startsWith('request.auth.')) {
        unsupported(`${path}.when[${k}].key`, key);
      }
      return undefined;
    });
  });
}

export const validateAuthorizationPolicy: KindValidator = obj => {
  const f = new Findings();
  const spec = obj.spec;
  // An absent action decodes to ALLOW, the enum's zero value.
  const action = stringOf(spec.action) || 'ALLOW';
  validatePolicyTargets(f, spec);
  if (action === 'CUSTOM') validateCustom(f, spec);
  if (isSet(spec.provider) && action !== 'CUSTOM') f.error('spec.provider', `\`provider\` must not be with non CUSTOM action, found ${action}`);
  if (action === 'DENY' && listOf(spec.rules).length === 0) {
    f.error('spec.rules', 'DENY action without `rules` is meaningless as it will never be triggered, '
      + 'add an empty rule `{}` if you want it be triggered for every request');
  }
  listOf(spec.rules).forEach((rule, i) => validateRule(f, `spec.rules[${i}]`, i, rule, action === 'DENY'));
  const prefix = `invalid policy ${obj.name}.${obj.namespace}: `;
  return f.list.map((finding): WebhookFinding => finding.warning ? finding : { ...finding, message: prefix + finding.message });
};
