import { App, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { IstioValidation, networking } from '../../src';

/** One chart per section of the seed spec; objects keep the seed's names and namespaces. */
export class VirtualServiceExamples extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    // Seed: VirtualService / Complete VirtualService Example
    new networking.VirtualServiceV1Beta1(this, 'reviews-route', {
      metadata: { name: 'reviews-route', namespace: 'default' },
      spec: {
        hosts: ['reviews.default.svc.cluster.local'],
        gateways: ['mesh', 'ingress-gateway'],
        http: [
          {
            name: 'reviews-v2-route',
            match: [
              {
                headers: {
                  'user-agent': { regex: '.*Mobile.*' },
                },
                uri: { prefix: '/api/reviews' },
                queryParams: {
                  version: { exact: 'beta' },
                },
                method: { exact: 'GET' },
                sourceLabels: { app: 'productpage', version: 'v1' },
              },
            ],
            route: [
              {
                destination: {
                  host: 'reviews.default.svc.cluster.local',
                  subset: 'v2',
                  port: { number: 9080 },
                },
                weight: 100,
                headers: {
                  request: {
                    add: { 'x-custom-header': 'mobile-user' },
                    set: { 'x-envoy-upstream-rq-timeout-ms': '1000' },
                    remove: ['x-legacy-header'],
                  },
                  response: {
                    add: { 'x-response-source': 'reviews-v2' },
                  },
                },
              },
            ],
            rewrite: {
              uri: '/reviews',
              authority: 'reviews-internal.svc.cluster.local',
            },
            timeout: '10s',
            retries: {
              attempts: 3,
              perTryTimeout: '2s',
              retryOn: '5xx,reset,connect-failure,refused-stream',
              retryRemoteLocalities: false,
            },
            fault: {
              delay: {
                percentage: { value: 10.0 },
                fixedDelay: '5s',
              },
              abort: {
                percentage: { value: 5.0 },
                httpStatus: 503,
              },
            },
            corsPolicy: {
              allowOrigins: [
                { exact: 'https://example.com' },
                { prefix: 'https://*.example.com' },
              ],
              allowMethods: ['GET', 'POST', 'OPTIONS'],
              allowHeaders: ['content-type', 'authorization'],
              maxAge: '24h',
              allowCredentials: true,
            },
          },
          {
            name: 'reviews-default-route',
            route: [
              {
                destination: { host: 'reviews.default.svc.cluster.local', subset: 'v1' },
                weight: 80,
              },
              {
                destination: { host: 'reviews.default.svc.cluster.local', subset: 'v3' },
                weight: 20,
              },
            ],
          },
        ],
      },
    });

    // Seed: VirtualService / Redirect Configuration
    new networking.VirtualServiceV1Beta1(this, 'redirect-example', {
      metadata: { name: 'redirect-example' },
      spec: {
        hosts: ['oldservice.example.com'],
        http: [
          {
            match: [{ uri: { prefix: '/old-api' } }],
            redirect: {
              uri: '/new-api',
              authority: 'newservice.example.com',
              scheme: 'https',
              redirectCode: 301,
            },
          },
        ],
      },
    });

    // Seed: VirtualService / Delegated VirtualServices (root)
    new networking.VirtualServiceV1Beta1(this, 'root-vs', {
      metadata: { name: 'root-vs' },
      spec: {
        hosts: ['api.example.com'],
        gateways: ['api-gateway'],
        http: [
          {
            match: [{ uri: { prefix: '/reviews' } }],
            delegate: { name: 'reviews-vs', namespace: 'reviews-ns' },
          },
          {
            match: [{ uri: { prefix: '/ratings' } }],
            delegate: { name: 'ratings-vs', namespace: 'ratings-ns' },
          },
        ],
      },
    });

    // Seed: VirtualService / Delegated VirtualServices (delegate)
    new networking.VirtualServiceV1Beta1(this, 'reviews-vs', {
      metadata: { name: 'reviews-vs', namespace: 'reviews-ns' },
      spec: {
        hosts: ['api.example.com'],
        http: [
          {
            match: [{ uri: { prefix: '/reviews/v2' } }],
            route: [
              { destination: { host: 'reviews.reviews-ns.svc.cluster.local', subset: 'v2' } },
            ],
          },
          {
            route: [
              { destination: { host: 'reviews.reviews-ns.svc.cluster.local', subset: 'v1' } },
            ],
          },
        ],
      },
    });
  }
}

