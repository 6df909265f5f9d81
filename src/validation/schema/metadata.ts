/** The ObjectMeta checks the API server makes for every custom resource, in its wording. */
import { fieldError, FieldIssue } from './field-errors';

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

const SUBDOMAIN_HELP = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', "
  + "and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is "
  + "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_HELP = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must "
  + "start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is "
  + "'[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

function checkStringMap(value: unknown, path: string, issues: FieldIssue[]): void {
  if (value === undefined || value === null) return;
  if (typeof value !== 'object' || Array.isArray(value)) {
    issues.push(fieldError.typeInvalid(path, value, `${path} in body must be of type object: "${Array.isArray(value) ? 'array' : typeof value}"`));
    return;
  }
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry !== 'string') {
      const type = entry === null ? 'null' : Array.isArray(entry) ? 'array' : typeof entry;
      issues.push(fieldError.typeInvalid(`${path}.${key}`, entry, `${path}.${key} in body must be of type string: "${type}"`));
    }
  }
}

/** Checks `metadata`: a name (DNS-1123 subdomain), an optional namespace (DNS-1123 label), string maps. */
export function validateMetadata(metadata: unknown, issues: FieldIssue[]): void {
  if (metadata === undefined || metadata === null) {
    issues.push(fieldError.required('metadata.name', 'name or generateName is required'));
    return;
  }
  if (typeof metadata !== 'object' || Array.isArray(metadata)) {
    issues.push(fieldError.typeInvalid('metadata', metadata, 'metadata in body must be of type object'));
    return;
  }
  const meta = metadata as Record<string, unknown>;
  const name = meta.name;
  if (name === undefined || name === '') {
    if (!meta.generateName) issues.push(fieldError.required('metadata.name', 'name or generateName is required'));
  } else if (typeof name !== 'string') {
    issues.push(fieldError.typeInvalid('metadata.name', name, 'metadata.name in body must be of type string'));
  } else {
    if (name.length > 253) issues.push(fieldError.invalid('metadata.name', name, 'must be no more than 253 characters'));
    if (!DNS1123_SUBDOMAIN.test(name)) issues.push(fieldError.invalid('metadata.name', name, SUBDOMAIN_HELP));
  }
  const namespace = meta.namespace;
  if (namespace !== undefined && namespace !== '') {
    if (typeof namespace !== 'string') {
      issues.push(fieldError.typeInvalid('metadata.namespace', namespace, 'metadata.namespace in body must be of type string'));
    } else {
      if (namespace.length > 63) issues.push(fieldError.invalid('metadata.namespace', namespace, 'must be no more than 63 characters'));
      if (!DNS1123_LABEL.test(namespace)) issues.push(fieldError.invalid('metadata.namespace', namespace, LABEL_HELP));
    }
  }
  checkStringMap(meta.labels, 'metadata.labels', issues);
  checkStringMap(meta.annotations, 'metadata.annotations', issues);
}
