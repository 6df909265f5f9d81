/**
 * Finds every indexed host that matches a given host under Istio's wildcard rules (hostsMatch)
 * with map lookups, not a scan: what keeps host-conflict checks linear in the number of objects.
 */
import { dotSuffixes } from './hosts';
import { pushTo } from './object-set';
import { isWildcarded } from '../../hosts';

/**
 * An index of hosts to items. Wildcards are assumed well formed (`*` or `*.domain`), which Istio's
 * webhook enforces for every host field the analyzers index.
 */
export class HostIndex<T> {
  /** Non-wildcard hosts by name. */
  private readonly exact = new Map<string, T[]>();
  /** Non-wildcard hosts by each of their dot-suffixes and '': answers "which names does `*.x` cover". */
  private readonly exactBySuffix = new Map<string, T[]>();
  /** Wildcard hosts by their tail (`*.foo.com` → `.foo.com`, `*` → ''). */
  private readonly wildByTail = new Map<string, T[]>();
  /** Wildcard hosts by each dot-suffix of their tail: answers "which wildcards are narrower than `*.x`". */
  private readonly wildBySuffix = new Map<string, T[]>();

  public add(host: string, item: T): void {
    if (isWildcarded(host)) {
      const tail = host.slice(1);
      pushTo(this.wildByTail, tail, item);
      for (const suffix of dotSuffixes(tail)) pushTo(this.wildBySuffix, suffix, item);
    } else {
      pushTo(this.exact, host, item);
      for (const suffix of dotSuffixes(host)) pushTo(this.exactBySuffix, suffix, item);
    }
  }

  /** Items of every indexed host that matches `host`, each once. */
  public matching(host: string): T[] {
    const found: T[][] = [];
    if (isWildcarded(host)) {
      const tail = host.slice(1);
      found.push(this.exactBySuffix.get(tail) ?? []);
      // Wildcards at least as broad as this one have a tail that is a suffix of ours...
      for (const suffix of dotSuffixes(tail)) found.push(this.wildByTail.get(suffix) ?? []);
      if (tail !== '' && !tail.startsWith('.')) found.push(this.wildByTail.get(tail) ?? []);
      // ...narrower ones end with our tail.
      found.push(this.wildBySuffix.get(tail) ?? []);
    } else {
      found.push(this.exact.get(host) ?? []);
      for (const suffix of dotSuffixes(host)) found.push(this.wildByTail.get(suffix) ?? []);
    }
    return unique(found);
  }
}

function unique<T>(groups: T[][]): T[] {
  if (groups.filter(group => group.length > 0).length <= 1) return groups.find(group => group.length > 0)?.slice() ?? [];
  return [...new Set(groups.flat())];
}
