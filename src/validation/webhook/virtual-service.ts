/** Istio's webhook rules for VirtualService (ValidateXxx in istio/pkg/config/validation). */
import { Findings, KindValidator } from './types';

export const validateVirtualService: KindValidator = () => {
  const findings = new Findings();
  return findings.list;
};
