import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { CaptureMode, Host, OutboundTrafficPolicyMode, Protocol, ServerTlsMode, Sidecar, SidecarEgressHost } from '../../src';

const { currentNamespace, inNamespace, anyNamespace } = SidecarEgressHost;

/** Seed section "Sidecar Resource". */
export class SidecarExamples extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    new Sidecar(this, 'default', {
      metadata: { name: 'default', namespace: 'default' },
      workloadSelector: { app: 'productpage', version: 'v1' },
      ingress: [
        {
          port: { number: 9080, protocol: Protocol.HTTP, name: 'http' },
          defaultEndpoint: '0.0.0.0:9080',
          captureMode: CaptureMode.DEFAULT,
        },
        {
          port: { number: 3000, protocol: Protocol.HTTP, name: 'http-alt' },
          defaultEndpoint: 'unix:///var/run/someuds.sock',
          captureMode: CaptureMode.NONE,
        },
      ],
      egress: [
        {
          port: { number: 443, protocol: Protocol.HTTPS, name: 'https-external' },
          bind: '0.0.0.0',
          captureMode: CaptureMode.DEFAULT,
          hosts: [currentNamespace(), inNamespace('istio-system'), anyNamespace(Host.fromService('reviews', 'default'))],
        },
        {
          port: { number: 27017, protocol: Protocol.MONGO, name: 'mongo' },
          hosts: [anyNamespace(Host.fromName('mongodb.external.com'))],
        },
      ],
      outboundTrafficPolicy: OutboundTrafficPolicyMode.REGISTRY_ONLY,
    });

    new Sidecar(this, 'namespace-default', {
      metadata: { name: 'namespace-default', namespace: 'production' },
      egress: [{ hosts: [currentNamespace(), inNamespace('istio-system'), inNamespace('shared-services')] }],
      outboundTrafficPolicy: OutboundTrafficPolicyMode.REGISTRY_ONLY,
    });

    // Fix: the seed also sets an egressProxy, which Istio takes only with ALLOW_ANY ("egress_proxy must
    // be set only with ALLOW_ANY outbound_traffic_policy mode"). REGISTRY_ONLY is what makes this Sidecar
    // strict, so it stays and the proxy goes (Istio deprecates and ignores egressProxy anyway).
    new Sidecar(this, 'strict-egress', {
      metadata: { name: 'strict-egress', namespace: 'secure-namespace' },
      outboundTrafficPolicy: OutboundTrafficPolicyMode.REGISTRY_ONLY,
    });

    new Sidecar(this, 'minimal-config', {
      metadata: { name: 'minimal-config', namespace: 'microservice-a' },
      workloadSelector: { app: 'microservice-a' },
      egress: [{
        hosts: [
          currentNamespace(Host.fromService('microservice-b', 'microservice-a')),
          currentNamespace(Host.fromService('microservice-c', 'microservice-a')),
          inNamespace('istio-system', Host.fromService('istio-telemetry', 'istio-system')),
        ],
      }],
    });

    // Fix: a Sidecar cannot read a Secret ("sidecar: credentialName is not currently supported"): it
    // takes certificate files, here the api-server-cert Secret mounted into the proxy with the pod's
    // sidecar.istio.io/userVolume and userVolumeMount annotations.
    new Sidecar(this, 'ingress-config', {
      metadata: { name: 'ingress-config', namespace: 'default' },
      workloadSelector: { app: 'api-server' },
      ingress: [
        {
          port: { number: 8080, protocol: Protocol.HTTP, name: 'http' },
          defaultEndpoint: '127.0.0.1:8080',
          captureMode: CaptureMode.DEFAULT,
        },
        {
          port: { number: 8443, protocol: Protocol.HTTPS, name: 'https' },
          defaultEndpoint: '127.0.0.1:8443',
          captureMode: CaptureMode.DEFAULT,
          tls: {
            mode: ServerTlsMode.SIMPLE,
            serverCertificate: '/etc/istio/api-server-cert/tls.crt',
            privateKey: '/etc/istio/api-server-cert/tls.key',
          },
        },
      ],
    });
  }
}