export class DestinationRuleExamples extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    // Seed: DestinationRule / Complete DestinationRule Example
    // Istio's webhook rejects it: consecutiveLocalOriginFailures only counts with
    // splitExternalLocalOriginErrors: true ("outlier detection consecutive local origin failures is specified, but split
    // external local origin errors is set to false").
    // Reproduced as written, so synth-time validation is off for this object alone.
    const reviewsDestination = new networking.DestinationRuleV1Beta1(this, 'reviews-destination', {
      metadata: { name: 'reviews-destination', namespace: 'default' },
      spec: {
        host: 'reviews.default.svc.cluster.local',
        trafficPolicy: {
          loadBalancer: {
            consistentHash: { httpHeaderName: 'x-user-id' },
          },
          connectionPool: {
            tcp: {
              maxConnections: 100,
              connectTimeout: '30ms',
              tcpKeepalive: { time: '7200s', interval: '75s' },
            },
            http: {
              http1MaxPendingRequests: 50,
              http2MaxRequests: 100,
              maxRequestsPerConnection: 2,
              maxRetries: 3,
              h2UpgradePolicy: networking.DestinationRuleV1Beta1SpecTrafficPolicyConnectionPoolHttpH2UpgradePolicy.UPGRADE,
              idleTimeout: '3600s',
            },
          },
          outlierDetection: {
            consecutive5XxErrors: 5,
            interval: '30s',
            baseEjectionTime: '30s',
            maxEjectionPercent: 50,
            minHealthPercent: 40,
            consecutiveGatewayErrors: 5,
            consecutiveLocalOriginFailures: 5,
          },
          tls: {
            mode: networking.DestinationRuleV1Beta1SpecTrafficPolicyTlsMode.ISTIO_UNDERSCORE_MUTUAL,
            sni: 'reviews.default.svc.cluster.local',
            subjectAltNames: ['spiffe://cluster.local/ns/default/sa/reviews'],
          },
        },
        subsets: [
          {
            name: 'v1',
            labels: { version: 'v1' },
            trafficPolicy: {
              loadBalancer: {
                simple: networking.DestinationRuleV1Beta1SpecSubsetsTrafficPolicyLoadBalancerSimple.ROUND_UNDERSCORE_ROBIN,
              },
            },
          },
          {
            name: 'v2',
            labels: { version: 'v2' },
            trafficPolicy: {
              loadBalancer: {
                simple: networking.DestinationRuleV1Beta1SpecSubsetsTrafficPolicyLoadBalancerSimple.LEAST_UNDERSCORE_REQUEST,
              },
              connectionPool: {
                tcp: { maxConnections: 200 },
              },
            },
          },
          {
            name: 'v3',
            labels: { version: 'v3' },
            trafficPolicy: {
              loadBalancer: {
                simple: networking.DestinationRuleV1Beta1SpecSubsetsTrafficPolicyLoadBalancerSimple.RANDOM,
              },
            },
          },
        ],
      },
    });
    IstioValidation.disable(reviewsDestination);

    // Seed: DestinationRule / Load Balancer Settings
    new networking.DestinationRuleV1Beta1(this, 'lb-examples', {
      metadata: { name: 'lb-examples' },
      spec: {
        host: 'myservice.default.svc.cluster.local',
        trafficPolicy: {
          loadBalancer: {
            simple: networking.DestinationRuleV1Beta1SpecTrafficPolicyLoadBalancerSimple.LEAST_UNDERSCORE_REQUEST,
          },
        },
      },
    });

    // Seed: DestinationRule / TLS Settings
    new networking.DestinationRuleV1Beta1(this, 'tls-example', {
      metadata: { name: 'tls-example' },
      spec: {
        host: 'external-service.com',
        trafficPolicy: {
          tls: {
            mode: networking.DestinationRuleV1Beta1SpecTrafficPolicyTlsMode.SIMPLE,
            caCertificates: '/etc/certs/ca.crt',
            sni: 'external-service.com',
          },
        },
        subsets: [
          {
            name: 'mtls-subset',
            trafficPolicy: {
              tls: {
                mode: networking.DestinationRuleV1Beta1SpecSubsetsTrafficPolicyTlsMode.MUTUAL,
                clientCertificate: '/etc/certs/client.crt',
                privateKey: '/etc/certs/client.key',
                caCertificates: '/etc/certs/ca.crt',
              },
            },
          },
        ],
      },
    });
  }
}

