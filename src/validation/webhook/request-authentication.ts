/** Istio's webhook rules for RequestAuthentication (security.istio.io): ValidateRequestAuthentication. */
import { validateJwtRule } from './security/jwt-rule';
import { validatePolicyTargets } from './security/policy-target';
import { KindValidator } from './types';
import { FieldPath } from '../field-path';
import { listOf } from '../json';

const SPEC = FieldPath.at('spec');

export const validateRequestAuthentication: KindValidator = (obj, findings) => {
  validatePolicyTargets(SPEC, findings, obj.spec);
  listOf(obj.spec.jwtRules).forEach((rule, i) => validateJwtRule(SPEC.child('jwtRules').index(i), findings, rule));
};
