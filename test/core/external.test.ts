import { Testing } from 'cdk8s';
import { ExternalKind, externalOf, externalReferencesValue, markExternal, markOwner, ownerOf, parseExternalReferences } from '../../src/core/external';

describe('external references', () => {
  test('the annotation value lists each reference once, sorted, and parses back', () => {
    const value = externalReferencesValue([
      { kind: ExternalKind.SUBSET, ref: 'reviews.shop.svc.cluster.local/v2' },
      { kind: ExternalKind.GATEWAY, ref: 'istio-system/public' },
      { kind: ExternalKind.GATEWAY, ref: 'istio-system/public' },
    ]);
    expect(value).toBe('Gateway istio-system/public, Subset reviews.shop.svc.cluster.local/v2');
    expect(parseExternalReferences(value!)).toEqual([
      { kind: ExternalKind.GATEWAY, ref: 'istio-system/public' },
      { kind: ExternalKind.SUBSET, ref: 'reviews.shop.svc.cluster.local/v2' },
    ]);
    expect(externalReferencesValue([])).toBeUndefined();
  });

  test('malformed entries are skipped', () => {
    expect(parseExternalReferences('Gateway, Pod x/y, Host a b, Host api.example.com')).toEqual([
      { kind: ExternalKind.HOST, ref: 'api.example.com' },
    ]);
  });

  test('reference objects remember what they stand for and who owns them', () => {
    const gateway = {};
    markExternal(gateway, { kind: ExternalKind.GATEWAY, ref: 'public' });
    expect(externalOf(gateway)).toEqual({ kind: ExternalKind.GATEWAY, ref: 'public' });
    expect(externalOf({})).toBeUndefined();
    expect(externalOf(undefined)).toBeUndefined();
    const chart = Testing.chart();
    const subset = {};
    markOwner(subset, chart);
    expect(ownerOf(subset)).toBe(chart);
    expect(ownerOf(undefined)).toBeUndefined();
  });
});
