/**
 * Objects an app refers to but does not own, declared by the L2 layer in an annotation on the object
 * that refers to them (`cdk8s-istio.dev/external-references: Gateway istio-system/public, ...`). The
 * analysis adds a stand-in for each, so a reference to it is not "not found"; stand-ins are never
 * reported on, and where their contents are unknown (a gateway's servers, a host's ports) the checks
 * that would need them give them the benefit of the doubt.
 */
import { DEFAULT_NAMESPACE } from './object-set';
import { ExternalKind, EXTERNAL_REFERENCES_ANNOTATION, parseExternalReferences } from '../../../core/external';
import { isRecord } from '../../json';

const stubs = new WeakSet<object>();

/** True for a stand-in of an external object. */
export function isExternalStub(obj: unknown): boolean {
  return isRecord(obj) && stubs.has(obj);
}

/** The objects followed by a stand-in for every external reference their annotations declare. */
export function withExternalStubs(objects: readonly unknown[]): readonly unknown[] {
  const added: Record<string, unknown>[] = [];
  const seen = new Set<string>();
  for (const obj of objects) {
    if (!isRecord(obj) || !isRecord(obj.metadata) || !isRecord(obj.metadata.annotations)) continue;
    const value = obj.metadata.annotations[EXTERNAL_REFERENCES_ANNOTATION];
    if (typeof value !== 'string') continue;
    const namespace = typeof obj.metadata.namespace === 'string' && obj.metadata.namespace ? obj.metadata.namespace : DEFAULT_NAMESPACE;
    for (const reference of parseExternalReferences(value)) {
      const key = `${namespace} ${reference.kind} ${reference.ref}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const stub = stubFor(reference.kind, reference.ref, namespace, added.length);
      if (stub) added.push(stub);
    }
  }
  if (added.length === 0) return objects;
  for (const stub of added) stubs.add(stub);
  return [...objects, ...added];
}

function stubFor(kind: ExternalKind, ref: string, namespace: string, n: number): Record<string, unknown> | undefined {
  const object = (stubKind: string, metadata: Record<string, unknown>, spec: Record<string, unknown>) =>
    ({ apiVersion: 'networking.istio.io/v1', kind: stubKind, metadata, spec });
  const named = (text: string) => {
    const slash = text.indexOf('/');
    return slash < 0 ? { name: text, namespace } : { name: text.slice(slash + 1), namespace: text.slice(0, slash) };
  };
  const stubName = `external-reference-${n}`;
  switch (kind) {
    case ExternalKind.GATEWAY:
      return object('Gateway', named(ref), {});
    case ExternalKind.VIRTUAL_SERVICE:
      return object('VirtualService', named(ref), {});
    case ExternalKind.SUBSET: {
      const slash = ref.lastIndexOf('/');
      if (slash <= 0) return undefined;
      return object('DestinationRule', { name: stubName, namespace }, { host: ref.slice(0, slash), subsets: [{ name: ref.slice(slash + 1) }] });
    }
    case ExternalKind.HOST:
      return object('ServiceEntry', { name: stubName, namespace }, { hosts: [ref] });
  }
}
