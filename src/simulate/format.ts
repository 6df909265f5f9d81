/**
 * The text and JSON forms of a route result (the `cdk8s-istio route` output and the message of a
 * failed `RouteExpectation`).
 */
import { RoutedDestination, RouteResult, RouteRule } from './types';

/** `http[0] "reviews-v2-route" match[1]`, with the delegate it came from. */
export function describeRoute(rule: RouteRule): string {
  const delegate = rule.delegate !== undefined ? ` via delegate ${rule.delegate}${rule.delegateIndex !== undefined ? ` http[${rule.delegateIndex}]` : ''}` : '';
  return `${rule.section}[${rule.index}]${rule.name ? ` "${rule.name}"` : ''}${rule.matchIndex !== undefined ? ` match[${rule.matchIndex}]` : ''}${delegate}`;
}

function destination(d: Omit<RoutedDestination, 'weight'>): string {
  return `${d.host}${d.subset ? ` subset ${d.subset}` : ''}${d.port !== undefined ? ` port ${d.port}` : ''}`;
}

/** The result as lines of text; `explain` adds every route considered. */
export function formatRouteResult(result: RouteResult, explain: boolean): string {
  const lines: string[] = [];
  const where = `${result.host}:${result.port} (${result.protocol}) via ${result.gateway}`;
  if (result.noRoute) {
    lines.push(`no route: ${where}`);
    if (result.reason) lines.push(`  reason: ${result.reason}`);
    for (const vs of result.conflictingVirtualServices) lines.push(`  conflicting: ${vs}`);
    if (result.fallback) lines.push(`  instead: ${result.fallback}`);
  } else {
    lines.push(`${where} -> VirtualService ${result.virtualService ?? '-'}${result.route ? ` ${describeRoute(result.route)}` : ''}`);
    for (const d of result.destinations) lines.push(`  destination: ${String(d.weight).padStart(3)}% ${destination(d)}`);
    const r = result.redirect;
    if (r) {
      const parts = [r.scheme && `scheme ${r.scheme}`, r.authority && `authority ${r.authority}`, r.port !== undefined && `port ${r.port}`, r.uri && `uri ${r.uri}`].filter(Boolean);
      lines.push(`  redirect: ${r.redirectCode}${parts.length > 0 ? ` ${parts.join(', ')}` : ''}`);
    }
    if (result.directResponse) lines.push(`  direct response: ${result.directResponse.status}${result.directResponse.body !== undefined ? ` ${JSON.stringify(result.directResponse.body)}` : ''}`);
    const w = result.rewrite;
    if (w) {
      const parts = [w.uri && `uri ${w.uri}`, w.uriRegexMatch && `uri regex ${w.uriRegexMatch} -> ${w.uriRegexRewrite}`, w.authority && `authority ${w.authority}`].filter(Boolean);
      lines.push(`  rewrite: ${parts.join(', ')} (path sent: ${w.path})`);
    }
    const f = result.fault;
    if (f) {
      const parts: string[] = [];
      if (f.fixedDelay) parts.push(`delay ${f.fixedDelay}${f.delayPercent !== undefined ? ` for ${f.delayPercent}%` : ''}`);
      if (f.abortHttpStatus !== undefined || f.abortGrpcStatus !== undefined) {
        parts.push(`abort ${f.abortHttpStatus ?? f.abortGrpcStatus}${f.abortPercent !== undefined ? ` for ${f.abortPercent}%` : ''}`);
      }
      lines.push(`  fault: ${parts.join(', ')}`);
    }
    for (const m of result.mirrors) lines.push(`  mirror: ${m.percentage}% ${destination(m)}`);
    if (result.timeout) lines.push(`  timeout: ${result.timeout}`);
    const t = result.retries;
    if (t) {
      lines.push(t.attempts === 0 ? '  retries: off'
        : `  retries: ${t.attempts} attempts${t.perTryTimeout ? `, perTryTimeout ${t.perTryTimeout}` : ''}${t.retryOn ? `, retryOn ${t.retryOn}` : ''}${t.meshDefault ? ' (mesh default)' : ''}`);
    }
  }
  for (const note of result.notes) lines.push(`  note: ${note}`);
  if (explain) {
    lines.push('considered:');
    if (result.considered.length === 0) lines.push('  (no route)');
    for (const c of result.considered) lines.push(`  ${c.matched ? 'MATCH' : 'no   '} ${c.virtualService} ${describeRoute(c.route)}: ${c.reason}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The JSON form (contract 4): every key of the contract present (null when it does not apply), the
 * rest of the result after them, `considered` only with `explain`.
 */
export function routeResultJson(result: RouteResult, explain: boolean): Record<string, unknown> {
  const { considered, ...rest } = result;
  const out: Record<string, unknown> = {
    virtualService: null, route: null, redirect: null, directResponse: null, rewrite: null, fault: null, timeout: null, retries: null,
  };
  // Key order: the contract's first, then the rest.
  const order = ['noRoute', 'virtualService', 'route', 'destinations', 'redirect', 'directResponse', 'rewrite', 'fault', 'mirrors', 'timeout', 'retries'];
  const sorted: Record<string, unknown> = {};
  for (const key of order) sorted[key] = (rest as Record<string, unknown>)[key] ?? out[key];
  for (const [key, value] of Object.entries(rest)) if (!(key in sorted) && value !== undefined) sorted[key] = value;
  if (explain) sorted.considered = considered;
  return sorted;
}
