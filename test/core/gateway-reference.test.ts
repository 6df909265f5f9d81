import { gatewayReference, MESH_GATEWAY } from '../../src/core/gateway-reference';

describe('gateway references', () => {
  test('the mesh is `mesh`', () => {
    expect(gatewayReference(MESH_GATEWAY, 'shop')).toBe('mesh');
  });

  test('a gateway in the referring namespace, or of unknown namespace, is its name', () => {
    expect(gatewayReference({ gatewayName: 'web', gatewayNamespace: 'shop' }, 'shop')).toBe('web');
    expect(gatewayReference({ gatewayName: 'web' }, 'shop')).toBe('web');
    expect(gatewayReference({ gatewayName: 'web', gatewayNamespace: 'default' }, undefined)).toBe('web');
  });

  test('a gateway in another namespace is namespace/name', () => {
    expect(gatewayReference({ gatewayName: 'public', gatewayNamespace: 'istio-system' }, 'shop')).toBe('istio-system/public');
    expect(gatewayReference({ gatewayName: 'public', gatewayNamespace: 'istio-system' }, undefined)).toBe('istio-system/public');
  });
});
