import { ApiObject, Testing } from 'cdk8s';
import { extensions, networking, security, telemetry } from '../src';
import { crdDocuments } from './support/pinned';

const submodules: Record<string, Record<string, any>> = { networking, security, telemetry, extensions };

/** Every exported L1 class (anything with a static GVK), as `submodule.Class -> apiVersion kind`. */
function generatedClasses(): Record<string, string> {
  const table: Record<string, string> = {};
  for (const [submodule, exports] of Object.entries(submodules)) {
    for (const [name, value] of Object.entries(exports)) {
      if (typeof value === 'function' && value.GVK) {
        table[`${submodule}.${name}`] = `${value.GVK.apiVersion} ${value.GVK.kind}`;
      }
    }
  }
  return table;
}

describe('L1 classes generated from the Istio CRDs', () => {
  test('each class carries the GroupVersionKind of its name', () => {
    // The pin: a re-import that renames, drops or re-versions a class shows up here.
    expect(generatedClasses()).toEqual({
      'networking.DestinationRule': 'networking.istio.io/v1 DestinationRule',
      'networking.DestinationRuleV1Alpha3': 'networking.istio.io/v1alpha3 DestinationRule',
      'networking.DestinationRuleV1Beta1': 'networking.istio.io/v1beta1 DestinationRule',
      'networking.EnvoyFilter': 'networking.istio.io/v1alpha3 EnvoyFilter',
      'networking.Gateway': 'networking.istio.io/v1 Gateway',
      'networking.GatewayV1Alpha3': 'networking.istio.io/v1alpha3 Gateway',
      'networking.GatewayV1Beta1': 'networking.istio.io/v1beta1 Gateway',
      'networking.ProxyConfig': 'networking.istio.io/v1beta1 ProxyConfig',
      'networking.ServiceEntry': 'networking.istio.io/v1 ServiceEntry',
      'networking.ServiceEntryV1Alpha3': 'networking.istio.io/v1alpha3 ServiceEntry',
      'networking.ServiceEntryV1Beta1': 'networking.istio.io/v1beta1 ServiceEntry',
      'networking.Sidecar': 'networking.istio.io/v1 Sidecar',
      'networking.SidecarV1Alpha3': 'networking.istio.io/v1alpha3 Sidecar',
      'networking.SidecarV1Beta1': 'networking.istio.io/v1beta1 Sidecar',
      'networking.VirtualService': 'networking.istio.io/v1 VirtualService',
      'networking.VirtualServiceV1Alpha3': 'networking.istio.io/v1alpha3 VirtualService',
      'networking.VirtualServiceV1Beta1': 'networking.istio.io/v1beta1 VirtualService',
      'networking.WorkloadEntry': 'networking.istio.io/v1 WorkloadEntry',
      'networking.WorkloadEntryV1Alpha3': 'networking.istio.io/v1alpha3 WorkloadEntry',
      'networking.WorkloadEntryV1Beta1': 'networking.istio.io/v1beta1 WorkloadEntry',
      'networking.WorkloadGroup': 'networking.istio.io/v1 WorkloadGroup',
      'networking.WorkloadGroupV1Alpha3': 'networking.istio.io/v1alpha3 WorkloadGroup',
      'networking.WorkloadGroupV1Beta1': 'networking.istio.io/v1beta1 WorkloadGroup',
      'security.AuthorizationPolicy': 'security.istio.io/v1 AuthorizationPolicy',
      'security.AuthorizationPolicyV1Beta1': 'security.istio.io/v1beta1 AuthorizationPolicy',
      'security.PeerAuthentication': 'security.istio.io/v1 PeerAuthentication',
      'security.PeerAuthenticationV1Beta1': 'security.istio.io/v1beta1 PeerAuthentication',
      'security.RequestAuthentication': 'security.istio.io/v1 RequestAuthentication',
      'security.RequestAuthenticationV1Beta1': 'security.istio.io/v1beta1 RequestAuthentication',
      'telemetry.Telemetry': 'telemetry.istio.io/v1 Telemetry',
      'telemetry.TelemetryV1Alpha1': 'telemetry.istio.io/v1alpha1 Telemetry',
      'extensions.TrafficExtension': 'extensions.istio.io/v1alpha1 TrafficExtension',
      'extensions.WasmPlugin': 'extensions.istio.io/v1alpha1 WasmPlugin',
    });
  });

  test('every served version of every CRD has exactly one class, in the submodule of its group', () => {
    const served = crdDocuments()
      .filter(doc => doc.kind === 'CustomResourceDefinition')
      .flatMap(crd => crd.spec.versions
        .filter((version: any) => version.served)
        .map((version: any) => `${crd.spec.group.split('.')[0]} ${crd.spec.group}/${version.name} ${crd.spec.names.kind}`));
    const generated = Object.entries(generatedClasses()).map(([name, gvk]) => `${name.split('.')[0]} ${gvk}`);
    expect(generated.sort()).toEqual(served.sort());
  });

  test('a class synthesizes with its apiVersion and kind, and the spec as given', () => {
    const chart = Testing.chart();
    const legacy = new networking.VirtualServiceV1Beta1(chart, 'Legacy', {
      metadata: { name: 'reviews' },
      spec: { hosts: ['reviews'], http: [{ route: [{ destination: { host: 'reviews' } }] }] },
    });
    new security.PeerAuthentication(chart, 'Strict', {
      metadata: { name: 'default', namespace: 'istio-system' },
      spec: { mtls: { mode: security.PeerAuthenticationSpecMtlsMode.STRICT } },
    });

    const manifest = Testing.synth(chart);

    expect(ApiObject.of(legacy).apiVersion).toBe('networking.istio.io/v1beta1');
    expect(manifest).toEqual([
      {
        apiVersion: 'networking.istio.io/v1beta1',
        kind: 'VirtualService',
        metadata: { name: 'reviews' },
        spec: { hosts: ['reviews'], http: [{ route: [{ destination: { host: 'reviews' } }] }] },
      },
      {
        apiVersion: 'security.istio.io/v1',
        kind: 'PeerAuthentication',
        metadata: { name: 'default', namespace: 'istio-system' },
        spec: { mtls: { mode: 'STRICT' } },
      },
    ]);
  });
});
