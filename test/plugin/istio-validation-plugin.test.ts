import { ValidationContext } from 'cdk8s-cli/plugins';
import { dump } from 'js-yaml';
import { IIstioValidationPluginContext, IstioValidationPlugin, IstioValidationPluginProps } from '../../src';
import * as pluginEntryPoint from '../../src/plugin';
import { destinationRule as istioDestinationRule, gateway as istioGateway, object, virtualService as istioVirtualService } from '../support/objects';
import { TempDir } from '../support/temp-dir';

const temp = new TempDir();
afterAll(() => temp.remove());

let fileCount = 0;

/** Writes each entry as a manifest file (documents joined with `---`); returns the paths. */
function manifests(...files: Array<Array<object | string>>): string[] {
  return files.map(documents => temp.write(
    `manifest-${fileCount++}.k8s.yaml`,
    documents.map(document => typeof document === 'string' ? document : dump(document)).join('---\n'),
  ));
}

/**
 * Runs the plugin with cdk8s-cli's own ValidationContext (the pinned cdk8s-cli), as `cdk8s synth`
 * does, and returns cdk8s-cli's JSON report: construct paths come from `constructPaths`, keyed by
 * `metadata.name` as in the construct-metadata.json cdk8s writes.
 */
async function validate(paths: string[], constructPaths: Record<string, string> = {}, props?: IstioValidationPluginProps) {
  const metadata = Object.fromEntries(Object.entries(constructPaths).map(([name, path]) => [name, { path }]));
  const cli = new ValidationContext(paths, 'cdk8s-istio', '0.0.0', metadata, false);
  // Compiles only while cdk8s-cli's report fits the plugin's structural contract.
  const context: IIstioValidationPluginContext = { manifests: [...cli.manifests], report: cli.report };
  await new IstioValidationPlugin(props).validate(context);
  return { report: cli.report.toJson(), success: cli.report.success };
}

function service(name: string, namespace = 'shop') {
  return object('v1', 'Service', name, { selector: { app: name }, ports: [{ name: 'http', port: 9080 }] }, namespace);
}

const virtualService = (name: string, spec: Record<string, unknown>) => istioVirtualService(name, spec, 'shop');

const toReviews = { route: [{ destination: { host: 'reviews' } }] };
const gateway = istioGateway('web', {
  selector: { istio: 'ingressgateway' },
  servers: [{ port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['reviews.example.com'] }],
}, 'shop');

describe('loading, as cdk8s-cli loads it', () => {
  test('exported from the package root (cdk8s-cli takes `module[class]`) and from the plugin entry point', () => {
    expect(pluginEntryPoint.IstioValidationPlugin).toBe(IstioValidationPlugin);
  });

  test('cdk8s-cli passes `properties ?? {}`: no properties is the default (analysis on)', async () => {
    const paths = manifests([virtualService('route', { hosts: ['reviews.example.com'], gateways: ['missing'], http: [toReviews] })]);
    const { report } = await validate(paths, {}, {});
    expect(report.summary.metadata).toMatchObject({ 'Cross-resource analysis': 'on' });
    expect(report.violations.map(v => v.ruleName)).toContain('Error [IST0101] ReferencedResourceNotFound');
  });

  test('fails if a property is unknown (a typo would otherwise switch nothing)', () => {
    expect(() => new IstioValidationPlugin({ analyis: false } as IstioValidationPluginProps))
      .toThrow('IstioValidationPlugin: cdk8s.yaml validations[].properties: unknown property "analyis"; known properties: analysis');
  });

  test('fails if analysis is not a boolean', () => {
    expect(() => new IstioValidationPlugin({ analysis: 'no' } as unknown as IstioValidationPluginProps))
      .toThrow('IstioValidationPlugin: cdk8s.yaml validations[].properties: "analysis" must be true or false, got "no"');
  });

  test('fails if the properties are not a mapping', () => {
    expect(() => new IstioValidationPlugin(['analysis'] as unknown as IstioValidationPluginProps))
      .toThrow('IstioValidationPlugin: cdk8s.yaml validations[].properties must be a mapping, got ["analysis"]; known properties: analysis');
  });
});

