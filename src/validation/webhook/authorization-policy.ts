/** Istio's webhook rules for AuthorizationPolicy (security.istio.io). */
import { Findings, KindValidator } from './types';

export const validateAuthorizationPolicy: KindValidator = () => {
  const findings = new Findings();
  return findings.list;
};
