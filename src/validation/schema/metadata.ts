/** The ObjectMeta checks the API server makes for every custom resource, in its wording (apimachinery). */
import { fieldError, FieldIssue } from './field-errors';

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

/** IsDNS1123Subdomain's messages for `value`. */
function subdomainErrors(value: string): string[] {
  const errors: string[] = [];
  if (value.length > 253) errors.push('must be no more than 253 characters');
  if (!DNS1123_SUBDOMAIN.test(value)) errors.push(SUBDOMAIN_ERROR);
  return errors;
}

/** IsDNS1123Label's messages: a valid subdomain that is no label can only be wrong for its dots. */
function labelErrors(value: string): string[] {
  const errors: string[] = [];
  if (value.length > 63) errors.push('must be no more than 63 characters');
  if (!DNS1123_LABEL.test(value)) errors.push(DNS1123_SUBDOMAIN.test(value) ? 'must not contain dots' : LABEL_ERROR);
  return errors;
}

/** IsQualifiedName's messages: `[prefix/]name`, a DNS subdomain prefix and a 63-character name. */
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
function typeMismatch(path: string, expected: string, value: unknown): FieldIssue {
  const actual = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  return fieldError.typeInvalid(path, actual, `${path} in body must be of type ${expected}: "${actual}"`);
}

function stringMap(value: unknown, path: string, issues: FieldIssue[]): Record<string, string> | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) {
    issues.push(typeMismatch(path, 'object', value));
    return undefined;
  }
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry !== 'string') issues.push(typeMismatch(`${path}.${key}`, 'string', entry));
  }
  return value as Record<string, string>;
}

function checkName(meta: Record<string, unknown>, issues: FieldIssue[]): void {
  const name = meta.name;
  if (name === undefined || name === null || name === '') {
    if (!meta.generateName) issues.push(fieldError.required('metadata.name', 'name or generateName is required'));
  } else if (typeof name !== 'string') {
    issues.push(typeMismatch('metadata.name', 'string', name));
  } else {
    for (const error of subdomainErrors(name)) issues.push(fieldError.invalid('metadata.name', name, error));
  }
}

function checkNamespace(meta: Record<string, unknown>, issues: FieldIssue[]): void {
  const namespace = meta.namespace;
  if (namespace === undefined || namespace === null || namespace === '') return;
  if (typeof namespace !== 'string') {
    issues.push(typeMismatch('metadata.namespace', 'string', namespace));
    return;
  }
  for (const error of labelErrors(namespace)) issues.push(fieldError.invalid('metadata.namespace', namespace, error));
}

/** Checks `metadata`: a name, an optional namespace, labels and annotations, as ValidateObjectMeta does. */
export function validateMetadata(metadata: unknown, issues: FieldIssue[]): void {
  if (metadata === undefined || metadata === null) {
    issues.push(fieldError.required('metadata.name', 'name or generateName is required'));
    return;
  }
  if (typeof metadata !== 'object' || Array.isArray(metadata)) {
    issues.push(typeMismatch('metadata', 'object', metadata));
    return;
  }
  const meta = metadata as Record<string, unknown>;
  checkName(meta, issues);
  checkNamespace(meta, issues);
  const labels = stringMap(meta.labels, 'metadata.labels', issues) ?? {};
  for (const [key, value] of Object.entries(labels)) {
    for (const error of qualifiedNameErrors(key)) issues.push(fieldError.invalid('metadata.labels', key, error));
    if (typeof value !== 'string') continue;
    if (value.length > 63) issues.push(fieldError.invalid('metadata.labels', value, 'must be no more than 63 characters'));
    if (!LABEL_VALUE.test(value)) issues.push(fieldError.invalid('metadata.labels', value, LABEL_VALUE_ERROR));
  }
  const annotations = stringMap(meta.annotations, 'metadata.annotations', issues) ?? {};
  let size = 0;
  for (const [key, value] of Object.entries(annotations)) {
    for (const error of qualifiedNameErrors(key.toLowerCase())) issues.push(fieldError.invalid('metadata.annotations', key, error));
    size += key.length + (typeof value === 'string' ? value.length : 0);
  }
  if (size > 256 * 1024) {
    issues.push({ path: 'metadata.annotations', message: `Too long: may not be more than ${256 * 1024} bytes`, blocking: true });
  }
}
