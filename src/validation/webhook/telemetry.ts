/**
 * Istio's webhook rules for Telemetry (ValidateTelemetry in istio/pkg/config/validation): what it
 * applies to, then metrics, tracing and access logging.
 */
import { entriesOf, isSet, listOf, messageOf, numberOf, stringOf } from '../json';
import { keyPath } from './common/labels';
import { validatePolicyTargets } from './security/policy-target';
import { Findings, KindValidator } from './types';

/** Map entries in key order (Go ranges over maps in random order; this keeps findings stable). */
function sortedEntries(map: unknown): [string, unknown][] {
  return entriesOf(map).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** validateTelemetryProviders: the first provider without a name, reported once per list. */
function validateProviders(f: Findings, path: string, providers: unknown): void {
  const i = listOf(providers).findIndex(p => !isSet(p) || stringOf(messageOf(p).name) === '');
  if (i >= 0) f.error(`${path}[${i}]`, 'providers.name may not be empty');
}

function validateTagOverrides(f: Findings, path: string, tagOverrides: unknown): void {
  for (const [name, override] of sortedEntries(tagOverrides)) {
    const at = keyPath(path, name);
    if (name === '') f.warn(at, 'tagOverrides.name may not be empty');
    if (!isSet(override)) {
      f.error(at, 'tagOverrides may not be null');
      continue;
    }
    const value = stringOf(messageOf(override).value);
    // The operation's zero value is UPSERT.
    const operation = stringOf(messageOf(override).operation) || 'UPSERT';
    if (operation === 'UPSERT' && value === '') f.error(`${at}.value`, 'tagOverrides.value must be set when operation is UPSERT');
    if (operation === 'REMOVE' && value !== '') f.error(`${at}.value`, 'tagOverrides.value may only be set when operation is UPSERT');
  }
}

function validateMetrics(f: Findings, metrics: unknown): void {
  listOf(metrics).forEach((item, i) => {
    if (!isSet(item)) return;
    const path = `spec.metrics[${i}]`;
    const m = messageOf(item);
    validateProviders(f, `${path}.providers`, m.providers);
    listOf(m.overrides).forEach((o, j) => {
      const at = `${path}.overrides[${j}]`;
      if (!isSet(o)) {
        f.error(at, 'tagOverrides may not be null');
        return;
      }
      const override = messageOf(o);
      validateTagOverrides(f, `${at}.tagOverrides`, override.tagOverrides);
      const match = messageOf(override.match);
      if (isSet(match.customMetric) && stringOf(match.customMetric) === '') f.error(`${at}.match.customMetric`, 'customMetric may not be empty');
    });
  });
}

/** A custom tag: its one type (literal, header, environment) needs its value or name. */
function validateCustomTag(f: Findings, path: string, tag: Record<string, any>): void {
  if (isSet(tag.literal)) {
    if (stringOf(messageOf(tag.literal).value) === '') f.error(`${path}.literal.value`, 'literal tag value may not be empty');
  } else if (isSet(tag.header)) {
    if (stringOf(messageOf(tag.header).name) === '') f.error(`${path}.header.name`, 'header tag name may not be empty');
  } else if (isSet(tag.environment)) {
    if (stringOf(messageOf(tag.environment).name) === '') f.error(`${path}.environment.name`, 'environment tag name may not be empty');
  }
}

function validateTracing(f: Findings, tracing: unknown): void {
  const list = listOf(tracing);
  if (list.length > 1) f.warn('spec.tracing', 'multiple tracing is not currently supported');
  list.forEach((item, i) => {
    if (!isSet(item)) return;
    const path = `spec.tracing[${i}]`;
    const t = messageOf(item);
    if (listOf(t.providers).length > 1) f.warn(`${path}.providers`, 'multiple providers is not currently supported');
    validateProviders(f, `${path}.providers`, t.providers);
    const sampling = numberOf(t.randomSamplingPercentage);
    if (sampling < 0 || sampling > 100) f.error(`${path}.randomSamplingPercentage`, 'randomSamplingPercentage must be in range [0.0, 100.0]');
    for (const [name, tag] of sortedEntries(t.customTags)) {
      const at = keyPath(`${path}.customTags`, name);
      if (name === '') f.error(at, 'tag name may not be empty');
      if (!isSet(tag)) f.error(at, `tag '${name}' may not have a nil value`);
      else validateCustomTag(f, at, messageOf(tag));
    }
  });
}

interface CelParser { parse(expression: string): unknown }
let celParser: CelParser | undefined;

/**
 * validateTelemetryFilter: the filter must parse as CEL. Istio parses with cel-go; we parse with
 * @bufbuild/cel's parser, so the verdict is that parser's and the text after Istio's prefix is
 * its error, not cel-go's.
 */
function celParseError(expression: string): string | undefined {
  if (!celParser) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    celParser = require('@bufbuild/cel') as CelParser;
  }
  try {
    celParser.parse(expression);
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

function validateAccessLogging(f: Findings, logging: unknown): void {
  listOf(logging).forEach((item, i) => {
    if (!isSet(item)) return;
    const path = `spec.accessLogging[${i}]`;
    const l = messageOf(item);
    if (isSet(l.filter)) {
      const error = celParseError(stringOf(messageOf(l.filter).expression));
      if (error !== undefined) f.error(`${path}.filter.expression`, `must be a valid CEL expression, ${error}`);
    }
    validateProviders(f, `${path}.providers`, l.providers);
  });
}

export const validateTelemetry: KindValidator = obj => {
  const f = new Findings();
  const spec = obj.spec;
  validatePolicyTargets(f, spec);
  validateMetrics(f, spec.metrics);
  validateTracing(f, spec.tracing);
  validateAccessLogging(f, spec.accessLogging);
  return f.list;
};
