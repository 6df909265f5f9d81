/** Istio's webhook rules for DestinationRule (ValidateXxx in istio/pkg/config/validation). */
import { Findings, KindValidator } from './types';

export const validateDestinationRule: KindValidator = () => {
  const findings = new Findings();
  return findings.list;
};
