/** Istio's webhook rules for PeerAuthentication (security.istio.io): ValidatePeerAuthentication. */
import { validateWorkloadSelector } from './common/labels';
import { KindValidator } from './types';
import { FieldPath } from '../field-path';
import { entriesOf, isSet, messageOf, stringMap } from '../json';

const SPEC = FieldPath.at('spec');

export const validatePeerAuthentication: KindValidator = (obj, findings) => {
  const spec = obj.spec;
  const ports = entriesOf(spec.portLevelMtls);
  const namespaceWide = Object.keys(stringMap(messageOf(spec.selector).matchLabels)).length === 0;
  // The CRD's CEL rules ("portLevelMtls requires selector", minProperties, the port range) reject all
  // of these first; the webhook still checks them.
  if (namespaceWide && ports.length > 0) {
    findings.error(SPEC.child('portLevelMtls'), 'mesh/namespace peer authentication cannot have port level mTLS');
  }
  // An empty map decodes to an empty, non-nil Go map: "defined" without elements.
  if (isSet(spec.portLevelMtls) && ports.length === 0) {
    findings.error(SPEC.child('portLevelMtls'), 'port level mTLS, if defined, must have at least one element');
  }
  for (const [port] of ports) {
    // Map keys are uint32 port numbers.
    const number = Number(port);
    if (!(number > 0 && number <= 65535)) findings.error(SPEC.child('portLevelMtls').key(port), 'port must be in range 1..65535');
  }
  validateWorkloadSelector(SPEC.child('selector'), findings, spec.selector);
};
