/**
 * The Sidecar ingress `defaultEndpoint` (ValidateSidecar): `unix://path`, or `host:port` with a
 * loopback or unspecified host, split and parsed as Go's net.SplitHostPort and strconv.Atoi do,
 * whose error texts Istio passes through.
 */
import { goQuote } from '../../../go/format';
import { FieldPath } from '../../field-path';
import { Findings } from '../../findings';
import { checkUnixAddress, UNIX_PREFIX } from '../common/hosts';

const ALLOWED_HOSTS = new Set(['127.0.0.1', '0.0.0.0', '::1', '::']);
const FORM_MESSAGE = 'sidecar: defaultEndpoint must be of form 127.0.0.1:<port>,0.0.0.0:<port>,[::1]:port,[::]:port,unix://filepath or unset';

type HostPort = { host: string; port: string; error?: string };

/** net.SplitHostPort, with net.AddrError's text (`address <addr>: <why>`) on failure. */
export function splitHostPort(hostport: string): HostPort {
  const fail = (why: string): HostPort => ({ host: '', port: '', error: `address ${hostport}: ${why}` });
  const lastColon = hostport.lastIndexOf(':');
  if (lastColon < 0) return fail('missing port in address');
  let host: string;
  let openFrom = 0;
  let closeFrom = 0;
  if (hostport.startsWith('[')) {
    const end = hostport.indexOf(']');
    if (end < 0) return fail("missing ']' in address");
    if (end + 1 === hostport.length) return fail('missing port in address');
    if (end + 1 !== lastColon) return fail(hostport[end + 1] === ':' ? 'too many colons in address' : 'missing port in address');
    host = hostport.slice(1, end);
    openFrom = 1;
    closeFrom = end + 1;
  } else {
    host = hostport.slice(0, lastColon);
    if (host.includes(':')) return fail('too many colons in address');
  }
  if (hostport.indexOf('[', openFrom) >= 0) return fail("unexpected '[' in address");
  if (hostport.indexOf(']', closeFrom) >= 0) return fail("unexpected ']' in address");
  return { host, port: hostport.slice(lastColon + 1) };
}

/** strconv.Atoi on a 64-bit platform: the value, or Go's *NumError text. */
export function goAtoi(text: string): { value?: bigint; error?: string } {
  const fail = (why: string) => ({ error: `strconv.Atoi: parsing ${goQuote(text)}: ${why}` });
  const unsigned = /^[+-]/.test(text) ? text.slice(1) : text;
  const digits = /^[0-9]*/.exec(unsigned)![0];
  if (digits === '' || digits.length !== unsigned.length) {
    // ParseUint meets an overflow in the leading digits before the bad character.
    return digits !== '' && BigInt(digits) > 2n ** 64n - 1n ? fail('value out of range') : fail('invalid syntax');
  }
  const value = BigInt(text);
  if (value < -(2n ** 63n) || value >= 2n ** 63n) return fail('value out of range');
  return { value };
}

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
  const parsed = goAtoi(port);
  if (parsed.error !== undefined) {
    findings.error(path, `sidecar: defaultEndpoint port (${port}) is not a number: ${parsed.error}`);
  } else {
    findings.errorIfAny(path, checkPortNumber(parsed.value!));
  }
}
