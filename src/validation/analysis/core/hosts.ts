/**
 * Istio's host name rules as its analyzers apply them (pkg/config/analysis/analyzers/util/hosts.go in
 * istio/istio); wildcard matching itself (pkg/config/host) is in ../../hosts.ts.
 */
import { isWildcarded } from '../../hosts';

/** Kubernetes service domain istioctl assumes without a MeshConfig (`svc.cluster.local`). */
export const SERVICE_DOMAIN = 'svc.cluster.local';

const FQDN_PATTERN = /^(.+)\.(.+)\.svc\.cluster\.local$/;

/**
 * A host as a FQDN, the way istioctl's analyzers resolve it (ConvertHostToFQDN): only a short name
 * (no dot, no wildcard) is qualified with the object's namespace: `reviews` in `bookinfo` →
 * `reviews.bookinfo.svc.cluster.local`. A name with a dot is taken as already qualified, so
 * `reviews.bookinfo` stays as it is (istiod's ResolveShortnameToFQDN does the same).
 */
export function toFqdn(namespace: string, host: string): string {
  return !isWildcarded(host) && !host.includes('.') ? `${host}.${namespace}.${SERVICE_DOMAIN}` : host;
}

/**
 * `namespace/name` of the resource a host names (GetResourceNameFromHost): a
 * `name.namespace.svc.cluster.local` FQDN gives its own namespace; anything else is taken as a name
 * in `namespace`.
 */
export function resourceNameFromHost(namespace: string, host: string): string {
  const match = FQDN_PATTERN.exec(host);
  return match ? `${match[2]}/${match[1]}` : `${namespace}/${host}`;
}

/**
 * host.NamesForNamespace: the hosts of a `namespace/host` list visible from `namespace` (unqualified
 * and `*`-qualified hosts are visible everywhere), without their namespace part.
 */
export function namesForNamespace(hosts: readonly string[], namespace: string): string[] {
  const out: string[] = [];
  for (const host of hosts) {
    if (!host.includes('/')) {
      out.push(host);
      continue;
    }
    const parts = host.split('/');
    if (parts[0] === namespace || parts[0] === '*') out.push(parts[1]);
  }
  return out;
}

/**
 * The suffixes of a host that begin at one of its dots, longest first, then '' — the only tails a
 * valid wildcard (`*` or `*.domain`) can have, so wildcard matching is a few map lookups.
 */
export function dotSuffixes(host: string): string[] {
  const out: string[] = [];
  for (let i = host.indexOf('.'); i >= 0; i = host.indexOf('.', i + 1)) out.push(host.slice(i));
  out.push('');
  return out;
}

/** `namespace/name`, or just `name` when the namespace is empty (resource.FullName.String). */
export function fullName(namespace: string, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

/** resource.NewShortOrFullName: `ns/name` names its namespace, a bare name is in `namespace`. */
export function shortOrFullName(namespace: string, name: string): { namespace: string; name: string } {
  const slash = name.indexOf('/');
  return slash < 0 ? { namespace, name } : { namespace: name.slice(0, slash), name: name.slice(slash + 1) };
}

/**
 * Whether an object with this exportTo in `ownNamespace` is visible from `fromNamespace`, as istiod
 * applies exportTo: absent or empty means `*` (every namespace), `.` the object's own namespace,
 * `~` none, any other entry that namespace.
 */
export function isExportedTo(exportTo: readonly string[], ownNamespace: string, fromNamespace: string): boolean {
  if (exportTo.length === 0) return true;
  return exportTo.some(entry => entry === '*' || (entry === '.' ? ownNamespace : entry) === fromNamespace);
}
