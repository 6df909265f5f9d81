/**
 * Istio's webhook rules for AuthorizationPolicy (security.istio.io): ValidateAuthorizationPolicy.
 * Istio prefixes every error (not the warnings) with `invalid policy <name>.<namespace>:`.
 */
import { validateRule } from './security/authz-rules';
import { validatePolicyTargets } from './security/policy-target';
import { KindValidator } from './types';
import { Severity } from '../diagnostic';
import { FieldPath } from '../field-path';
import { Findings } from '../findings';
import { isSet, listOf, messageOf, stringOf } from '../json';

const SPEC = FieldPath.at('spec');

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

/** The CUSTOM action's own rules (`path` is the spec's): rules present, a provider name, only attributes ext_authz can see. */
function validateCustom(path: FieldPath, findings: Findings, spec: any): void {
  // `rules: []` decodes to nil, like no rules at all.
  if (listOf(spec.rules).length === 0) {
    findings.error(path.child('rules'), 'CUSTOM action without `rules` is meaningless as it will never be triggered, '
      + 'add an empty rule `{}` if you want it be triggered for every request');
  } else if (stringOf(messageOf(spec.provider).name) === '') {
    const provider = path.child('provider');
    findings.error(isSet(spec.provider) ? provider.child('name') : provider, '`provider.name` must not be empty');
  }
  const unsupported = (at: FieldPath, name: string) => findings.error(at, `${name} is currently not supported with CUSTOM action`);
  listOf(spec.rules).forEach((rule, i) => {
    const rulePath = path.child('rules').index(i);
    listOf(messageOf(rule).from).forEach((from, j) => {
      const source = messageOf(from).source;
      if (!isSet(source)) return;
      for (const [field, name] of CUSTOM_UNSUPPORTED_SOURCES) {
        if (listOf(source[field]).length > 0) unsupported(rulePath.child('from').index(j).child('source', field), name);
      }
    });
    listOf(messageOf(rule).when).forEach((when, k) => {
      const at = rulePath.child('when').index(k);
      if (!isSet(when)) return findings.error(at, 'when field cannot be nil');
      const key = stringOf(messageOf(when).key);
      if (CUSTOM_UNSUPPORTED_KEYS.includes(key) || key.startsWith('request.auth.')) {
        unsupported(at.child('key'), key);
      }
      return undefined;
    });
  });
}

/** ValidateAuthorizationPolicy without its prefix (`path` is the spec's). */
function validatePolicy(path: FieldPath, findings: Findings, spec: any): void {
  // An absent action decodes to ALLOW, the enum's zero value.
  const action = stringOf(spec.action) || 'ALLOW';
  validatePolicyTargets(path, findings, spec);
  if (action === 'CUSTOM') validateCustom(path, findings, spec);
  if (isSet(spec.provider) && action !== 'CUSTOM') {
    findings.error(path.child('provider'), `\`provider\` must not be with non CUSTOM action, found ${action}`);
  }
  if (action === 'DENY' && listOf(spec.rules).length === 0) {
    findings.error(path.child('rules'), 'DENY action without `rules` is meaningless as it will never be triggered, '
      + 'add an empty rule `{}` if you want it be triggered for every request');
  }
  listOf(spec.rules).forEach((rule, i) => validateRule(path.child('rules').index(i), findings, i, rule, action === 'DENY'));
}

export const validateAuthorizationPolicy: KindValidator = (obj, findings) => {
  const unprefixed = new Findings();
  validatePolicy(SPEC, unprefixed, obj.spec);
  const prefix = `invalid policy ${obj.name}.${obj.namespace}: `;
  for (const finding of unprefixed.list) {
    findings.add(finding.severity === Severity.ERROR ? { ...finding, message: prefix + finding.message } : finding);
  }
};
