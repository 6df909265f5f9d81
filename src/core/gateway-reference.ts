/**
 * How a route names a gateway: the mesh's sidecars as a gateway, and a gateway as a VirtualService
 * writes it. Not part of the public API (src/index.ts does not re-export it); the public way to name
 * the mesh is `Gateway.MESH`.
 */
import { IGateway } from '../references';

/** The mesh's sidecars as a gateway (`mesh` in a route's gateways). */
export const MESH_GATEWAY: IGateway = { gatewayName: 'mesh' };

/**
 * A gateway as a VirtualService in `fromNamespace` writes it: `mesh`, `name` when both are in the same
 * namespace (or the gateway's is unknown), else `namespace/name`.
 */
export function gatewayReference(gateway: IGateway, fromNamespace: string | undefined): string {
  if (gateway === MESH_GATEWAY || gateway.gatewayName === 'mesh') return 'mesh';
  const namespace = gateway.gatewayNamespace;
  return namespace && namespace !== (fromNamespace ?? 'default') ? `${namespace}/${gateway.gatewayName}` : gateway.gatewayName;
}
