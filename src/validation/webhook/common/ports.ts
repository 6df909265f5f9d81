/**
 * Port and protocol checks of Istio's webhook (ValidatePort, ValidatePortName, ValidateProtocol) and
 * istio/pkg/config/protocol's parsing, which ignores case.
 */
import { isDNS1123Label } from './hosts';

/** Istio's protocol names (protocol.Instance); UNSUPPORTED for anything else. */
export enum Protocol {
  GRPC = 'GRPC',
  GRPC_WEB = 'GRPC-Web',
  HTTP = 'HTTP',
  HTTP_PROXY = 'HTTP_PROXY',
  HTTP2 = 'HTTP2',
  HTTPS = 'HTTPS',
  TCP = 'TCP',
  TLS = 'TLS',
  UDP = 'UDP',
  MONGO = 'Mongo',
  REDIS = 'Redis',
  MYSQL = 'MySQL',
  UNSUPPORTED = 'UnsupportedProtocol',
}

const byLowerName: Record<string, Protocol> = {
  'tcp': Protocol.TCP,
  'udp': Protocol.UDP,
  'grpc': Protocol.GRPC,
  'grpc-web': Protocol.GRPC_WEB,
  'http': Protocol.HTTP,
  'http_proxy': Protocol.HTTP_PROXY,
  'http2': Protocol.HTTP2,
  'https': Protocol.HTTPS,
  'tls': Protocol.TLS,
  'mongo': Protocol.MONGO,
  'redis': Protocol.REDIS,
  'mysql': Protocol.MYSQL,
};

/** protocol.Parse: case-insensitive; '' and unknown names are UNSUPPORTED. */
export function parseProtocol(name: string): Protocol {
  return Object.prototype.hasOwnProperty.call(byLowerName, name.toLowerCase()) ? byLowerName[name.toLowerCase()] : Protocol.UNSUPPORTED;
}

/** Instance.IsHTTP. */
export function isHTTPProtocol(p: Protocol): boolean {
  return [Protocol.HTTP, Protocol.HTTP2, Protocol.HTTP_PROXY, Protocol.GRPC, Protocol.GRPC_WEB].includes(p);
}

/** Instance.IsTCP. */
export function isTCPProtocol(p: Protocol): boolean {
  return [Protocol.TCP, Protocol.HTTPS, Protocol.TLS, Protocol.MONGO, Protocol.REDIS, Protocol.MYSQL].includes(p);
}

/** Instance.IsTLS. */
export function isTLSProtocol(p: Protocol): boolean {
  return p === Protocol.HTTPS || p === Protocol.TLS;
}

/** ValidatePort: 1..65535. */
export function checkPort(port: number): string | undefined {
  return port >= 1 && port <= 65535 ? undefined : `port number ${port} must be in the range 1..65535`;
}

/** ValidatePortName: a DNS-1123 label. */
export function checkPortName(name: string): string | undefined {
  return isDNS1123Label(name) ? undefined : `invalid port name: ${name}`;
}

/** ValidateProtocol: '' (protocol sniffing) or a protocol Istio knows. */
export function checkProtocol(protocol: string): string | undefined {
  return protocol !== '' && parseProtocol(protocol) === Protocol.UNSUPPORTED ? `unsupported protocol: ${protocol}` : undefined;
}
