import { bestPractices } from './helpers';
import { Severity } from '../../../../src/validation/diagnostic';
import { destinationRule } from '../../../support/objects';

const subsets = [{ name: 'v1', labels: { version: 'v1' } }];

describe('subsets without a connection pool (CI2004)', () => {
  test('labelled subsets with no connectionPool anywhere: CI2004, an info', () => {
    expect(bestPractices([destinationRule('reviews', { host: 'reviews', subsets })], 'CI2004')).toEqual([{
      code: 'CI2004',
      severity: Severity.INFO,
      name: 'reviews',
      objectIndex: 0,
      path: 'spec.trafficPolicy.connectionPool',
      message: 'subsets [v1] get no connectionPool (from the rule or their own trafficPolicy): the proxy applies Envoy\'s defaults '
        + '(1024 connections, pending and concurrent requests), not limits sized from the service\'s capacity; set trafficPolicy.connectionPool',
    }]);
  });

  test('silent: a pool on the rule or on the subset', () => {
    const objects = [
      destinationRule('a', { host: 'a', subsets, trafficPolicy: { connectionPool: { tcp: { maxConnections: 10 } } } }),
      destinationRule('b', { host: 'b', subsets: [{ ...subsets[0], trafficPolicy: { connectionPool: { http: { http2MaxRequests: 10 } } } }] }),
    ];
    expect(bestPractices(objects, 'CI2004')).toEqual([]);
  });
});
