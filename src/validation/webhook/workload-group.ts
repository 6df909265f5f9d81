/**
 * Istio's webhook rules for WorkloadGroup (ValidateWorkloadGroup in istio/pkg/config/validation): a
 * template, valid metadata labels, and the readiness probe (validateReadinessProbe). The template
 * itself is not checked (its address is filled in per workload).
 */
import { validateLabels } from './common/labels';
import { checkPort } from './common/ports';
import { KindValidator } from './types';
import { multiErrorText } from '../../go/multierror';
import { FieldPath } from '../field-path';
import { Findings } from '../findings';
import { int32Of, isSet, listOf, messageOf, numberOf, stringOf } from '../json';

const SPEC = FieldPath.at('spec');
const PROBE_HEADER_NAME = /^[-A-Za-z0-9]+$/;

/** ValidateProbeHeaderName (Kubernetes' rule for probe headers: letters, digits, '-'). */
function checkProbeHeaderName(name: string): string | undefined {
  if (name === '') return 'header name cannot be empty';
  return PROBE_HEADER_NAME.test(name) ? undefined : `header name ${name} is not a valid header name`;
}

/** The oneof health check methods; Istio's switch knows three of them. */
const METHODS = ['httpGet', 'tcpSocket', 'exec', 'grpc'] as const;

function validateHttpGet(path: FieldPath, findings: Findings, httpGet: Record<string, any>): void {
  findings.errorIfAny(path.child('port'), checkPort(numberOf(httpGet.port)));
  const scheme = stringOf(httpGet.scheme);
  if (scheme !== '' && scheme !== 'HTTPS' && scheme !== 'HTTP') findings.error(path.child('scheme'), 'httpGet.scheme must be one of "HTTPS", "HTTP"');
  listOf(httpGet.httpHeaders).forEach((header, i) => {
    const at = path.child('httpHeaders').index(i);
    if (!isSet(header)) findings.error(at, 'invalid nil header');
    else findings.errorIfAny(at.child('name'), checkProbeHeaderName(stringOf(messageOf(header).name)));
  });
}

/** validateReadinessProbe: non-negative timings, then the health check method. */
function validateReadinessProbe(path: FieldPath, findings: Findings, probe: Record<string, any>): void {
  for (const field of ['periodSeconds', 'initialDelaySeconds', 'timeoutSeconds', 'successThreshold', 'failureThreshold']) {
    if (int32Of(probe[field]) < 0) findings.error(path.child(field), `${field} must be non-negative`);
  }
  const method = METHODS.find(m => isSet(probe[m]));
  switch (method) {
    case 'httpGet':
      validateHttpGet(path.child('httpGet'), findings, messageOf(probe.httpGet));
      break;
    case 'tcpSocket':
      findings.errorIfAny(path.child('tcpSocket', 'port'), checkPort(numberOf(messageOf(probe.tcpSocket).port)));
      break;
    case 'exec':
      if (listOf(messageOf(probe.exec).command).length === 0) findings.error(path.child('exec', 'command'), 'exec.command is required');
      break;
    case 'grpc':
      // 1.30.3's switch has no case for the gRPC method: `%T` of the oneof wrapper.
      findings.error(path.child('grpc'), 'unknown health check method *v1alpha3.ReadinessProbe_Grpc');
      break;
    default:
      findings.error(path, 'unknown health check method <nil>');
  }
}

export const validateWorkloadGroup: KindValidator = (obj, findings) => {
  const spec = obj.spec;
  // Each of these returns its error alone.
  if (!isSet(spec.template)) {
    findings.error(SPEC.child('template'), 'template is required');
    return;
  }
  if (isSet(spec.metadata)) {
    const labelsPath = SPEC.child('metadata', 'labels');
    const labels = new Findings();
    validateLabels(labelsPath, labels, messageOf(spec.metadata).labels);
    if (labels.list.length > 0) {
      findings.error(labelsPath, `invalid labels: ${multiErrorText(labels.list.map(l => l.message))}`);
      return;
    }
  }
  if (isSet(spec.probe)) validateReadinessProbe(SPEC.child('probe'), findings, messageOf(spec.probe));
};