describe('the report', () => {
  test('an error: one violation named as istioctl names it, the field path, the construct path; the validation fails', async () => {
    const [path] = manifests([service('reviews'), virtualService('reviews-route', { hosts: ['reviews.example.com'], gateways: ['missing'], http: [toReviews] })]);
    const { report, success } = await validate([path], { 'reviews': 'shop/reviews-service', 'reviews-route': 'shop/reviews-route' });
    expect(success).toBe(false);
    expect(report.violations[0]).toEqual({
      ruleName: 'Error [IST0101] ReferencedResourceNotFound',
      recommendation: 'Referenced gateway not found: "missing"',
      fix: 'https://istio.io/latest/docs/reference/config/analysis/ist0101/',
      violatingConstructs: [{
        resourceName: 'reviews-route',
        locations: ['VirtualService shop/reviews-route: spec.gateways[0]'],
        manifestPath: path,
        constructPath: 'shop/reviews-route',
      }],
    });
    // The gateway's absence also makes IST0132 (a warning), listed after the errors.
    expect(report.violations.map(v => v.ruleName)).toEqual(['Error [IST0101] ReferencedResourceNotFound', 'Warning [IST0132] VirtualServiceHostNotFoundInGateway']);
    expect(report.summary).toEqual({
      status: 'failure',
      plugin: 'cdk8s-istio',
      version: '0.0.0',
      metadata: { 'Istio objects': '1', 'Errors': '1', 'Warnings': '1', 'Infos': '0', 'Cross-resource analysis': 'on' },
    });
  });

  test('a schema error is IST0106 SchemaValidationError, with the field path', async () => {
    const destinationRule = istioDestinationRule('ratings', { host: 'reviews', trafficPolicy: { loadBalancer: { simple: 'FASTEST' } } }, 'shop');
    const { report, success } = await validate(manifests([service('reviews'), destinationRule]), { ratings: 'shop/ratings/Resource' });
    expect(success).toBe(false);
    expect(report.violations[0]).toMatchObject({
      ruleName: 'Error [IST0106] SchemaValidationError',
      recommendation: expect.stringMatching(/^Unsupported value: "FASTEST": supported values: /),
      violatingConstructs: [expect.objectContaining({
        locations: ['DestinationRule shop/ratings: spec.trafficPolicy.loadBalancer.simple'],
        constructPath: 'shop/ratings/Resource',
      })],
    });
  });

  test('warnings only: listed as violations, but the validation succeeds', async () => {
    const paths = manifests([service('reviews'), virtualService('reviews', { hosts: ['reviews'], http: [toReviews, toReviews] })]);
    const { report, success } = await validate(paths);
    expect(success).toBe(true);
    expect(report.violations).toEqual([expect.objectContaining({
      ruleName: 'Warning [IST0130] VirtualServiceUnreachableRule',
      recommendation: 'VirtualService rule #1 not used (only the last rule can have no matches).',
      violatingConstructs: [expect.objectContaining({ locations: ['VirtualService shop/reviews: spec.http[1]'] })],
    })]);
    expect(report.summary.status).toBe('success');
  });

  test('an info of our own (CI code): listed, named, and pointing at our docs', async () => {
    const split = { route: [{ destination: { host: 'reviews' }, weight: 30 }, { destination: { host: 'reviews' }, weight: 30 }] };
    const { report, success } = await validate(manifests([service('reviews'), virtualService('split', { hosts: ['reviews'], http: [split] })]));
    expect(success).toBe(true);
    expect(report.violations).toEqual([expect.objectContaining({
      ruleName: 'Info [CI1002] WeightsNotHundred',
      fix: 'see CI1002 in cdk8s-istio\'s validation docs (README, "Validation")',
    })]);
    expect(report.summary.metadata).toMatchObject({ Errors: '0', Warnings: '0', Infos: '1' });
  });

  test('no Istio problem: no violations, success', async () => {
    const { report, success } = await validate(manifests([service('reviews'), virtualService('reviews', { hosts: ['reviews'], http: [toReviews] })]));
    expect(success).toBe(true);
    expect(report.violations).toEqual([]);
    expect(report.summary.metadata).toMatchObject({ 'Istio objects': '1', 'Errors': '0' });
  });

  test('a name shared by two objects: named by kind and namespace, no construct path rather than the other object\'s', async () => {
    const paths = manifests([service('reviews'), virtualService('reviews', { hosts: ['reviews.example.com'], gateways: ['missing'], http: [toReviews] })]);
    // cdk8s writes construct-metadata.json keyed by name alone: one of the two objects wins.
    const { report } = await validate(paths, { reviews: 'shop/reviews-service' });
    expect(report.violations[0].violatingConstructs).toEqual([{
      resourceName: 'VirtualService shop/reviews',
      locations: ['VirtualService shop/reviews: spec.gateways[0]'],
      manifestPath: paths[0],
      constructPath: undefined,
    }]);
  });

  test('one finding on two objects: one violation listing both', async () => {
    const broken = { hosts: ['reviews.example.com'], gateways: ['missing'], http: [toReviews] };
    const [path] = manifests([service('reviews'), virtualService('a', broken), virtualService('b', broken)]);
    const { report } = await validate([path], { a: 'shop/a', b: 'shop/b' });
    expect(report.violations[0]).toMatchObject({
      ruleName: 'Error [IST0101] ReferencedResourceNotFound',
      violatingConstructs: [
        { resourceName: 'a', locations: ['VirtualService shop/a: spec.gateways[0]'], manifestPath: path, constructPath: 'shop/a' },
        { resourceName: 'b', locations: ['VirtualService shop/b: spec.gateways[0]'], manifestPath: path, constructPath: 'shop/b' },
      ],
    });
  });

  test('one finding at two fields of one object: one resource, both locations', async () => {
    const [path] = manifests([service('reviews'), virtualService('a', { hosts: ['reviews.example.com'], gateways: ['missing', 'missing'], http: [toReviews] })]);
    const { report } = await validate([path]);
    expect(report.violations[0].violatingConstructs).toEqual([expect.objectContaining({
      resourceName: 'a',
      locations: ['VirtualService shop/a: spec.gateways[0]', 'VirtualService shop/a: spec.gateways[1]'],
    })]);
  });
});