export class GatewayExamples extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    // Seed: Gateway / Complete Gateway Example
    new networking.GatewayV1Beta1(this, 'ingress-gateway', {
      metadata: { name: 'ingress-gateway', namespace: 'istio-system' },
      spec: {
        selector: { istio: 'ingressgateway' },
        servers: [
          {
            port: { number: 80, name: 'http', protocol: 'HTTP' },
            hosts: ['example.com', '*.example.com'],
            tls: { httpsRedirect: true },
          },
          {
            port: { number: 443, name: 'https-default', protocol: 'HTTPS' },
            hosts: ['example.com'],
            tls: {
              mode: networking.GatewayV1Beta1SpecServersTlsMode.SIMPLE,
              credentialName: 'example-com-cert',
              minProtocolVersion: networking.GatewayV1Beta1SpecServersTlsMinProtocolVersion.TLSV1_UNDERSCORE_2,
              maxProtocolVersion: networking.GatewayV1Beta1SpecServersTlsMaxProtocolVersion.TLSV1_UNDERSCORE_3,
              cipherSuites: ['ECDHE-RSA-AES128-GCM-SHA256', 'ECDHE-RSA-AES256-GCM-SHA384'],
            },
          },
          {
            port: { number: 443, name: 'https-mtls', protocol: 'HTTPS' },
            hosts: ['secure.example.com'],
            tls: {
              mode: networking.GatewayV1Beta1SpecServersTlsMode.MUTUAL,
              credentialName: 'secure-example-mtls-cert',
              minProtocolVersion: networking.GatewayV1Beta1SpecServersTlsMinProtocolVersion.TLSV1_UNDERSCORE_3,
            },
          },
          {
            port: { number: 443, name: 'https-passthrough', protocol: 'TLS' },
            hosts: ['passthrough.example.com'],
            tls: {
              mode: networking.GatewayV1Beta1SpecServersTlsMode.PASSTHROUGH,
            },
          },
          {
            port: { number: 27017, name: 'mongo', protocol: 'MONGO' },
            hosts: ['*'],
          },
          {
            port: { number: 3306, name: 'mysql', protocol: 'TCP' },
            hosts: ['mysql.example.com'],
          },
        ],
      },
    });

    // Seed: Gateway / Binding VirtualService to Gateway
    new networking.VirtualServiceV1Beta1(this, 'api-vs', {
      metadata: { name: 'api-vs' },
      spec: {
        hosts: ['api.example.com'],
        gateways: ['istio-system/ingress-gateway', 'mesh'],
        http: [
          {
            match: [{ uri: { prefix: '/v1' } }],
            route: [
              {
                destination: {
                  host: 'api-v1.default.svc.cluster.local',
                  port: { number: 8080 },
                },
              },
            ],
          },
        ],
      },
    });

    // Seed: Gateway / Multiple Gateways (external)
    new networking.GatewayV1Beta1(this, 'external-gateway', {
      metadata: { name: 'external-gateway', namespace: 'istio-system' },
      spec: {
        selector: { istio: 'ingressgateway' },
        servers: [
          {
            port: { number: 443, name: 'https-external', protocol: 'HTTPS' },
            hosts: ['api.example.com'],
            tls: {
              mode: networking.GatewayV1Beta1SpecServersTlsMode.SIMPLE,
              credentialName: 'external-cert',
            },
          },
        ],
      },
    });

    // Seed: Gateway / Multiple Gateways (internal)
    new networking.GatewayV1Beta1(this, 'internal-gateway', {
      metadata: { name: 'internal-gateway', namespace: 'istio-system' },
      spec: {
        selector: { istio: 'ingressgateway-internal' },
        servers: [
          {
            port: { number: 443, name: 'https-internal', protocol: 'HTTPS' },
            hosts: ['internal.example.com'],
            tls: {
              mode: networking.GatewayV1Beta1SpecServersTlsMode.MUTUAL,
              credentialName: 'internal-mtls-cert',
            },
          },
        ],
      },
    });
  }
}

