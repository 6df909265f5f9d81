import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { Protocol, ServiceEntry, ServiceEntryLocation } from '../../src';

/**
 * Seed section "ServiceEntry". Location and resolution are left out where ServiceEntry's default is
 * the seed's value (MESH_EXTERNAL; DNS for DNS names, STATIC for IP addresses); both are always written out.
 */
export class ServiceEntryExamples extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    new ServiceEntry(this, 'external-database', {
      metadata: { name: 'external-database', namespace: 'default' },
      hosts: ['postgres.external.com'],
      ports: [{ number: 5432, name: 'postgres', protocol: Protocol.TCP }],
      endpoints: [
        { address: 'postgres-1.external.com', ports: { postgres: 5432 }, labels: { region: 'us-east' } },
        { address: 'postgres-2.external.com', ports: { postgres: 5432 }, labels: { region: 'us-west' } },
      ],
    });

    // Fix: the seed asks for resolution DNS, which Istio refuses for a wildcard host without endpoints
    // ("hosts must be FQDN or contain only prefix wildcards if no endpoints are provided for resolution
    // mode DNS"). With a wildcard host, ServiceEntry resolves NONE: the proxy forwards to the address
    // the client resolved, as Istio documents for wildcard external hosts.
    new ServiceEntry(this, 'external-api', {
      metadata: { name: 'external-api' },
      hosts: ['api.external.com', '*.api.external.com'],
      ports: [{ number: 443, name: 'https', protocol: Protocol.HTTPS }],
    });

    // Fix: Istio takes endpoints or a workloadSelector, not both ("only one of WorkloadSelector or
    // Endpoints can be set"). The VMs' addresses are this entry's substance; selecting workloads by
    // label is what vm-workload below shows.
    new ServiceEntry(this, 'legacy-vm-service', {
      metadata: { name: 'legacy-vm-service' },
      hosts: ['legacy-service.internal'],
      addresses: ['10.1.2.0/24'],
      ports: [
        { number: 8080, name: 'http', protocol: Protocol.HTTP },
        { number: 9090, name: 'metrics', protocol: Protocol.HTTP },
      ],
      location: ServiceEntryLocation.MESH_INTERNAL,
      endpoints: [
        { address: '10.1.2.10', labels: { version: 'v1', env: 'prod' } },
        { address: '10.1.2.11', labels: { version: 'v2', env: 'prod' } },
      ],
    });

    new ServiceEntry(this, 'shared-database', {
      metadata: { name: 'shared-database', namespace: 'infrastructure' },
      hosts: ['shared-db.example.com'],
      ports: [{ number: 3306, name: 'mysql', protocol: Protocol.TCP }],
      exportTo: ['.', 'team-a', 'team-b'],
    });

    // MESH_INTERNAL and STATIC: selected workloads are in the mesh, with their own addresses.
    new ServiceEntry(this, 'vm-workload', {
      metadata: { name: 'vm-workload' },
      hosts: ['vm-service.internal'],
      ports: [{ number: 8080, name: 'http', protocol: Protocol.HTTP }],
      workloadSelector: { app: 'vm-service', type: 'vm' },
    });
  }
}
