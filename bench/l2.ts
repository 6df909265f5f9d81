/**
 * L2 against bare L1 (issue "performance", item 1): N services, each a VirtualService with a header
 * rule and a 90/10 split plus a DestinationRule with two subsets and ISTIO_MUTUAL.
 * - l2: N `CanaryService` constructs, synthesized with validation ON (schema, webhook, analysis).
 * - l1: the very same output objects written with the generated L1 classes, validation OFF.
 * Both render the same YAML (checked once before timing), so the ratio is the cost of L2 + validation.
 */
import { Chart, Testing } from 'cdk8s';
import { lib } from './lib';

const { CanaryService, Host, IstioValidation, networking, ServiceVersion, StringMatch } = lib;

const NAMESPACES = 50;

function serviceName(i: number): { name: string; namespace: string } {
  return { name: `svc-${i}`, namespace: `team-${i % NAMESPACES}` };
}

/** N canaries as a user writes them. */
export function synthL2(services: number): unknown[] {
  const chart = new Chart(Testing.app(), 'mesh');
  for (let i = 0; i < services; i++) {
    const { name, namespace } = serviceName(i);
    new CanaryService(chart, name, {
      host: Host.fromService(name, namespace),
      namespace,
      stable: ServiceVersion.named('v1'),
      canary: ServiceVersion.named('v2'),
      canaryWeight: 10,
      canaryHeaders: { 'x-canary': StringMatch.exact('true') },
    });
  }
  return Testing.synth(chart);
}

/** The objects of service 0 as templates: every other service's objects are these with the names replaced. */
export function l1Templates(): string[] {
  return synthL2(1).map(obj => JSON.stringify(obj));
}

/** The same N services' objects, written with the bare L1 classes, validation off. */
export function synthL1(services: number, templates: readonly string[]): unknown[] {
  const chart = new Chart(Testing.app(), 'mesh');
  IstioValidation.disable(chart);
  const base = serviceName(0);
  for (let i = 0; i < services; i++) {
    const { name, namespace } = serviceName(i);
    templates.forEach((template, k) => {
      const obj = JSON.parse(template.split(`${base.name}.${base.namespace}.`).join(`${name}.${namespace}.`)
        .split(`"${base.name}"`).join(`"${name}"`).split(`"${base.namespace}"`).join(`"${namespace}"`)
        // cdk8s import names Istio's consecutive5xxErrors `consecutive5XxErrors` in L1 props.
        .split('"consecutive5xxErrors"').join('"consecutive5XxErrors"'));
      const props = { metadata: { name: obj.metadata.name, namespace: obj.metadata.namespace }, spec: obj.spec };
      if (obj.kind === 'VirtualService') new networking.VirtualService(chart, `${name}-${k}`, props);
      else new networking.DestinationRule(chart, `${name}-${k}`, props);
    });
  }
  return Testing.synth(chart);
}