export class ServiceEntryExamples extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    // Seed: ServiceEntry / Complete ServiceEntry Example (external database)
    new networking.ServiceEntryV1Beta1(this, 'external-database', {
      metadata: { name: 'external-database', namespace: 'default' },
      spec: {
        hosts: ['postgres.external.com'],
        ports: [{ number: 5432, name: 'postgres', protocol: 'TCP' }],
        location: networking.ServiceEntryV1Beta1SpecLocation.MESH_UNDERSCORE_EXTERNAL,
        resolution: networking.ServiceEntryV1Beta1SpecResolution.DNS,
        endpoints: [
          {
            address: 'postgres-1.external.com',
            ports: { postgres: 5432 },
            labels: { region: 'us-east' },
          },
          {
            address: 'postgres-2.external.com',
            ports: { postgres: 5432 },
            labels: { region: 'us-west' },
          },
        ],
      },
    });

    // Seed: ServiceEntry / Complete ServiceEntry Example (external API)
    // Istio's webhook rejects it: with resolution DNS and no endpoints every host must be an FQDN, and
    // "*.api.external.com" is a wildcard (use resolution NONE for wildcard hosts).
    // Reproduced as written, so synth-time validation is off for this object alone.
    const externalApi = new networking.ServiceEntryV1Beta1(this, 'external-api', {
      metadata: { name: 'external-api' },
      spec: {
        hosts: ['api.external.com', '*.api.external.com'],
        ports: [{ number: 443, name: 'https', protocol: 'HTTPS' }],
        location: networking.ServiceEntryV1Beta1SpecLocation.MESH_UNDERSCORE_EXTERNAL,
        resolution: networking.ServiceEntryV1Beta1SpecResolution.DNS,
      },
    });
    IstioValidation.disable(externalApi);

    // Seed: ServiceEntry / Complete ServiceEntry Example (legacy VM service).
    // Istio rejects this object as the spec writes it: its CRD rule allows `endpoints` or
    // `workloadSelector`, not both ("only one of WorkloadSelector or Endpoints can be set"). It is
    // reproduced as written, so synth-time validation is switched off for it alone.
    const legacyVm = new networking.ServiceEntryV1Beta1(this, 'legacy-vm-service', {
      metadata: { name: 'legacy-vm-service' },
      spec: {
        hosts: ['legacy-service.internal'],
        addresses: ['10.1.2.0/24'],
        ports: [
          { number: 8080, name: 'http', protocol: 'HTTP' },
          { number: 9090, name: 'metrics', protocol: 'HTTP' },
        ],
        location: networking.ServiceEntryV1Beta1SpecLocation.MESH_UNDERSCORE_INTERNAL,
        resolution: networking.ServiceEntryV1Beta1SpecResolution.STATIC,
        endpoints: [
          {
            address: '10.1.2.10',
            labels: { version: 'v1', env: 'prod' },
          },
          {
            address: '10.1.2.11',
            labels: { version: 'v2', env: 'prod' },
          },
        ],
        workloadSelector: {
          labels: { app: 'legacy-service' },
        },
      },
    });
    IstioValidation.disable(legacyVm);

    // Seed: ServiceEntry / Exporting ServiceEntry
    new networking.ServiceEntryV1Beta1(this, 'shared-database', {
      metadata: { name: 'shared-database', namespace: 'infrastructure' },
      spec: {
        hosts: ['shared-db.example.com'],
        ports: [{ number: 3306, name: 'mysql', protocol: 'TCP' }],
        location: networking.ServiceEntryV1Beta1SpecLocation.MESH_UNDERSCORE_EXTERNAL,
        resolution: networking.ServiceEntryV1Beta1SpecResolution.DNS,
        exportTo: ['.', 'team-a', 'team-b'],
      },
    });

    // Seed: ServiceEntry / ServiceEntry with Workload Selector
    new networking.ServiceEntryV1Beta1(this, 'vm-workload', {
      metadata: { name: 'vm-workload' },
      spec: {
        hosts: ['vm-service.internal'],
        ports: [{ number: 8080, name: 'http', protocol: 'HTTP' }],
        location: networking.ServiceEntryV1Beta1SpecLocation.MESH_UNDERSCORE_INTERNAL,
        resolution: networking.ServiceEntryV1Beta1SpecResolution.STATIC,
        workloadSelector: {
          labels: { app: 'vm-service', type: 'vm' },
        },
      },
    });
  }
}

