import { Duration, Testing } from 'cdk8s';
import { CorsPolicy, Host, HttpMethod, IstioValidation, StringMatch, UnmatchedPreflights, VirtualService } from '../src';

const reviews = Host.fromName('reviews');

function cors(policy: CorsPolicy): any {
  const chart = Testing.chart();
  IstioValidation.disableAnalysis(chart);
  new VirtualService(chart, 'Vs', { hosts: [reviews], http: [{ route: [{ host: reviews }], corsPolicy: policy }] });
  return Testing.synth(chart)[0].spec.http[0].corsPolicy;
}

describe('CorsPolicy', () => {
  test('every field; methods without repeats', () => {
    expect(cors({
      allowOrigins: [StringMatch.exact('https://shop.example.com'), StringMatch.regex('https://.*\\.example\\.com')],
      allowMethods: [HttpMethod.GET, HttpMethod.POST, HttpMethod.GET],
      allowHeaders: ['content-type', 'authorization'],
      exposeHeaders: ['x-request-id'],
      maxAge: Duration.hours(24),
      allowCredentials: true,
      unmatchedPreflights: UnmatchedPreflights.IGNORE,
    })).toEqual({
      allowOrigins: [{ exact: 'https://shop.example.com' }, { regex: 'https://.*\\.example\\.com' }],
      allowMethods: ['GET', 'POST'],
      allowHeaders: ['content-type', 'authorization'],
      exposeHeaders: ['x-request-id'],
      maxAge: '24h',
      allowCredentials: true,
      unmatchedPreflights: 'IGNORE',
    });
  });

  test('every method, and every header', () => {
    expect(cors({ allowOrigins: [StringMatch.prefix('https://')], allowMethods: [HttpMethod.ALL], allowHeaders: ['*'] }))
      .toEqual({ allowOrigins: [{ prefix: 'https://' }], allowMethods: ['*'], allowHeaders: ['*'] });
  });

  describe('fails', () => {
    test('without an allowed origin', () => {
      expect(() => cors({ allowOrigins: [] })).toThrow("VirtualService 'test/Vs': http[0].corsPolicy.allowOrigins is empty: no origin would be allowed");
    });

    test('on a header name Istio rejects', () => {
      expect(() => cors({ allowOrigins: [StringMatch.exact('https://a.com')], exposeHeaders: ['x y'] }))
        .toThrow("VirtualService 'test/Vs': http[0].corsPolicy.exposeHeaders[0]: header name x y is not a valid header name");
    });

    test('on a maxAge finer than seconds', () => {
      expect(() => cors({ allowOrigins: [StringMatch.exact('https://a.com')], maxAge: Duration.millis(1500) }))
        .toThrow("VirtualService 'test/Vs': http[0].corsPolicy.maxAge must be whole seconds (browsers count in seconds), got 1500ms");
    });
  });
});
