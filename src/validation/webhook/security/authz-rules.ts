/**
 * ValidateAuthorizationPolicy's checks of one rule: its sources (`from`), operations (`to`) and
 * conditions (`when`), then the warning for a DENY rule that only HTTP attributes can match.
 * A list given as `[]` decodes to a nil Go slice, so Istio's "must not be empty" checks of
 * `from` and `to` (which need a non-nil empty slice) never fire on a decoded object.
 */
import { isSet, listOf, messageOf, stringOf } from '../../json';
import { Findings } from '../types';
import {
  checkEmptyValues, checkServiceAccount, checkTrustDomainValues, checkValidPathTemplate, validateAttribute, validateIPs, validatePorts, ValueError,
} from './attributes';

/** A repeated string field. */
const strings = (value: unknown): string[] => listOf(value).map(stringOf);

/** A value error at its item (`field[i]`) or at the field. */
function report(f: Findings, field: string, error: ValueError | undefined): void {
  if (error) f.error(error.index === undefined ? field : `${field}[${error.index}]`, error.message);
}

// Source fields in the order Istio 1.30.3 checks their values: the service accounts get
// CheckServiceAccount, the trust domains CheckTrustDomainValues, the others CheckEmptyValues.
const SOURCE_FIELDS: [string, string][] = [
  ['principals', 'Principals'], ['requestPrincipals', 'RequestPrincipals'], ['namespaces', 'Namespaces'],
  ['serviceAccounts', 'ServiceAccounts'], ['trustDomains', 'TrustDomains'], ['ipBlocks', 'IpBlocks'], ['remoteIpBlocks', 'RemoteIpBlocks'],
  ['notPrincipals', 'NotPrincipals'], ['notRequestPrincipals', 'NotRequestPrincipals'], ['notNamespaces', 'NotNamespaces'],
  ['notServiceAccounts', 'NotServiceAccounts'], ['notTrustDomains', 'NotTrustDomains'], ['notIpBlocks', 'NotIpBlocks'],
  ['notRemoteIpBlocks', 'NotRemoteIpBlocks'],
];
/**
 * Source fields that count as TCP attributes for the DENY warning: in 1.30.3 the principals,
 * namespaces, IP blocks and service accounts (and their negations) — not the request principals
 * and not the trust domains.
 */
const TCP_SOURCE_FIELDS = [
  'principals', 'notPrincipals', 'ipBlocks', 'notIpBlocks', 'namespaces', 'notNamespaces',
  'remoteIpBlocks', 'notRemoteIpBlocks', 'serviceAccounts', 'notServiceAccounts',
];
const IP_FIELDS = ['ipBlocks', 'notIpBlocks', 'remoteIpBlocks', 'notRemoteIpBlocks'];
const OPERATION_FIELDS: [string, string][] = [
  ['ports', 'Ports'], ['methods', 'Methods'], ['paths', 'Paths'], ['hosts', 'Hosts'],
  ['notPorts', 'NotPorts'], ['notMethods', 'NotMethods'], ['notPaths', 'NotPaths'], ['notHosts', 'NotHosts'],
];

/** One `from` source; returns whether it holds TCP attributes. */
function validateSource(f: Findings, path: string, rule: number, source: Record<string, any>): boolean {
  const count = (...fields: string[]) => fields.reduce((n, field) => n + listOf(source[field]).length, 0);
  if (count('principals', 'notPrincipals', 'namespaces', 'notNamespaces') > 0 && count('serviceAccounts', 'notServiceAccounts') > 0) {
    f.error(path, `cannot set serviceAccounts with namespaces or principals, found at rule ${rule}`);
  }
  if (count(...SOURCE_FIELDS.map(([field]) => field)) === 0) f.error(path, `\`from.source\` must not be empty, found at rule ${rule}`);
  for (const field of IP_FIELDS) {
    for (const error of validateIPs(strings(source[field]))) report(f, `${path}.${field}`, error);
  }
  for (const [field, name] of SOURCE_FIELDS) {
    const values = strings(source[field]);
    const check = /ServiceAccounts$/.test(name) ? checkServiceAccount : /TrustDomains$/.test(name) ? checkTrustDomainValues : checkEmptyValues;
    report(f, `${path}.${field}`, check(name, values));
  }
  return count(...TCP_SOURCE_FIELDS) > 0;
}