export class SidecarExamples extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    // Seed: Sidecar Resource / Complete Sidecar Example
    new networking.SidecarV1Beta1(this, 'default', {
      metadata: { name: 'default', namespace: 'default' },
      spec: {
        workloadSelector: {
          labels: { app: 'productpage', version: 'v1' },
        },
        ingress: [
          {
            port: { number: 9080, protocol: 'HTTP', name: 'http' },
            defaultEndpoint: '0.0.0.0:9080',
            captureMode: networking.SidecarV1Beta1SpecIngressCaptureMode.DEFAULT,
          },
          {
            port: { number: 3000, protocol: 'HTTP', name: 'http-alt' },
            defaultEndpoint: 'unix:///var/run/someuds.sock',
            captureMode: networking.SidecarV1Beta1SpecIngressCaptureMode.NONE,
          },
        ],
        egress: [
          {
            port: { number: 443, protocol: 'HTTPS', name: 'https-external' },
            bind: '0.0.0.0',
            captureMode: networking.SidecarV1Beta1SpecEgressCaptureMode.DEFAULT,
            hosts: ['./*', 'istio-system/*', '*/reviews.default.svc.cluster.local'],
          },
          {
            port: { number: 27017, protocol: 'MONGO', name: 'mongo' },
            hosts: ['*/mongodb.external.com'],
          },
        ],
        outboundTrafficPolicy: {
          mode: networking.SidecarV1Beta1SpecOutboundTrafficPolicyMode.REGISTRY_UNDERSCORE_ONLY,
        },
      },
    });

    // Seed: Sidecar Resource / Workload Selector
    new networking.SidecarV1Beta1(this, 'namespace-default', {
      metadata: { name: 'namespace-default', namespace: 'production' },
      spec: {
        egress: [
          {
            hosts: ['./*', 'istio-system/*', 'shared-services/*'],
          },
        ],
        outboundTrafficPolicy: {
          mode: networking.SidecarV1Beta1SpecOutboundTrafficPolicyMode.REGISTRY_UNDERSCORE_ONLY,
        },
      },
    });

    // Seed: Sidecar Resource / Outbound Traffic Policy
    // Istio's webhook rejects it: egressProxy only applies with outboundTrafficPolicy mode ALLOW_ANY,
    // and this Sidecar sets REGISTRY_ONLY.
    // Reproduced as written, so synth-time validation is off for this object alone.
    const strictEgress = new networking.SidecarV1Beta1(this, 'strict-egress', {
      metadata: { name: 'strict-egress', namespace: 'secure-namespace' },
      spec: {
        outboundTrafficPolicy: {
          mode: networking.SidecarV1Beta1SpecOutboundTrafficPolicyMode.REGISTRY_UNDERSCORE_ONLY,
          egressProxy: {
            host: 'egress-gateway.istio-system.svc.cluster.local',
            subset: 'v1',
            port: { number: 443 },
          },
        },
      },
    });
    IstioValidation.disable(strictEgress);

    // Seed: Sidecar Resource / Limiting Namespace Visibility
    new networking.SidecarV1Beta1(this, 'minimal-config', {
      metadata: { name: 'minimal-config', namespace: 'microservice-a' },
      spec: {
        workloadSelector: {
          labels: { app: 'microservice-a' },
        },
        egress: [
          {
            hosts: [
              './microservice-b.microservice-a.svc.cluster.local',
              './microservice-c.microservice-a.svc.cluster.local',
              'istio-system/istio-telemetry.istio-system.svc.cluster.local',
            ],
          },
        ],
      },
    });

    // Seed: Sidecar Resource / Ingress Listeners
    // Istio's webhook rejects it: Sidecar ingress TLS does not support credentialName ("sidecar:
    // credentialName is not currently supported"); it takes serverCertificate/privateKey files.
    // Reproduced as written, so synth-time validation is off for this object alone.
    const ingressConfig = new networking.SidecarV1Beta1(this, 'ingress-config', {
      metadata: { name: 'ingress-config', namespace: 'default' },
      spec: {
        workloadSelector: {
          labels: { app: 'api-server' },
        },
        ingress: [
          {
            port: { number: 8080, protocol: 'HTTP', name: 'http' },
            defaultEndpoint: '127.0.0.1:8080',
            captureMode: networking.SidecarV1Beta1SpecIngressCaptureMode.DEFAULT,
          },
          {
            port: { number: 8443, protocol: 'HTTPS', name: 'https' },
            defaultEndpoint: '127.0.0.1:8443',
            captureMode: networking.SidecarV1Beta1SpecIngressCaptureMode.DEFAULT,
            tls: {
              mode: networking.SidecarV1Beta1SpecIngressTlsMode.SIMPLE,
              credentialName: 'api-server-cert',
            },
          },
        ],
      },
    });
    IstioValidation.disable(ingressConfig);
  }
}

