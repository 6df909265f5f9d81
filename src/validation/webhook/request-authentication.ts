/** Istio's webhook rules for RequestAuthentication (security.istio.io). */
import { Findings, KindValidator } from './types';

export const validateRequestAuthentication: KindValidator = () => {
  const findings = new Findings();
  return findings.list;
};
