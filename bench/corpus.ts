/**
 * A realistic mesh for the benchmark: per service a VirtualService (matches, weighted routes,
 * retries, timeout) and a DestinationRule (subsets, traffic policy); every tenth service also a
 * Gateway, a ServiceEntry and a Sidecar.
 */

export function meshObjects(services: number): Record<string, unknown>[] {
  const objects: Record<string, unknown>[] = [];
  for (let i = 0; i < services; i++) {
    const name = `svc-${i}`;
    const namespace = `team-${i % 50}`;
    const host = `${name}.${namespace}.svc.cluster.local`;
    objects.push({
      apiVersion: 'networking.istio.io/v1',
      kind: 'VirtualService',
      metadata: { name, namespace },
      spec: {
        hosts: [host],
        http: [
          {
            name: 'canary',
            match: [{ headers: { 'x-canary': { exact: 'true' } }, uri: { prefix: '/api' } }],
            route: [{ destination: { host, subset: 'v2', port: { number: 8080 } } }],
            timeout: '5s',
            retries: { attempts: 3, perTryTimeout: '2s', retryOn: '5xx,reset,connect-failure' },
          },
          {
            name: 'default',
            route: [
              { destination: { host, subset: 'v1', port: { number: 8080 } }, weight: 90 },
              { destination: { host, subset: 'v2', port: { number: 8080 } }, weight: 10 },
            ],
            timeout: '10s',
          },
        ],
      },
    });
    objects.push({
      apiVersion: 'networking.istio.io/v1',
      kind: 'DestinationRule',
      metadata: { name, namespace },
      spec: {
        host,
        trafficPolicy: {
          loadBalancer: { simple: 'LEAST_REQUEST' },
          connectionPool: { tcp: { maxConnections: 100, connectTimeout: '30ms' }, http: { http1MaxPendingRequests: 50, idleTimeout: '60s' } },
          outlierDetection: { consecutive5xxErrors: 5, interval: '30s', baseEjectionTime: '30s', maxEjectionPercent: 50 },
          tls: { mode: 'ISTIO_MUTUAL' },
        },
        subsets: [{ name: 'v1', labels: { version: 'v1' } }, { name: 'v2', labels: { version: 'v2' } }],
      },
    });
    if (i % 10 === 0) {
      objects.push({
        apiVersion: 'networking.istio.io/v1',
        kind: 'Gateway',
        metadata: { name: `${name}-gw`, namespace },
        spec: {
          selector: { istio: 'ingressgateway' },
          servers: [
            { port: { number: 443, name: `https-${i}`, protocol: 'HTTPS' }, hosts: [`${name}.example.com`], tls: { mode: 'SIMPLE', credentialName: `${name}-cert` } },
          ],
        },
      });
      objects.push({
        apiVersion: 'networking.istio.io/v1',
        kind: 'ServiceEntry',
        metadata: { name: `${name}-ext`, namespace },
        spec: { hosts: [`api-${i}.partner.example.com`], ports: [{ number: 443, name: 'https', protocol: 'TLS' }], resolution: 'DNS', location: 'MESH_EXTERNAL' },
      });
      objects.push({
        apiVersion: 'networking.istio.io/v1',
        kind: 'Sidecar',
        metadata: { name: `${name}-sidecar`, namespace },
        spec: { workloadSelector: { labels: { app: name } }, egress: [{ hosts: ['./*', 'istio-system/*'] }] },
      });
    }
  }
  return objects;
}
