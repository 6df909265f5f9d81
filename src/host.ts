import { ApiObjectMetadataDefinition } from 'cdk8s';
import { Construct } from 'constructs';
import { factoryError } from './core/errors';
import { ExternalKind, markExternal } from './core/external';

/**
 * A host a route, a DestinationRule or a Sidecar can refer to: a Kubernetes Service, a ServiceEntry's
 * host, or a name as Istio reads it.
 *
 * Implemented by `Host` (its factories), by `ServiceEntry` (its first host) and by
 * `ServiceEntry.host()`.
 */
export interface IHost {
  /**
   * The host as it is written in Istio's YAML: a short name (`reviews`, resolved in the namespace of
   * the object that names it), a fully qualified name (`reviews.shop.svc.cluster.local`), an external
   * name (`api.example.com`) or a wildcard (`*.example.com`).
   */
  readonly hostName: string;
}

/**
 * A Kubernetes Service as a host: what a cdk8s-plus `Service` (or any construct with a name and
 * metadata) offers. cdk8s-plus need not be installed: anything of this shape is accepted.
 */
export interface IKubeService {
  /** The Service's name. */
  readonly name: string;
  /** The Service's metadata (its namespace, if it sets one). */
  readonly metadata: ApiObjectMetadataDefinition;
}

/** Options of `Host.fromKubeService()`. */
export interface KubeServiceHostOptions {
  /**
   * The cluster's DNS domain.
   * @default 'cluster.local'
   */
  readonly clusterDomain?: string;
}

/** Hosts, from a name, a Service name and namespace, or a cdk8s-plus Service. */
export class Host implements IHost {
  /**
   * A host as written: `reviews`, `reviews.shop.svc.cluster.local`, `api.example.com`, `*.example.com`.
   *
   * A short name is resolved by Istio in the namespace of the object that names it; prefer
   * `Host.fromService()` when the Service lives in another namespace.
   *
   * @example Host.fromName('api.example.com')
   */
  public static fromName(hostName: string): IHost {
    if (typeof hostName !== 'string' || hostName.trim() === '' || /\s|\//.test(hostName)) {
      throw factoryError('Host.fromName()', `hostName must be a DNS name (optionally with a leading '*'), got ${JSON.stringify(hostName)}; `
        + "write e.g. 'reviews', 'reviews.shop.svc.cluster.local' or '*.example.com'");
    }
    return new Host(hostName);
  }

  /**
   * A Kubernetes Service by name and namespace, rendered fully qualified
   * (`reviews.shop.svc.cluster.local`), so it means the same Service from every namespace.
   *
   * @param name the Service's name
   * @param namespace the Service's namespace
   * @param clusterDomain the cluster's DNS domain (default `cluster.local`)
   */
  public static fromService(name: string, namespace: string, clusterDomain: string = 'cluster.local'): IHost {
    for (const [field, value] of [['name', name], ['namespace', namespace]]) {
      if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(value ?? '')) {
        throw factoryError('Host.fromService()', `${field} must be a DNS-1123 label (lowercase letters, digits, '-'), got ${JSON.stringify(value)}`);
      }
    }
    return new Host(`${name}.${namespace}.svc.${clusterDomain}`);
  }

  /**
   * A Kubernetes Service construct (a cdk8s-plus `Service`): fully qualified when it sets a namespace,
   * its short name otherwise (then Istio resolves it in the namespace of the object that names it).
   */
  public static fromKubeService(service: IKubeService, options: KubeServiceHostOptions = {}): IHost {
    const namespace = service.metadata.namespace;
    return namespace ? Host.fromService(service.name, namespace, options.clusterDomain) : Host.fromName(service.name);
  }

  /**
   * A host the app routes to but does not declare (a Service deployed by another repository): the
   * analysis counts it as present, so no "host not found" finding is raised for it.
   *
   * @param scope the scope of the import
   * @param id the import's id
   * @param hostName the host as written
   */
  public static fromExternalName(scope: Construct, id: string, hostName: string): IHost {
    const host = new ExternalHost(scope, id, Host.fromName(hostName).hostName);
    markExternal(host, { kind: ExternalKind.HOST, ref: host.hostName });
    return host;
  }

  private constructor(public readonly hostName: string) {}
}

/** An imported host: a construct, so it shows in the tree where it is declared. */
class ExternalHost extends Construct implements IHost {
  constructor(scope: Construct, id: string, public readonly hostName: string) {
    super(scope, id);
  }
}
