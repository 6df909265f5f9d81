/** Go's net package as Istio calls it: SplitHostPort, with net.AddrError's text. */

/** A split `host:port`, or net.AddrError's text (`address <addr>: <why>`) with both parts empty. */
export interface HostPort {
  readonly host: string;
  readonly port: string;
  readonly error?: string;
}

/** net.SplitHostPort: `host:port`, `[host]:port`; the host may be empty, so may the port. */
export function splitHostPort(hostport: string): HostPort {
  const fail = (why: string): HostPort => ({ host: '', port: '', error: `address ${hostport}: ${why}` });
  const lastColon = hostport.lastIndexOf(':');
  if (lastColon < 0) return fail('missing port in address');
  let host: string;
  let openFrom = 0;
  let closeFrom = 0;
  if (hostport.startsWith('[')) {
    const end = hostport.indexOf(']');
    if (end < 0) return fail("missing ']' in address");
    if (end + 1 === hostport.length) return fail('missing port in address');
    if (end + 1 !== lastColon) return fail(hostport[end + 1] === ':' ? 'too many colons in address' : 'missing port in address');
    host = hostport.slice(1, end);
    openFrom = 1;
    closeFrom = end + 1;
  } else {
    host = hostport.slice(0, lastColon);
    if (host.includes(':')) return fail('too many colons in address');
  }
  if (hostport.indexOf('[', openFrom) >= 0) return fail("unexpected '[' in address");
  if (hostport.indexOf(']', closeFrom) >= 0) return fail("unexpected ']' in address");
  return { host, port: hostport.slice(lastColon + 1) };
}