/** One `to` operation; returns whether it holds TCP attributes (ports). */
function validateOperation(f: Findings, path: string, rule: number, operation: Record<string, any>): boolean {
  if (OPERATION_FIELDS.every(([field]) => listOf(operation[field]).length === 0)) {
    f.error(path, `\`to.operation\` must not be empty, found at rule ${rule}`);
  }
  for (const field of ['ports', 'notPorts']) {
    for (const error of validatePorts(strings(operation[field]))) report(f, `${path}.${field}`, error);
  }
  for (const [field, name] of OPERATION_FIELDS) report(f, `${path}.${field}`, checkEmptyValues(name, strings(operation[field])));
  for (const [field, name] of [['paths', 'Paths'], ['notPaths', 'NotPaths']]) {
    report(f, `${path}.${field}`, checkValidPathTemplate(name, strings(operation[field])));
  }
  return listOf(operation.ports).length + listOf(operation.notPorts).length > 0;
}

/** One `when` condition. */
function validateCondition(f: Findings, path: string, condition: Record<string, any>): void {
  const key = stringOf(condition.key);
  if (key === '') return f.error(`${path}.key`, '`key` must not be empty');
  const values = strings(condition.values);
  const notValues = strings(condition.notValues);
  if (values.length === 0 && notValues.length === 0) {
    return f.error(path, `at least one of \`values\` or \`notValues\` must be set for key ${key}`);
  }
  for (const [field, noun, list] of [['values', 'value', values], ['notValues', 'notValue', notValues]] as const) {
    const error = validateAttribute(key, list);
    if (!error) continue;
    const at = error.aboutKey ? `${path}.key` : error.index === undefined ? `${path}.${field}` : `${path}.${field}[${error.index}]`;
    f.error(at, `invalid \`${noun}\` for \`key\` ${key}: ${error.message}`);
  }
}

/** All checks of rule `i` at `path`; `deny` adds the warning for a DENY rule without TCP attributes. */
export function validateRule(f: Findings, path: string, i: number, value: unknown, deny: boolean): void {
  if (!isSet(value)) return f.error(path, `\`rule\` must not be nil, found at rule ${i}`);
  const rule = messageOf(value);
  let fromRule = false;
  let toRule = false;
  let tcpInFrom = false;
  let tcpInTo = false;
  listOf(rule.from).forEach((from, j) => {
    const at = `${path}.from[${j}]`;
    if (!isSet(from)) return f.error(at, `\`from\` must not be nil, found at rule ${i}`);
    const source = messageOf(from).source;
    if (!isSet(source)) return f.error(at, `\`from.source\` must not be nil, found at rule ${i}`);
    fromRule = true;
    if (validateSource(f, `${at}.source`, i, messageOf(source))) tcpInFrom = true;
    return undefined;
  });
  listOf(rule.to).forEach((to, j) => {
    const at = `${path}.to[${j}]`;
    if (!isSet(to)) return f.error(at, `\`to\` must not be nil, found at rule ${i}`);
    const operation = messageOf(to).operation;
    if (!isSet(operation)) return f.error(at, `\`to.operation\` must not be nil, found at rule ${i}`);
    toRule = true;
    if (validateOperation(f, `${at}.operation`, i, messageOf(operation))) tcpInTo = true;
    return undefined;
  });
  listOf(rule.when).forEach((condition, k) => validateCondition(f, `${path}.when[${k}]`, messageOf(condition)));
  if (deny && ((fromRule && !toRule && !tcpInFrom) || (toRule && !tcpInTo))) {
    f.warn(path, 'configured AuthorizationPolicy will deny all traffic to TCP ports under its scope due to the use of only HTTP attributes '
      + 'in a DENY rule; it is recommended to explicitly specify the port');
  }
  return undefined;
}
