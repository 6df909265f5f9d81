/** Istio's webhook rules for ServiceEntry (ValidateXxx in istio/pkg/config/validation). */
import { Findings, KindValidator } from './types';

export const validateServiceEntry: KindValidator = () => {
  const findings = new Findings();
  return findings.list;
};
