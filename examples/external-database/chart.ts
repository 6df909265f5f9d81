import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { ExternalDatabase } from '../../src';

/**
 * The seed's external-database ServiceEntry (section "ServiceEntry"): Postgres at
 * postgres.external.com:5432, two instances in two regions, as an ExternalDatabase. Two additions:
 * the virtual IP a TCP port needs (Istio's IST0134) and exportTo ['.'] (best practice 4); and a
 * DestinationRule ejecting an instance that fails connections (best practice 6).
 */
export class ExternalDatabaseChart extends Chart {
  public readonly database: ExternalDatabase;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.database = new ExternalDatabase(this, 'Postgres', {
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
  }
}
