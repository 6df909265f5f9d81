/** The ObjectMeta checks the API server makes for every custom resource, in its wording (apimachinery). */
import { fieldError } from './field-errors';
import type { FieldPath } from '../field-path';
import type { Finding, Findings } from '../findings';
import { isRecord } from '../json';

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** apimachinery's RegexError: the message, examples joined by ",  or " (sic), and the regex. */
function regexError(message: string, regex: string, ...examples: string[]): string {
  return `${message} (e.g. ${examples.map(e => `'${e}'`).join(',  or ')}, regex used for validation is '${regex}')`;
}

const SUBDOMAIN_ERROR = regexError("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', "
  + 'and must start and end with an alphanumeric character', '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*', 'example.com');
const LABEL_ERROR = regexError("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must "
  + 'start and end with an alphanumeric character', '[a-z0-9]([-a-z0-9]*[a-z0-9])?', 'my-name', '123-abc');
const QUALIFIED_NAME_MESSAGE = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const QUALIFIED_NAME_ERROR = regexError(QUALIFIED_NAME_MESSAGE, '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]', 'MyName', 'my.name', '123-abc');
const LABEL_VALUE_ERROR = regexError("a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', "
  + 'and must start and end with an alphanumeric character', '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?', 'MyValue', 'my_value', '12345');

/** IsDNS1123Subdomain's messages for `value` (apimachinery/pkg/util/validation). */
function subdomainErrors(value: string): string[] {
  const errors: string[] = [];
  if (value.length > 253) errors.push('must be no more than 253 characters');
  if (!DNS1123_SUBDOMAIN.test(value)) errors.push(SUBDOMAIN_ERROR);
  return errors;
}

/** IsDNS1123Label's messages (apimachinery/pkg/util/validation): a valid subdomain that is no label can only be wrong for its dots. */
function labelErrors(value: string): string[] {
  const errors: string[] = [];
  if (value.length > 63) errors.push('must be no more than 63 characters');
  if (!DNS1123_LABEL.test(value)) errors.push(DNS1123_SUBDOMAIN.test(value) ? 'must not contain dots' : LABEL_ERROR);
  return errors;
}

/** IsQualifiedName's messages (apimachinery/pkg/util/validation): `[prefix/]name`, a DNS subdomain prefix and a 63-character name. */
function qualifiedNameErrors(value: string): string[] {
  const parts = value.split('/');
  if (parts.length > 2) {
    return [`a qualified name ${QUALIFIED_NAME_ERROR} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`];
  }
  const errors: string[] = [];
  const name = parts[parts.length - 1];
  if (parts.length === 2) {
    if (parts[0] === '') errors.push('prefix part must be non-empty');
    else errors.push(...subdomainErrors(parts[0]).map(error => `prefix part ${error}`));
  }
  if (name === '') errors.push('name part must be non-empty');
  else if (name.length > 63) errors.push('name part must be no more than 63 characters');
  if (!QUALIFIED_NAME.test(name)) errors.push(`name part ${QUALIFIED_NAME_ERROR}`);
  return errors;
}

/** `<path> in body must be of type <expected>: "<actual>"`, the actual type named as JavaScript sees it. */
function typeMismatch(path: FieldPath, expected: string, value: unknown): Finding {
  const actual = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  return fieldError.typeInvalid(path, actual, `${path} in body must be of type ${expected}: "${actual}"`);
}

/**
 * `metadata[field]` (labels, annotations) when it is a map: a type error when it is no object or a
 * value is no string. Like every check below, it takes metadata's `path` and builds the path of a
 * field only for an error: a valid object costs no path.
 */
function validateStringMap(path: FieldPath, findings: Findings, metadata: Record<string, unknown>, field: string):
Record<string, string> | undefined {
  const value = metadata[field];
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value)) {
    findings.add(typeMismatch(path.child(field), 'object', value));
    return undefined;
  }
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry !== 'string') findings.add(typeMismatch(path.child(field, key), 'string', entry));
  }
  return value;
}

/** `name`: required unless `generateName` is given, a DNS-1123 subdomain. */
function validateName(path: FieldPath, findings: Findings, metadata: Record<string, unknown>): void {
  const name = metadata.name;
  if (name === undefined || name === null || name === '') {
    if (!metadata.generateName) findings.add(fieldError.required(path.child('name'), 'name or generateName is required'));
  } else if (typeof name !== 'string') {
    findings.add(typeMismatch(path.child('name'), 'string', name));
  } else {
    for (const error of subdomainErrors(name)) findings.add(fieldError.invalid(path.child('name'), name, error));
  }
}

/** `namespace`: optional, a DNS-1123 label. */
function validateNamespace(path: FieldPath, findings: Findings, metadata: Record<string, unknown>): void {
  const namespace = metadata.namespace;
  if (namespace === undefined || namespace === null || namespace === '') return;
  if (typeof namespace !== 'string') {
    findings.add(typeMismatch(path.child('namespace'), 'string', namespace));
    return;
  }
  for (const error of labelErrors(namespace)) findings.add(fieldError.invalid(path.child('namespace'), namespace, error));
}

/** `labels`: qualified names mapped to label values, both reported on the map itself (ValidateLabels). */
function validateLabels(path: FieldPath, findings: Findings, metadata: Record<string, unknown>): void {
  const labels = validateStringMap(path, findings, metadata, 'labels') ?? {};
  for (const [key, label] of Object.entries(labels)) {
    for (const error of qualifiedNameErrors(key)) findings.add(fieldError.invalid(path.child('labels'), key, error));
    if (typeof label !== 'string') continue;
    if (label.length > 63) findings.add(fieldError.invalid(path.child('labels'), label, 'must be no more than 63 characters'));
    if (!LABEL_VALUE.test(label)) findings.add(fieldError.invalid(path.child('labels'), label, LABEL_VALUE_ERROR));
  }
}

/** `annotations`: qualified names (case-insensitive), 256 KiB in all (ValidateAnnotations). */
function validateAnnotations(path: FieldPath, findings: Findings, metadata: Record<string, unknown>): void {
  const annotations = validateStringMap(path, findings, metadata, 'annotations') ?? {};
  let size = 0;
  for (const [key, annotation] of Object.entries(annotations)) {
    for (const error of qualifiedNameErrors(key.toLowerCase())) findings.add(fieldError.invalid(path.child('annotations'), key, error));
    size += key.length + (typeof annotation === 'string' ? annotation.length : 0);
  }
  if (size > 256 * 1024) findings.add(fieldError.tooLong(path.child('annotations'), 256 * 1024));
}

/**
 * Appends what is wrong with `metadata` (at `path`): a name, an optional namespace, labels and
 * annotations, as ValidateObjectMeta (apimachinery/pkg/api/validation) checks them.
 */
export function validateMetadata(path: FieldPath, findings: Findings, metadata: unknown): void {
  if (metadata === undefined || metadata === null) {
    findings.add(fieldError.required(path.child('name'), 'name or generateName is required'));
    return;
  }
  if (!isRecord(metadata)) {
    findings.add(typeMismatch(path, 'object', metadata));
    return;
  }
  validateName(path, findings, metadata);
  validateNamespace(path, findings, metadata);
  validateLabels(path, findings, metadata);
  validateAnnotations(path, findings, metadata);
}
