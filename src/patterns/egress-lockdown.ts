import { Construct } from 'constructs';
import { constructError, shown } from '../core/errors';
import { OutboundTrafficPolicyMode, Sidecar, SidecarEgressHost } from '../sidecar';

/** Props of an `EgressLockdown`. */
export interface EgressLockdownProps {
  /**
   * The namespace locked down (the Sidecar's namespace).
   * @default - none: the namespace the Sidecar is applied to
   */
  readonly namespace?: string;

  /**
   * The Sidecar's name.
   * @default - 'default' for a namespace-wide lockdown (Istio's convention: one Sidecar without a
   * selector per namespace), the id in kebab case with a `workloadSelector`
   */
  readonly name?: string;

  /**
   * Labels of the workloads locked down.
   * @default - every workload of the namespace without a Sidecar of its own
   */
  readonly workloadSelector?: { [key: string]: string };

  /**
   * Allow the services declared in the Sidecar's own namespace (`./*`).
   * @default true
   */
  readonly allowOwnNamespace?: boolean;

  /**
   * The namespace of the mesh's own services, allowed as `<namespace>/*`: the egress gateway (which
   * `ExternalApi`'s `egressGateway` routes through), and the telemetry, tracing and extension providers
   * (ext-authz) deployed with Istio, which the proxies reach through these listeners. (istiod itself is
   * reached by the proxy's bootstrap, not through them.) `undefined` is not a way to drop it: see
   * `allowIstioNamespace`.
   * @default 'istio-system'
   */
  readonly istioNamespace?: string;

  /**
   * Allow the Istio namespace's services (`istioNamespace`).
   * @default true — dropping it cuts the workloads off the egress gateway and the mesh's telemetry backends
   */
  readonly allowIstioNamespace?: boolean;

  /**
   * Further hosts the workloads may reach, `namespace/dnsName`: an `ExternalApi`'s or `ExternalDatabase`'s
   * `egressHosts`, `SidecarEgressHost.inNamespace('shared', Host.fromService(...))`, a ServiceEntry's host.
   * A host already allowed (listed twice, or in a namespace allowed as a whole, such as an API declared
   * in the Sidecar's own namespace) is left out: Istio warns about such duplicates.
   * @default - none
   */
  readonly allowedHosts?: SidecarEgressHost[];
}

/**
 * Locks the outbound traffic of a namespace (or of the workloads a selector picks) to what the mesh
 * knows and the lockdown allows: a Sidecar with `outboundTrafficPolicy: REGISTRY_ONLY` (traffic to
 * hosts outside the service registry is refused) and one egress listener listing the allowed hosts
 * (best practice 3: it also keeps the proxies' configuration small). By default the own namespace and
 * `istio-system` are allowed; add external APIs with `allowedHosts` (their ServiceEntries put them in
 * the registry).
 *
 * No egress proxy: Istio accepts `outboundTrafficPolicy.egressProxy` only in ALLOW_ANY mode, which
 * lets unknown traffic out and so is no lockdown, and Istio 1.30 ignores the field (deprecated,
 * IST0002). To send external traffic through an exit point, route each API through an egress gateway
 * (`ExternalApi`'s `egressGateway`).
 *
 * REGISTRY_ONLY is enforced by the sidecar, which shares the application's network: pair it with a
 * Kubernetes NetworkPolicy where egress must hold against a compromised workload.
 *
 * @example
 * const payments = new ExternalApi(chart, 'Payments', { host: 'api.payments.example.com', namespace: 'egress', exportTo: ['.', 'shop'] });
 * new EgressLockdown(chart, 'Shop', { namespace: 'shop', allowedHosts: payments.egressHosts });
 */
export class EgressLockdown extends Construct {
  /** The Sidecar. */
  public readonly sidecar: Sidecar;

  constructor(scope: Construct, id: string, props: EgressLockdownProps = {}) {
    super(scope, id);
    const fail = (message: string) => constructError('EgressLockdown', this, message);
    if (props.workloadSelector && Object.keys(props.workloadSelector).length === 0) {
      throw fail('workloadSelector is empty: give at least one label, or leave it out to lock the whole namespace');
    }
    if (props.allowIstioNamespace === false && props.istioNamespace !== undefined) {
      throw fail(`istioNamespace ${shown(props.istioNamespace)} is given but allowIstioNamespace is false; drop one`);
    }
    const wanted: SidecarEgressHost[] = [];
    if (props.allowOwnNamespace ?? true) wanted.push(SidecarEgressHost.currentNamespace());
    if (props.allowIstioNamespace ?? true) wanted.push(SidecarEgressHost.inNamespace(props.istioNamespace ?? 'istio-system'));
    wanted.push(...props.allowedHosts ?? []);
    const hosts = withoutCovered(wanted, props.namespace);
    if (hosts.length === 0) {
      throw fail('nothing is allowed: with allowOwnNamespace and allowIstioNamespace false, give allowedHosts '
        + '(or, for workloads that call nothing, allowedHosts: [SidecarEgressHost.none()])');
    }
    const name = props.name ?? (props.workloadSelector ? kebab(id) : 'default');
    this.sidecar = new Sidecar(this, 'Sidecar', {
      metadata: { name, namespace: props.namespace },
      workloadSelector: props.workloadSelector,
      egress: [{ hosts }],
      outboundTrafficPolicy: OutboundTrafficPolicyMode.REGISTRY_ONLY,
    });
  }
}

/**
 * The hosts, without those another one already allows (the same host, or a host of a namespace
 * allowed as a whole: Istio's "duplicated egress host"); `.` is the Sidecar's namespace.
 */
function withoutCovered(hosts: SidecarEgressHost[], namespace: string | undefined): SidecarEgressHost[] {
  const split = (host: SidecarEgressHost) => {
    const slash = host.value.indexOf('/');
    const ns = host.value.slice(0, slash);
    return [ns === '.' ? namespace ?? '.' : ns, host.value.slice(slash + 1)];
  };
  const wholeNamespaces = new Set(hosts.map(split).filter(([, name]) => name === '*').map(([ns]) => ns));
  const kept: SidecarEgressHost[] = [];
  const seen = new Set<string>();
  for (const host of hosts) {
    const [ns, name] = split(host);
    const key = `${ns}/${name}`;
    if (seen.has(key) || (name !== '*' && wholeNamespaces.has(ns))) continue;
    seen.add(key);
    kept.push(host);
  }
  return kept;
}

/** `PaymentsApi` -> `payments-api`. */
function kebab(id: string): string {
  return id.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase().slice(0, 63) || 'egress-lockdown';
}
