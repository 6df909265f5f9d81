/**
 * What AbTest and HeaderRouting check beyond versioned-routing.ts (internal: not exported by the
 * package): versions named once, request header names and source labels, checked at once.
 */
import { Construct } from 'constructs';
import { constructError, shown } from './errors';
import { ServiceVersion } from '../patterns/service-version';
import { FieldPath } from '../validation/field-path';
import { Findings } from '../validation/findings';
import { checkHttpHeaderNameOrJwtClaimRoute } from '../validation/webhook/common/headers';
import { validateLabels } from '../validation/webhook/common/labels';

/** The error of a pattern: `AbTest 'chart/Frontend': <message>`. */
export type PatternError = (message: string) => Error;

export function patternError(kind: string, scope: Construct): PatternError {
  return message => constructError(kind, scope, message);
}

/**
 * The versions in order, each name once: a version named twice with other labels is an error (two
 * subsets cannot share a name).
 */
export function distinctVersions(versions: ServiceVersion[], fail: PatternError): ServiceVersion[] {
  const byName = new Map<string, ServiceVersion>();
  for (const version of versions) {
    const known = byName.get(version.name);
    if (!known) {
      byName.set(version.name, version);
    } else if (JSON.stringify(sortedMap(known.labels)) !== JSON.stringify(sortedMap(version.labels))) {
      throw fail(`version "${version.name}" is given with two sets of labels, ${shown(sortedMap(known.labels))} and ${shown(sortedMap(version.labels))}; `
        + 'a subset name selects one set of pods: use the same ServiceVersion, or another name');
    }
  }
  return [...byName.values()];
}

function sortedMap(map: { [key: string]: string }): { [key: string]: string } {
  return Object.fromEntries(Object.entries(map).sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * Checks request header names as Istio's webhook does, and that they are lowercase, as Istio's API
 * asks of header match keys.
 */
export function checkHeaderNames(names: string[], where: string, fail: PatternError): void {
  for (const name of names) {
    const problem = checkHttpHeaderNameOrJwtClaimRoute(name);
    if (problem) throw fail(`${where}: ${problem}; a header name is a token such as "x-user-role"`);
    if (name !== name.toLowerCase()) {
      throw fail(`${where}: header name ${shown(name)} has uppercase letters; Istio asks for header names in lowercase: write ${shown(name.toLowerCase())}`);
    }
  }
}

/** Checks source labels as Istio's webhook does. */
export function checkSourceLabels(labels: { [key: string]: string }, path: FieldPath, fail: PatternError): void {
  const findings = new Findings();
  validateLabels(path, findings, labels);
  if (findings.list.length > 0) throw fail(`${findings.list[0].path.toString()}: ${findings.list[0].message}`);
}
