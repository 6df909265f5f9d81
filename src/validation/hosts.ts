/**
 * Istio's host names (host.Name in istio/pkg/config/host): wildcard matching that the webhook (duplicate
 * VirtualService hosts, SNI hosts) and the analyzers (gateway hosts, host indexes) both apply.
 * Wildcards are a leading `*` (`*`, `*.example.com`).
 */

/** host.Name.IsWildCarded: a leading `*`. */
export function isWildcarded(host: string): boolean {
  return host.startsWith('*');
}

/**
 * host.Name.Matches: equal names match; a wildcard matches the names it covers, in either
 * direction (`*.com` ~ `foo.com`, `*` ~ anything, `*.foo.com` !~ `foo.com`).
 */
export function hostsMatch(a: string, b: string): boolean {
  const aWild = isWildcarded(a);
  const bWild = isWildcarded(b);
  if (aWild && bWild) return a.length < b.length ? b.slice(1).endsWith(a.slice(1)) : a.slice(1).endsWith(b.slice(1));
  if (aWild) return b.endsWith(a.slice(1));
  if (bWild) return a.endsWith(b.slice(1));
  return a === b;
}

/** host.Name.SubsetOf: every name `a` covers is covered by `b`. */
export function hostSubsetOf(a: string, b: string): boolean {
  const aWild = isWildcarded(a);
  const bWild = isWildcarded(b);
  if (aWild) return bWild && a.length >= b.length && a.slice(1).endsWith(b.slice(1));
  if (bWild) return a.endsWith(b.slice(1));
  return a === b;
}