export class LoadBalancingExamples extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    // Seed: Load Balancing / Simple Load Balancers
    new networking.DestinationRuleV1Beta1(this, 'load-balancer-examples', {
      metadata: { name: 'load-balancer-examples' },
      spec: {
        host: 'myservice.default.svc.cluster.local',
        trafficPolicy: {
          loadBalancer: {
            simple: networking.DestinationRuleV1Beta1SpecTrafficPolicyLoadBalancerSimple.ROUND_UNDERSCORE_ROBIN,
          },
        },
      },
    });

    // Seed: Load Balancing / Consistent Hashing / HTTP Header-Based Hashing
    new networking.DestinationRuleV1Beta1(this, 'user-session-affinity', {
      metadata: { name: 'user-session-affinity' },
      spec: {
        host: 'webapp.default.svc.cluster.local',
        trafficPolicy: {
          loadBalancer: {
            consistentHash: { httpHeaderName: 'x-user-id' },
          },
        },
      },
    });

    // Seed: Load Balancing / Consistent Hashing / HTTP Cookie-Based Hashing
    new networking.DestinationRuleV1Beta1(this, 'cookie-affinity', {
      metadata: { name: 'cookie-affinity' },
      spec: {
        host: 'webapp.default.svc.cluster.local',
        trafficPolicy: {
          loadBalancer: {
            consistentHash: {
              httpCookie: { name: 'session-id', ttl: '3600s', path: '/api' },
            },
          },
        },
      },
    });

    // Seed: Load Balancing / Consistent Hashing / Source IP-Based Hashing
    new networking.DestinationRuleV1Beta1(this, 'source-ip-affinity', {
      metadata: { name: 'source-ip-affinity' },
      spec: {
        host: 'stateful-service.default.svc.cluster.local',
        trafficPolicy: {
          loadBalancer: {
            consistentHash: { useSourceIp: true },
          },
        },
      },
    });

    // Seed: Load Balancing / Consistent Hashing / Query Parameter-Based Hashing
    new networking.DestinationRuleV1Beta1(this, 'query-param-affinity', {
      metadata: { name: 'query-param-affinity' },
      spec: {
        host: 'api.default.svc.cluster.local',
        trafficPolicy: {
          loadBalancer: {
            consistentHash: { httpQueryParameterName: 'tenant-id' },
          },
        },
      },
    });

    // Seed: Load Balancing / Consistent Hashing / Ring Hash with Minimum Ring Size
    new networking.DestinationRuleV1Beta1(this, 'ring-hash-config', {
      metadata: { name: 'ring-hash-config' },
      spec: {
        host: 'distributed-cache.default.svc.cluster.local',
        trafficPolicy: {
          loadBalancer: {
            consistentHash: {
              httpHeaderName: 'x-cache-key',
              minimumRingSize: 1024,
            },
          },
        },
      },
    });

    // Seed: Load Balancing / Locality Load Balancing
    // Istio's webhook rejects it: localityLbSetting may set distribute or failover, not both.
    // Reproduced as written, so synth-time validation is off for this object alone.
    const localityLb = new networking.DestinationRuleV1Beta1(this, 'locality-lb', {
      metadata: { name: 'locality-lb' },
      spec: {
        host: 'global-service.default.svc.cluster.local',
        trafficPolicy: {
          loadBalancer: {
            localityLbSetting: {
              enabled: true,
              distribute: [
                {
                  from: 'us-east-1/us-east-1a/*',
                  to: {
                    'us-east-1/us-east-1a/*': 80,
                    'us-east-1/us-east-1b/*': 20,
                  },
                },
              ],
              failover: [
                { from: 'us-east-1', to: 'us-west-1' },
              ],
            },
          },
        },
      },
    });
    IstioValidation.disable(localityLb);
  }
}

