import { Testing } from 'cdk8s';
import * as fc from 'fast-check';
import { ExternalDatabase, Protocol, ResilienceProfile } from '../../src';
import { seedObjects } from '../support/pinned';
import { synthClean } from '../support/synth-clean';


test('the seed\'s external-database, with the address Istio needs for a TCP port and exportTo narrowed', () => {
  const seed = seedObjects().find(o => o.kind === 'ServiceEntry' && o.metadata.name === 'external-database')!;
  const chart = Testing.chart();
  const db = new ExternalDatabase(chart, 'Postgres', {
    name: 'external-database',
    namespace: 'default',
    host: 'postgres.external.com',
    port: 5432,
    portName: 'postgres',
    addresses: ['240.240.0.10'],
    endpoints: [
      { address: 'postgres-1.external.com', ports: { postgres: 5432 }, labels: { region: 'us-east' } },
      { address: 'postgres-2.external.com', ports: { postgres: 5432 }, labels: { region: 'us-west' } },
    ],
  });
  const out = synthClean(chart, { allowInfos: true });
  const se = out.find(o => o.kind === 'ServiceEntry');
  // Two differences from the seed, both on purpose: the VIP (IST0134) and exportTo (best practice 4).
  expect(se.spec).toEqual({ ...seed.spec, addresses: ['240.240.0.10'], exportTo: ['.'] });
  expect(se.metadata).toEqual(seed.metadata);
  const dr = out.find(o => o.kind === 'DestinationRule');
  expect(dr.spec).toEqual({
    host: 'postgres.external.com',
    exportTo: ['.'],
    trafficPolicy: { outlierDetection: { consecutive5xxErrors: 5, interval: '10s', baseEjectionTime: '30s', maxEjectionPercent: 50 } },
  });
  expect(db.egressHosts.map(h => h.value)).toEqual(['default/postgres.external.com']);
  expect(db.host.hostName).toBe('postgres.external.com');
  expect(out).toMatchSnapshot();
});

test('a protocol Istio knows needs no address; default name and port name; connection pool; no namespace', () => {
  const chart = Testing.chart();
  const db = new ExternalDatabase(chart, 'Orders', {
    host: 'orders.db.example.com',
    port: 3306,
    protocol: Protocol.MYSQL,
    exportTo: ['.', 'billing'],
    resilience: ResilienceProfile.custom({ connectionPool: { tcp: { maxConnections: 20 } } }),
  });
  const out = synthClean(chart, { allowInfos: true });
  expect(out.map(o => [o.kind, o.metadata.name])).toEqual([['ServiceEntry', 'orders-db-example-com'], ['DestinationRule', 'orders-db-example-com']]);
  expect(out[0].spec.ports).toEqual([{ number: 3306, name: 'mysql-3306', protocol: 'MYSQL' }]);
  expect(out[0].spec.exportTo).toEqual(['.', 'billing']);
  expect(out[1].spec.trafficPolicy).toEqual({ connectionPool: { tcp: { maxConnections: 20 } } });
  expect(db.egressHosts.map(h => h.value)).toEqual(['./orders.db.example.com']);
});

test('no DestinationRule when the profile sets nothing for connections', () => {
  const chart = Testing.chart();
  const db = new ExternalDatabase(chart, 'Cache', { host: 'cache.example.com', port: 6379, protocol: Protocol.REDIS, resilience: ResilienceProfile.none() });
  expect(synthClean(chart, { allowInfos: true }).map(o => o.kind)).toEqual(['ServiceEntry']);
  expect(db.destinationRule).toBeUndefined();
});

describe('ExternalDatabase errors', () => {
  const cases: [string, () => void, RegExp][] = [
    ['wildcard host', () => new ExternalDatabase(Testing.chart(), 'D', { host: '*.db.com', port: 5432, addresses: ['10.0.0.1'] }), /ExternalDatabase 'test\/D': host must be one fully qualified DNS name, got "\*.db.com"/],
    ['bad name', () => new ExternalDatabase(Testing.chart(), 'D', { host: 'db.example.com', port: 5432, addresses: ['10.0.0.1'], name: 'DB' }), /name must be a DNS-1123 label/],
    ['port', () => new ExternalDatabase(Testing.chart(), 'D', { host: 'db.example.com', port: 0 }), /port must be an integer between 1 and 65535, got 0/],
    ['HTTP protocol', () => new ExternalDatabase(Testing.chart(), 'D', { host: 'db.example.com', port: 80, protocol: Protocol.HTTP }), /protocol must be one of TCP, MYSQL, MONGO, REDIS, TLS for a database, got "HTTP"; use ExternalApi/],
    ['TCP without address', () => new ExternalDatabase(Testing.chart(), 'D', { host: 'db.example.com', port: 5432 }), /a TCP port needs addresses: .*IST0134/],
  ];
  test.each(cases)('%s', (_, build, message) => expect(build).toThrow(message));
});

test('property: any valid props synthesize validator-clean output', () => {
  fc.assert(fc.property(
    fc.stringMatching(/^[a-z][a-z0-9]{0,8}\.(com|db\.example\.org)$/),
    fc.integer({ min: 1, max: 65535 }),
    fc.constantFrom(Protocol.TCP, Protocol.MYSQL, Protocol.MONGO, Protocol.REDIS, Protocol.TLS),
    fc.constantFrom(
      ResilienceProfile.standard(), ResilienceProfile.none(), ResilienceProfile.custom({ connectionPool: { tcp: { maxConnections: 5 } } })),
    fc.option(fc.constantFrom('shop', 'data')),
    fc.array(fc.stringMatching(/^[a-z]{1,6}\.example\.net$/), { maxLength: 2 }),
    (host, port, protocol, resilience, namespace, endpoints) => {
      const chart = Testing.chart();
      new ExternalDatabase(chart, 'Db', {
        host,
        port,
        protocol,
        resilience,
        namespace: namespace ?? undefined,
        addresses: protocol === Protocol.TCP ? ['240.240.1.1'] : undefined,
        endpoints: [...new Set(endpoints)].map(address => ({ address })),
      });
      synthClean(chart, { allowInfos: true });
    }), { numRuns: 40 });
});