describe('the manifests', () => {
  test('all manifests are analysed together (a Helm chart\'s templates, one per chart): a Gateway in another file is found', async () => {
    const paths = manifests(
      [service('reviews'), virtualService('route', { hosts: ['reviews.example.com'], gateways: ['web'], http: [toReviews] })],
      [gateway],
    );
    const { report, success } = await validate(paths);
    expect(report.violations).toEqual([]);
    expect(success).toBe(true);
  });

  test('analysis: false checks each object alone (the Gateway may be deployed elsewhere)', async () => {
    const paths = manifests([virtualService('route', { hosts: ['reviews.example.com'], gateways: ['shared'], http: [toReviews] })]);
    const { report, success } = await validate(paths, {}, { analysis: false });
    expect(report.violations).toEqual([]);
    expect(success).toBe(true);
    expect(report.summary.metadata).toMatchObject({ 'Cross-resource analysis': 'off' });
  });

  test('YAML as Kubernetes reads it: empty documents skipped, merge keys honoured', async () => {
    const withMerge = [
      'apiVersion: networking.istio.io/v1',
      'kind: VirtualService',
      'metadata: {name: merged, namespace: shop}',
      'spec:',
      '  base: &base {hosts: [reviews]}',
      '  <<: *base',
      '',
    ].join('\n');
    const { report } = await validate(manifests(['', service('reviews'), withMerge, '# only a comment\n']));
    // The merged-in `hosts` is read; `base` is an unknown field, so the merge reached the validator.
    expect(report.violations.map(v => v.recommendation)).toEqual(['unknown field "spec.base"']);
    expect(report.summary.metadata).toMatchObject({ 'Istio objects': '1' });
  });

  test('fails if a manifest is not YAML, naming the file; the others are still validated', async () => {
    const [bad] = manifests(['kind: [unclosed\n']);
    const [good] = manifests([service('reviews'), virtualService('route', { hosts: ['reviews.example.com'], gateways: ['missing'], http: [toReviews] })]);
    const { report, success } = await validate([bad, good]);
    expect(success).toBe(false);
    expect(report.violations[0]).toEqual({
      ruleName: 'Error: manifest not readable',
      recommendation: expect.stringMatching(/^the manifest could not be read as YAML, so its objects were not validated: /),
      fix: 'synthesize the app again; if the file is Include\'d, check its YAML',
      violatingConstructs: [{ resourceName: bad, locations: [expect.stringContaining(bad)], manifestPath: bad, constructPath: undefined }],
    });
    expect(report.violations.map(v => v.ruleName)).toContain('Error [IST0101] ReferencedResourceNotFound');
  });

  test('only non-Istio objects: nothing to report', async () => {
    const { report, success } = await validate(manifests([service('reviews')]));
    expect(success).toBe(true);
    expect(report.violations).toEqual([]);
    expect(report.summary.metadata).toMatchObject({ 'Istio objects': '0' });
  });
});
