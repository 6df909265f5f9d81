/** Istio's webhook rules for PeerAuthentication (security.istio.io). */
import { Findings, KindValidator } from './types';

export const validatePeerAuthentication: KindValidator = () => {
  const findings = new Findings();
  return findings.list;
};
