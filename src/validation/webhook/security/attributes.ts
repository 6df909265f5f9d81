/**
 * The value checks of istio/pkg/config/security that AuthorizationPolicy rules run: IPs and CIDRs,
 * ports, empty values, service accounts, path templates, and the `when` condition keys
 * (ValidateAttribute). Each check returns its errors with the index of the value at fault
 * (undefined when the error is about the whole list or the key); authz-rules.ts reports them at
 * their paths.
 */
import { byteLength } from '../../../go/builtin';
import { goQuote } from '../../../go/format';
import { multiErrorText } from '../../../go/multierror';
import { parseAddrError, parsePrefixError } from '../../../go/netip';
import { parseUintError } from '../../../go/strconv';

/** One error of a security check. */
export interface ValueError {
  /** Index of the offending value in its list; undefined when the list or the key is at fault. */
  readonly index?: number;
  /** Whether the error is about the condition key rather than its values (ValidateAttribute). */
  readonly aboutKey?: boolean;
  readonly message: string;
}

/** CheckEmptyValues: the first empty value. */
export function checkEmptyValues(key: string, values: readonly string[]): ValueError | undefined {
  const index = values.indexOf('');
  return index < 0 ? undefined : { index, message: `empty value not allowed, found in ${key}` };
}

/**
 * CheckWildcardValues: non-empty values with at most one `*`, only at the start or end (exact,
 * `foo*`, `*foo` or `*`); the first error.
 */
export function checkWildcardValues(key: string, values: readonly string[]): ValueError | undefined {
  const empty = checkEmptyValues(key, values);
  if (empty) return empty;
  for (let index = 0; index < values.length; index++) {
    const value = values[index];
    const count = value.split('*').length - 1;
    if (count > 1) return { index, message: `at most one wildcard is allowed, found in ${key}: ${goQuote(value)}` };
    if (count === 1 && value !== '*' && !value.startsWith('*') && !value.endsWith('*')) {
      return { index, message: `wildcard is only allowed at the start or end, found in ${key}: ${goQuote(value)}` };
    }
  }
  return undefined;
}

/** CheckTrustDomainValues: CheckWildcardValues, then no value may contain '/'; the first error. */
export function checkTrustDomainValues(key: string, values: readonly string[]): ValueError | undefined {
  const wildcard = checkWildcardValues(key, values);
  if (wildcard) return wildcard;
  const index = values.findIndex(value => value.includes('/'));
  return index < 0 ? undefined : { index, message: `trust domain must not contain '/', found in ${key}: ${goQuote(values[index])}` };
}

/** CheckServiceAccount: at most 16 values, each `serviceAccount` or `namespace/serviceAccount`; the first error. */
export function checkServiceAccount(key: string, values: readonly string[]): ValueError | undefined {
  if (values.length > 16) return { message: 'may not have more than 16 values' };
  const expected = "expected format 'serviceAccount' or 'namespace/serviceAccount'";
  for (let index = 0; index < values.length; index++) {
    const value = values[index];
    const fail = (message: string): ValueError => ({ index, message });
    if (value === '') return fail(`empty value not allowed, found in ${key}`);
    if (value.includes('*')) return fail(`wildcard not allowed, found in ${key}`);
    const slashes = value.split('/').length - 1;
    if (slashes > 1) return fail(`${expected}, found ${goQuote(value)} in ${key}`);
    if (byteLength(value) > 320) return fail(`value cannot exceed 320 characters, found ${goQuote(value)} in ${key}`);
    if (slashes === 1) {
      const [namespace, account] = value.split('/');
      if (namespace === '') return fail(`${expected}, found empty namespace ${goQuote(value)} in ${key}`);
      if (account === '') return fail(`${expected}, found empty serviceAccount ${goQuote(value)} in ${key}`);
    }
  }
  return undefined;
}

/** ValidateIPs: every value an IP address, or a CIDR range when it has a '/'; one error per bad value. */
export function checkIPs(values: readonly string[]): ValueError[] {
  const errors: ValueError[] = [];
  values.forEach((value, index) => {
    if (value.includes('/')) {
      const error = parsePrefixError(value);
      if (error) errors.push({ index, message: `bad CIDR range (${value}): ${error}` });
    } else if (parseAddrError(value)) {
      errors.push({ index, message: `bad IP address (${value})` });
    }
  });
  return errors;
}

