/** Istio's webhook rules for Gateway (ValidateXxx in istio/pkg/config/validation). */
import { Findings, KindValidator } from './types';

export const validateGateway: KindValidator = () => {
  const findings = new Findings();
  return findings.list;
};
