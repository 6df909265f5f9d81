/**
 * The Sidecar ingress `defaultEndpoint` (ValidateSidecar): `unix://path`, or `host:port` with a
 * loopback or unspecified host, split and parsed as Go's net.SplitHostPort and strconv.Atoi do
 * (src/go/net.ts, src/go/strconv.ts), whose error texts Istio passes through.
 */
import { splitHostPort } from '../../../go/net';
import { atoiError, parseInt64 } from '../../../go/strconv';
import { FieldPath } from '../../field-path';
import { Findings } from '../../findings';
import { checkUnixAddress, UNIX_PREFIX } from '../common/hosts';

const ALLOWED_HOSTS = new Set(['127.0.0.1', '0.0.0.0', '::1', '::']);
const FORM_MESSAGE = 'sidecar: defaultEndpoint must be of form 127.0.0.1:<port>,0.0.0.0:<port>,[::1]:port,[::]:port,unix://filepath or unset';

/** ValidatePort on Go's int. */
function checkPortNumber(port: bigint): string | undefined {
  return port >= 1n && port <= 65535n ? undefined : `port number ${port} must be in the range 1..65535`;
}

/** ValidateSidecar's defaultEndpoint rules; `path` points at the field. Nothing to check when unset. */
export function validateDefaultEndpoint(path: FieldPath, findings: Findings, endpoint: string): void {
  if (endpoint === '') return;
  if (endpoint.startsWith(UNIX_PREFIX)) {
    findings.errorIfAny(path, checkUnixAddress(endpoint.slice(UNIX_PREFIX.length)));
    return;
  }
  const { host, port, error } = splitHostPort(endpoint);
  if (error) findings.error(path, error);
  if (host !== '' && !ALLOWED_HOSTS.has(host)) findings.error(path, FORM_MESSAGE);
  const number = parseInt64(port);
  if (number === undefined) {
    findings.error(path, `sidecar: defaultEndpoint port (${port}) is not a number: ${atoiError(port)}`);
  } else {
    findings.errorIfAny(path, checkPortNumber(number));
  }
}