/** ValidatePorts: every value a decimal port up to 65535 (ParseUint's error, `<nil>` when it parsed but is too big). */
export function checkPorts(values: readonly string[]): ValueError[] {
  const errors: ValueError[] = [];
  values.forEach((value, index) => {
    const error = parseUintError(value, 32);
    if (error || Number(value) > 65535) errors.push({ index, message: `bad port (${value}): ${error ?? '<nil>'}` });
  });
  return errors;
}

// Valid pchar of RFC 3986 (security.validLiteral).
const VALID_LITERAL = /^[a-zA-Z0-9\-._~%!$&'()+,;:@=]+$/;
const MATCH_ONE = '{*}';
const MATCH_ANY = '{**}';

/** CheckValidPathTemplate: `{*}` / `{**}` segments well placed, no other braces, literal segments; the first error. */
export function checkValidPathTemplate(key: string, paths: readonly string[]): ValueError | undefined {
  for (let index = 0; index < paths.length; index++) {
    const hasTemplate = paths[index].includes(MATCH_ONE) || paths[index].includes(MATCH_ANY);
    // Istio names the path with its leading and trailing slashes trimmed.
    const path = paths[index].replace(/^\/+|\/+$/g, '');
    const invalid = (why: string): ValueError => ({ index, message: `invalid or unsupported path ${path}, found in ${key}. ${why}` });
    let sawMatchAny = false;
    for (const glob of path.split('/')) {
      if (glob === MATCH_ONE || glob === MATCH_ANY) {
        if (sawMatchAny) return invalid('{**} is not the last operator');
        sawMatchAny = glob === MATCH_ANY;
        continue;
      }
      if (glob.includes('{') || glob.includes('}')) return invalid("Contains '{' or '}' beyond a supported path template");
      if (hasTemplate && !VALID_LITERAL.test(glob)) return invalid(`Contains segment ${glob} with invalid string literal`);
    }
  }
  return undefined;
}

/** validateMapKey: `name[key]` with a non-empty key. */
function checkMapKey(key: string): string | undefined {
  const open = key.indexOf('[');
  return key.endsWith(']') && open > 0 && open < key.length - 2 ? undefined : `bad key (${key}): should have format a[b]`;
}

/** Condition keys whose values need no check beyond being non-empty. */
const PLAIN_ATTRIBUTES = new Set([
  'source.namespace', 'source.principal', 'request.auth.principal', 'request.auth.audiences', 'request.auth.presenter', 'connection.sni',
]);
/** Condition keys of the form `name[key]`, by prefix. */
const MAP_ATTRIBUTE_PREFIXES = ['request.headers', 'request.experimental.inline.headers', 'request.auth.claims', 'experimental.envoy.filters.'];
const IP_ATTRIBUTES = new Set(['source.ip', 'remote.ip', 'destination.ip']);

/** ValidateIPs / ValidatePorts errors as the one Go error they return: a multierror, printed as a list. */
function asMultiError(errors: readonly ValueError[]): ValueError | undefined {
  if (errors.length === 0) return undefined;
  return { index: errors[0].index, message: multiErrorText(errors.map(e => e.message)) };
}

/** The key-level error of ValidateAttribute for keys it does not check values of, or undefined. */
function keyError(key: string): string | undefined {
  if (MAP_ATTRIBUTE_PREFIXES.some(prefix => key.startsWith(prefix))) return checkMapKey(key);
  if (PLAIN_ATTRIBUTES.has(key)) return undefined;
  if (key === 'destination.namespace') return `attribute ${key} is replaced by the metadata.namespace`;
  if (key.startsWith('destination.labels')) return `attribute ${key} is replaced by the workload selector`;
  if (key === 'destination.name' || key === 'destination.user') return `deprecated attribute ${key}: only supported in v1alpha1`;
  return `unknown attribute: ${key}`;
}

/**
 * ValidateAttribute: the values of a `when` condition for its key; Istio returns one error. The
 * supported keys are disjoint, so the order of Istio's switch does not matter past the empty check.
 */
export function checkAttribute(key: string, values: readonly string[]): ValueError | undefined {
  const empty = checkEmptyValues(key, values);
  if (empty) return empty;
  if (IP_ATTRIBUTES.has(key)) return asMultiError(checkIPs(values));
  if (key === 'destination.port') return asMultiError(checkPorts(values));
  if (key === 'source.serviceAccount') return checkServiceAccount(key, values);
  // CheckWildcardValues only: unlike from.source.trustDomains, a condition value may contain '/'.
  if (key === 'source.trustDomain') return checkWildcardValues(key, values);
  const message = keyError(key);
  return message === undefined ? undefined : { aboutKey: true, message };
}
