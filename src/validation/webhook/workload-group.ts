/**
 * Istio's webhook rules for WorkloadGroup (ValidateWorkloadGroup in istio/pkg/config/validation): a
 * template, valid metadata labels, and the readiness probe (validateReadinessProbe). The template
 * itself is not checked (its address is filled in per workload).
 */
import { validateLabels } from './common/labels';
import { validatePort } from './common/ports';
import { Findings, KindValidator } from './types';
import { multiErrorText } from '../../go/multierror';
import { int32Of, isSet, listOf, messageOf, numberOf, stringOf } from '../json';

const PROBE_HEADER_NAME = /^[-A-Za-z0-9]+$/;

/** ValidateProbeHeaderName (Kubernetes' rule for probe headers: letters, digits, '-'). */
function validateProbeHeaderName(name: string): string | undefined {
  if (name === '') return 'header name cannot be empty';
  return PROBE_HEADER_NAME.test(name) ? undefined : `header name ${name} is not a valid header name`;
}

/** The oneof health check methods; Istio's switch knows three of them. */
const METHODS = ['httpGet', 'tcpSocket', 'exec', 'grpc'] as const;

function validateHttpGet(f: Findings, path: string, httpGet: Record<string, any>): void {
  f.errorIfAny(`${path}.port`, validatePort(numberOf(httpGet.port)));
  const scheme = stringOf(httpGet.scheme);
  if (scheme !== '' && scheme !== 'HTTPS' && scheme !== 'HTTP') f.error(`${path}.scheme`, 'httpGet.scheme must be one of "HTTPS", "HTTP"');
  listOf(httpGet.httpHeaders).forEach((header, i) => {
    const at = `${path}.httpHeaders[${i}]`;
    if (!isSet(header)) f.error(at, 'invalid nil header');
    else f.errorIfAny(`${at}.name`, validateProbeHeaderName(stringOf(messageOf(header).name)));
  });
}

/** validateReadinessProbe: non-negative timings, then the health check method. */
function validateReadinessProbe(f: Findings, path: string, probe: Record<string, any>): void {
  for (const field of ['periodSeconds', 'initialDelaySeconds', 'timeoutSeconds', 'successThreshold', 'failureThreshold']) {
    if (int32Of(probe[field]) < 0) f.error(`${path}.${field}`, `${field} must be non-negative`);
  }
  const method = METHODS.find(m => isSet(probe[m]));
  switch (method) {
    case 'httpGet':
      validateHttpGet(f, `${path}.httpGet`, messageOf(probe.httpGet));
      break;
    case 'tcpSocket':
      f.errorIfAny(`${path}.tcpSocket.port`, validatePort(numberOf(messageOf(probe.tcpSocket).port)));
      break;
    case 'exec':
      if (listOf(messageOf(probe.exec).command).length === 0) f.error(`${path}.exec.command`, 'exec.command is required');
      break;
    case 'grpc':
      // 1.30.3's switch has no case for the gRPC method: `%T` of the oneof wrapper.
      f.error(`${path}.grpc`, 'unknown health check method *v1alpha3.ReadinessProbe_Grpc');
      break;
    default:
      f.error(path, 'unknown health check method <nil>');
  }
}

export const validateWorkloadGroup: KindValidator = obj => {
  const spec = obj.spec;
  // Each of these returns its error alone.
  if (!isSet(spec.template)) return [{ path: 'spec.template', message: 'template is required' }];
  if (isSet(spec.metadata)) {
    const labels = new Findings();
    validateLabels(labels, 'spec.metadata.labels', messageOf(spec.metadata).labels);
    if (labels.list.length > 0) {
      return [{ path: 'spec.metadata.labels', message: `invalid labels: ${multiErrorText(labels.list.map(l => l.message))}` }];
    }
  }
  const f = new Findings();
  if (isSet(spec.probe)) validateReadinessProbe(f, 'spec.probe', messageOf(spec.probe));
  return f.list;
};
