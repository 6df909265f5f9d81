/** Istio's webhook rules for RequestAuthentication (security.istio.io): ValidateRequestAuthentication. */
import { listOf } from '../json';
import { validateJwtRule } from './security/jwt-rule';
import { validatePolicyTargets } from './security/policy-target';
import { Findings, KindValidator } from './types';

export const validateRequestAuthentication: KindValidator = obj => {
  const findings = new Findings();
  validatePolicyTargets(findings, obj.spec);
  listOf(obj.spec.jwtRules).forEach((rule, i) => validateJwtRule(findings, `spec.jwtRules[${i}]`, rule));
  return findings.list;
};
