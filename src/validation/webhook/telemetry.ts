/**
 * Istio's webhook rules for Telemetry (ValidateTelemetry in istio/pkg/config/validation): what it
 * applies to, then metrics, tracing and access logging.
 */
import { validatePolicyTargets } from './security/policy-target';
import { KindValidator } from './types';
import { FieldPath } from '../field-path';
import { Findings } from '../findings';
import { entriesOf, isSet, listOf, messageOf, numberOf, stringOf } from '../json';

const SPEC = FieldPath.at('spec');

/** Map entries in key order (Go ranges over maps in random order; this keeps findings stable). */
function sortedEntries(map: unknown): [string, unknown][] {
  return entriesOf(map).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** validateTelemetryProviders: the first provider without a name, reported once per list. */
function validateProviders(path: FieldPath, findings: Findings, providers: unknown): void {
  const i = listOf(providers).findIndex(p => !isSet(p) || stringOf(messageOf(p).name) === '');
  if (i >= 0) findings.error(path.index(i), 'providers.name may not be empty');
}

function validateTagOverrides(path: FieldPath, findings: Findings, tagOverrides: unknown): void {
  for (const [name, override] of sortedEntries(tagOverrides)) {
    const at = path.key(name);
    if (name === '') findings.warn(at, 'tagOverrides.name may not be empty');
    if (!isSet(override)) {
      findings.error(at, 'tagOverrides may not be null');
      continue;
    }
    const value = stringOf(messageOf(override).value);
    // The operation's zero value is UPSERT.
    const operation = stringOf(messageOf(override).operation) || 'UPSERT';
    if (operation === 'UPSERT' && value === '') findings.error(at.child('value'), 'tagOverrides.value must be set when operation is UPSERT');
    if (operation === 'REMOVE' && value !== '') findings.error(at.child('value'), 'tagOverrides.value may only be set when operation is UPSERT');
  }
}

function validateMetrics(path: FieldPath, findings: Findings, metrics: unknown): void {
  listOf(metrics).forEach((item, i) => {
    if (!isSet(item)) return;
    const metric = path.index(i);
    const m = messageOf(item);
    validateProviders(metric.child('providers'), findings, m.providers);
    listOf(m.overrides).forEach((o, j) => {
      const at = metric.child('overrides').index(j);
      if (!isSet(o)) {
        findings.error(at, 'tagOverrides may not be null');
        return;
      }
      const override = messageOf(o);
      validateTagOverrides(at.child('tagOverrides'), findings, override.tagOverrides);
      const match = messageOf(override.match);
      if (isSet(match.customMetric) && stringOf(match.customMetric) === '') {
        findings.error(at.child('match', 'customMetric'), 'customMetric may not be empty');
      }
    });
  });
}

/** A custom tag: its one type (literal, header, environment) needs its value or name. */
function validateCustomTag(path: FieldPath, findings: Findings, tag: Record<string, any>): void {
  if (isSet(tag.literal)) {
    if (stringOf(messageOf(tag.literal).value) === '') findings.error(path.child('literal', 'value'), 'literal tag value may not be empty');
  } else if (isSet(tag.header)) {
    if (stringOf(messageOf(tag.header).name) === '') findings.error(path.child('header', 'name'), 'header tag name may not be empty');
  } else if (isSet(tag.environment)) {
    if (stringOf(messageOf(tag.environment).name) === '') findings.error(path.child('environment', 'name'), 'environment tag name may not be empty');
  }
}

function validateTracing(path: FieldPath, findings: Findings, tracing: unknown): void {
  const list = listOf(tracing);
  if (list.length > 1) findings.warn(path, 'multiple tracing is not currently supported');
  list.forEach((item, i) => {
    if (!isSet(item)) return;
    const at = path.index(i);
    const t = messageOf(item);
    if (listOf(t.providers).length > 1) findings.warn(at.child('providers'), 'multiple providers is not currently supported');
    validateProviders(at.child('providers'), findings, t.providers);
    const sampling = numberOf(t.randomSamplingPercentage);
    if (sampling < 0 || sampling > 100) {
      findings.error(at.child('randomSamplingPercentage'), 'randomSamplingPercentage must be in range [0.0, 100.0]');
    }
    for (const [name, tag] of sortedEntries(t.customTags)) {
      const tagPath = at.child('customTags').key(name);
      if (name === '') findings.error(tagPath, 'tag name may not be empty');
      if (!isSet(tag)) findings.error(tagPath, `tag '${name}' may not have a nil value`);
      else validateCustomTag(tagPath, findings, messageOf(tag));
    }
  });
}

interface CelParser { parse(expression: string): unknown }
let celParser: CelParser | undefined;

/** The error of @bufbuild/cel's parser for an expression, or undefined when it parses. */
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

/**
 * validateTelemetryFilter: the filter must parse as CEL. Istio parses with cel-go; we parse with
 * @bufbuild/cel's parser, so the verdict is that parser's and the text after Istio's prefix is
 * its error, not cel-go's.
 */
function checkTelemetryFilter(expression: string): string | undefined {
  const error = celParseError(expression);
  return error === undefined ? undefined : `must be a valid CEL expression, ${error}`;
}

function validateAccessLogging(path: FieldPath, findings: Findings, logging: unknown): void {
  listOf(logging).forEach((item, i) => {
    if (!isSet(item)) return;
    const at = path.index(i);
    const l = messageOf(item);
    if (isSet(l.filter)) {
      findings.errorIfAny(at.child('filter', 'expression'), checkTelemetryFilter(stringOf(messageOf(l.filter).expression)));
    }
    validateProviders(at.child('providers'), findings, l.providers);
  });
}

export const validateTelemetry: KindValidator = (obj, findings) => {
  const spec = obj.spec;
  validatePolicyTargets(SPEC, findings, spec);
  validateMetrics(SPEC.child('metrics'), findings, spec.metrics);
  validateTracing(SPEC.child('tracing'), findings, spec.tracing);
  validateAccessLogging(SPEC.child('accessLogging'), findings, spec.accessLogging);
};
