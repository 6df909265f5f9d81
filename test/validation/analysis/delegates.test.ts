import { findings, route } from './fixtures';
import { Severity } from '../../../src/validation/diagnostic';
import { virtualService } from '../../support/objects';

const root = (delegate: Record<string, string>) => virtualService('root', { hosts: ['shop.example.com'], gateways: ['gw'], http: [{ match: [{ uri: { prefix: '/cart' } }], delegate }] }, 'edge');

describe('delegate VirtualServices (CI1004, CI1005, CI1006)', () => {
  test('a delegate without hosts, exported to the root namespace: nothing', () => {
    const delegate = virtualService('cart', { exportTo: ['edge'], http: [route('cart')] }, 'shop');
    expect(findings([root({ name: 'cart', namespace: 'shop' }), delegate], 'CI1004', 'CI1005', 'CI1006')).toEqual([]);
  });

  test('a missing delegate (namespace defaults to the root one): CI1004', () => {
    expect(findings([root({ name: 'cart' })], 'CI1004')).toEqual([{
      code: 'CI1004',
      severity: Severity.ERROR,
      name: 'root',
      objectIndex: 0,
      path: 'spec.http[0].delegate',
      message: 'Referenced delegate VirtualService not found: "edge/cart"; Istio ignores this HTTP route',
    }]);
  });

  test('a delegate with hosts, or delegating further: CI1005', () => {
    const withHosts = virtualService('cart', { hosts: ['cart'], http: [route('cart')] }, 'edge');
    const chained = virtualService('orders', { http: [{ delegate: { name: 'more' } }] }, 'edge');
    const objects = [root({ name: 'cart' }), withHosts, virtualService('root2', { hosts: ['b.example.com'], http: [{ delegate: { name: 'orders' } }] }, 'edge'), chained];
    expect(findings(objects, 'CI1005').map(f => [f.name, f.message])).toEqual([
      ['root', 'delegate VirtualService "edge/cart" has hosts, so istiod treats it as a root VirtualService, not a delegate; Istio ignores this HTTP route'],
      ['root2', 'delegate VirtualService "edge/orders" delegates further; Istio supports one level of delegation only; Istio ignores this HTTP route'],
    ]);
  });

  test('a delegate not exported to the root namespace: CI1006', () => {
    const delegate = virtualService('cart', { exportTo: ['.'], http: [route('cart')] }, 'shop');
    expect(findings([root({ name: 'cart', namespace: 'shop' }), delegate], 'CI1006')).toEqual([expect.objectContaining({
      code: 'CI1006', message: 'delegate VirtualService "shop/cart" is not exported to namespace "edge" (exportTo [.]); Istio ignores this HTTP route',
    })]);
  });
});
