import { IHost } from './host';

/**
 * A gateway a route can be bound to: a `Gateway` construct, an imported one
 * (`Gateway.fromGatewayName()`), or the sidecars of the mesh (`Gateway.MESH`).
 */
export interface IGateway {
  /** The Gateway's name (`mesh` for the sidecars of the mesh). */
  readonly gatewayName: string;
  /**
   * The Gateway's namespace.
   * @default - none: the namespace of the object that refers to it
   */
  readonly gatewayNamespace?: string;
}

/**
 * A subset of a host's endpoints, declared by a DestinationRule: what `DestinationRule.addSubset()`
 * returns, or an imported subset (`DestinationRule.fromSubsetName()`). A destination that names a
 * subset takes its host from it, so the two never disagree.
 */
export interface ISubset {
  /** The subset's name. */
  readonly subsetName: string;
  /** The host of the DestinationRule that declares the subset. */
  readonly host: IHost;
}

/**
 * A VirtualService other routes can delegate to: a `VirtualService` construct without hosts, or an
 * imported one (`VirtualService.fromVirtualServiceName()`).
 */
export interface IVirtualServiceRef {
  /** The VirtualService's name. */
  readonly virtualServiceName: string;
  /**
   * The VirtualService's namespace.
   * @default - none: the namespace of the VirtualService that delegates to it
   */
  readonly virtualServiceNamespace?: string;
}