export class TrafficSplittingExamples extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    // Seed: Traffic Splitting Patterns / Version-Based Routing
    new networking.VirtualServiceV1Beta1(this, 'version-routing', {
      metadata: { name: 'version-routing' },
      spec: {
        hosts: ['api.default.svc.cluster.local'],
        http: [
          {
            match: [
              {
                headers: {
                  'x-api-version': { exact: 'v2' },
                },
              },
            ],
            route: [
              { destination: { host: 'api.default.svc.cluster.local', subset: 'v2' } },
            ],
          },
          {
            route: [
              { destination: { host: 'api.default.svc.cluster.local', subset: 'v1' } },
            ],
          },
        ],
      },
    });

    // Seed: Traffic Splitting Patterns / Version-Based Routing
    new networking.DestinationRuleV1Beta1(this, 'api-subsets', {
      metadata: { name: 'api-subsets' },
      spec: {
        host: 'api.default.svc.cluster.local',
        subsets: [
          { name: 'v1', labels: { version: 'v1' } },
          { name: 'v2', labels: { version: 'v2' } },
        ],
      },
    });

    // Seed: Traffic Splitting Patterns / Header-Based Routing
    new networking.VirtualServiceV1Beta1(this, 'header-routing', {
      metadata: { name: 'header-routing' },
      spec: {
        hosts: ['webapp.default.svc.cluster.local'],
        http: [
          {
            match: [
              {
                headers: {
                  'x-user-role': { exact: 'beta-tester' },
                },
              },
            ],
            route: [
              { destination: { host: 'webapp.default.svc.cluster.local', subset: 'canary' } },
            ],
          },
          {
            match: [
              {
                headers: {
                  'x-user-role': { exact: 'internal' },
                },
              },
            ],
            route: [
              { destination: { host: 'webapp.default.svc.cluster.local', subset: 'staging' } },
            ],
          },
          {
            route: [
              { destination: { host: 'webapp.default.svc.cluster.local', subset: 'stable' } },
            ],
          },
        ],
      },
    });

    // Seed: Traffic Splitting Patterns / Percentage-Based Traffic Splitting
    new networking.VirtualServiceV1Beta1(this, 'canary-deployment', {
      metadata: { name: 'canary-deployment' },
      spec: {
        hosts: ['reviews.default.svc.cluster.local'],
        http: [
          {
            route: [
              {
                destination: { host: 'reviews.default.svc.cluster.local', subset: 'v1' },
                weight: 90,
              },
              {
                destination: { host: 'reviews.default.svc.cluster.local', subset: 'v2' },
                weight: 10,
              },
            ],
          },
        ],
      },
    });

    // Seed: Traffic Splitting Patterns / Percentage-Based Traffic Splitting
    new networking.DestinationRuleV1Beta1(this, 'reviews-destination', {
      metadata: { name: 'reviews-destination' },
      spec: {
        host: 'reviews.default.svc.cluster.local',
        subsets: [
          { name: 'v1', labels: { version: 'v1' } },
          { name: 'v2', labels: { version: 'v2' } },
        ],
      },
    });

    // Seed: Traffic Splitting Patterns / Blue-Green Deployment
    new networking.VirtualServiceV1Beta1(this, 'blue-green', {
      metadata: { name: 'blue-green' },
      spec: {
        hosts: ['payment.default.svc.cluster.local'],
        http: [
          {
            route: [
              {
                destination: { host: 'payment.default.svc.cluster.local', subset: 'green' },
                weight: 100,
              },
            ],
          },
        ],
      },
    });

    // Seed: Traffic Splitting Patterns / Blue-Green Deployment
    new networking.DestinationRuleV1Beta1(this, 'payment-destination', {
      metadata: { name: 'payment-destination' },
      spec: {
        host: 'payment.default.svc.cluster.local',
        subsets: [
          { name: 'blue', labels: { version: 'blue' } },
          { name: 'green', labels: { version: 'green' } },
        ],
      },
    });

    // Seed: Traffic Splitting Patterns / A/B Testing
    new networking.VirtualServiceV1Beta1(this, 'ab-testing', {
      metadata: { name: 'ab-testing' },
      spec: {
        hosts: ['frontend.default.svc.cluster.local'],
        http: [
          {
            match: [
              {
                headers: {
                  cookie: { regex: '^(.*?;)?(experiment=variant-a)(;.*)?$' },
                },
              },
            ],
            route: [
              { destination: { host: 'frontend.default.svc.cluster.local', subset: 'variant-a' } },
            ],
          },
          {
            match: [
              {
                headers: {
                  cookie: { regex: '^(.*?;)?(experiment=variant-b)(;.*)?$' },
                },
              },
            ],
            route: [
              { destination: { host: 'frontend.default.svc.cluster.local', subset: 'variant-b' } },
            ],
          },
          {
            route: [
              { destination: { host: 'frontend.default.svc.cluster.local', subset: 'control' } },
            ],
          },
        ],
      },
    });

    // Seed: Traffic Splitting Patterns / A/B Testing
    new networking.DestinationRuleV1Beta1(this, 'frontend-destination', {
      metadata: { name: 'frontend-destination' },
      spec: {
        host: 'frontend.default.svc.cluster.local',
        subsets: [
          { name: 'control', labels: { version: 'control' } },
          { name: 'variant-a', labels: { version: 'variant-a' } },
          { name: 'variant-b', labels: { version: 'variant-b' } },
        ],
      },
    });

    // Seed: Traffic Splitting Patterns / Progressive Canary with Mirroring
    new networking.VirtualServiceV1Beta1(this, 'canary-with-mirror', {
      metadata: { name: 'canary-with-mirror' },
      spec: {
        hosts: ['analytics.default.svc.cluster.local'],
        http: [
          {
            route: [
              {
                destination: { host: 'analytics.default.svc.cluster.local', subset: 'stable' },
                weight: 95,
              },
              {
                destination: { host: 'analytics.default.svc.cluster.local', subset: 'canary' },
                weight: 5,
              },
            ],
            mirror: {
              host: 'analytics.default.svc.cluster.local',
              subset: 'canary',
            },
            mirrorPercentage: { value: 100.0 },
          },
        ],
      },
    });

    // Seed: Traffic Splitting Patterns / Multi-Dimensional Traffic Splitting
    new networking.VirtualServiceV1Beta1(this, 'multi-dimensional-routing', {
      metadata: { name: 'multi-dimensional-routing' },
      spec: {
        hosts: ['recommendation.default.svc.cluster.local'],
        http: [
          {
            match: [
              {
                headers: {
                  'x-user-tier': { exact: 'premium' },
                },
                sourceLabels: { app: 'mobile-app', version: 'v2' },
              },
            ],
            route: [
              { destination: { host: 'recommendation.default.svc.cluster.local', subset: 'ml-enhanced' } },
            ],
          },
          {
            match: [
              {
                headers: {
                  'x-user-tier': { exact: 'premium' },
                },
              },
            ],
            route: [
              { destination: { host: 'recommendation.default.svc.cluster.local', subset: 'advanced' } },
            ],
          },
          {
            match: [
              {
                sourceLabels: { app: 'mobile-app' },
              },
            ],
            route: [
              { destination: { host: 'recommendation.default.svc.cluster.local', subset: 'mobile-optimized' } },
            ],
          },
          {
            route: [
              { destination: { host: 'recommendation.default.svc.cluster.local', subset: 'standard' } },
            ],
          },
        ],
      },
    });
  }
}

/** Adds every seed chart to the app; returns them in seed order. */
export function addSeedCharts(app: App): Chart[] {
  // The spec's examples are separate snippets, not one mesh: they refer to gateways, subsets and
  // delegates the spec never defines. Each object is still validated on its own.
  IstioValidation.disableAnalysis(app);
  return [
    new VirtualServiceExamples(app, 'virtual-service'),
    new DestinationRuleExamples(app, 'destination-rule'),
    new GatewayExamples(app, 'gateway'),
    new ServiceEntryExamples(app, 'service-entry'),
    new SidecarExamples(app, 'sidecar'),
    new LoadBalancingExamples(app, 'load-balancing'),
    new TrafficSplittingExamples(app, 'traffic-splitting'),
  ];
}
