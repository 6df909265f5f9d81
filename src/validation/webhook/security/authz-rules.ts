/**
 * ValidateAuthorizationPolicy's checks of one rule: its sources (`from`), operations (`to`) and
 * conditions (`when`), then the warning for a DENY rule that only HTTP attributes can match.
 * A list given as `[]` decodes to a nil Go slice, so Istio's "must not be empty" checks of
 * `from` and `to` (which need a non-nil empty slice) never fire on a decoded object.
 */
import {
  checkAttribute, checkEmptyValues, checkIPs, checkPorts, checkServiceAccount, checkTrustDomainValues, checkValidPathTemplate, ValueError,
} from './attributes';
import { FieldPath } from '../../field-path';
import { Findings } from '../../findings';
import { isSet, listOf, messageOf, stringItems, stringOf } from '../../json';

/** A value error at its item (`field[i]`) or, without an index, at the field (`path`). */
function reportValueError(path: FieldPath, findings: Findings, error: ValueError | undefined): void {
  if (error) findings.error(error.index === undefined ? path : path.index(error.index), error.message);
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
function validateSource(path: FieldPath, findings: Findings, rule: number, source: Record<string, any>): boolean {
  const count = (...fields: string[]) => fields.reduce((n, field) => n + listOf(source[field]).length, 0);
  if (count('principals', 'notPrincipals', 'namespaces', 'notNamespaces') > 0 && count('serviceAccounts', 'notServiceAccounts') > 0) {
    findings.error(path, `cannot set serviceAccounts with namespaces or principals, found at rule ${rule}`);
  }
  if (count(...SOURCE_FIELDS.map(([field]) => field)) === 0) findings.error(path, `\`from.source\` must not be empty, found at rule ${rule}`);
  for (const field of IP_FIELDS) {
    for (const error of checkIPs(stringItems(source[field]))) reportValueError(path.child(field), findings, error);
  }
  for (const [field, name] of SOURCE_FIELDS) {
    const values = stringItems(source[field]);
    const check = /ServiceAccounts$/.test(name) ? checkServiceAccount : /TrustDomains$/.test(name) ? checkTrustDomainValues : checkEmptyValues;
    reportValueError(path.child(field), findings, check(name, values));
  }
  return count(...TCP_SOURCE_FIELDS) > 0;
}

/** One `to` operation; returns whether it holds TCP attributes (ports). */
function validateOperation(path: FieldPath, findings: Findings, rule: number, operation: Record<string, any>): boolean {
  if (OPERATION_FIELDS.every(([field]) => listOf(operation[field]).length === 0)) {
    findings.error(path, `\`to.operation\` must not be empty, found at rule ${rule}`);
  }
  for (const field of ['ports', 'notPorts']) {
    for (const error of checkPorts(stringItems(operation[field]))) reportValueError(path.child(field), findings, error);
  }
  for (const [field, name] of OPERATION_FIELDS) reportValueError(path.child(field), findings, checkEmptyValues(name, stringItems(operation[field])));
  for (const [field, name] of [['paths', 'Paths'], ['notPaths', 'NotPaths']]) {
    reportValueError(path.child(field), findings, checkValidPathTemplate(name, stringItems(operation[field])));
  }
  return listOf(operation.ports).length + listOf(operation.notPorts).length > 0;
}

/** One `when` condition. */
function validateCondition(path: FieldPath, findings: Findings, condition: Record<string, any>): void {
  const key = stringOf(condition.key);
  if (key === '') return findings.error(path.child('key'), '`key` must not be empty');
  const values = stringItems(condition.values);
  const notValues = stringItems(condition.notValues);
  if (values.length === 0 && notValues.length === 0) {
    return findings.error(path, `at least one of \`values\` or \`notValues\` must be set for key ${key}`);
  }
  for (const [field, noun, list] of [['values', 'value', values], ['notValues', 'notValue', notValues]] as const) {
    const error = checkAttribute(key, list);
    if (!error) continue;
    const at = error.aboutKey ? path.child('key') : error.index === undefined ? path.child(field) : path.child(field).index(error.index);
    findings.error(at, `invalid \`${noun}\` for \`key\` ${key}: ${error.message}`);
  }
}

/** All checks of rule `i` at `path`; `deny` adds the warning for a DENY rule without TCP attributes. */
export function validateRule(path: FieldPath, findings: Findings, i: number, value: unknown, deny: boolean): void {
  if (!isSet(value)) return findings.error(path, `\`rule\` must not be nil, found at rule ${i}`);
  const rule = messageOf(value);
  let fromRule = false;
  let toRule = false;
  let tcpInFrom = false;
  let tcpInTo = false;
  listOf(rule.from).forEach((from, j) => {
    const at = path.child('from').index(j);
    if (!isSet(from)) return findings.error(at, `\`from\` must not be nil, found at rule ${i}`);
    const source = messageOf(from).source;
    if (!isSet(source)) return findings.error(at, `\`from.source\` must not be nil, found at rule ${i}`);
    fromRule = true;
    if (validateSource(at.child('source'), findings, i, messageOf(source))) tcpInFrom = true;
    return undefined;
  });
  listOf(rule.to).forEach((to, j) => {
    const at = path.child('to').index(j);
    if (!isSet(to)) return findings.error(at, `\`to\` must not be nil, found at rule ${i}`);
    const operation = messageOf(to).operation;
    if (!isSet(operation)) return findings.error(at, `\`to.operation\` must not be nil, found at rule ${i}`);
    toRule = true;
    if (validateOperation(at.child('operation'), findings, i, messageOf(operation))) tcpInTo = true;
    return undefined;
  });
  listOf(rule.when).forEach((condition, k) => validateCondition(path.child('when').index(k), findings, messageOf(condition)));
  if (deny && ((fromRule && !toRule && !tcpInFrom) || (toRule && !tcpInTo))) {
    findings.warn(path, 'configured AuthorizationPolicy will deny all traffic to TCP ports under its scope due to the use of only HTTP attributes '
      + 'in a DENY rule; it is recommended to explicitly specify the port');
  }
  return undefined;
}
