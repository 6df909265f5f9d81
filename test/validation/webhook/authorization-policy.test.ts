import { Severity } from '../../../src/validation/diagnostic';
import { validateAuthorizationPolicy } from '../../../src/validation/webhook/authorization-policy';
import { authorizationPolicy, collect, err, objectDiagnostics, PrintedFinding, warn, webhookView } from '../../support/objects';

/** The findings of AuthorizationPolicy `foo/authz` with this spec. */
const ap = (spec: any) => collect(findings => validateAuthorizationPolicy(webhookView(authorizationPolicy('authz', spec, 'foo')), findings));
/** An error of `foo/authz`, with the prefix Istio puts on the policy's errors. */
const apErr = (path: string, message: string): PrintedFinding => err(path, `invalid policy authz.foo: ${message}`);

const CUSTOM_NO_RULES = 'CUSTOM action without `rules` is meaningless as it will never be triggered, '
  + 'add an empty rule `{}` if you want it be triggered for every request';
const DENY_NO_RULES = 'DENY action without `rules` is meaningless as it will never be triggered, '
  + 'add an empty rule `{}` if you want it be triggered for every request';
const DENY_ALL = 'configured AuthorizationPolicy will deny all traffic to TCP ports under its scope due to the use of only HTTP attributes '
  + 'in a DENY rule; it is recommended to explicitly specify the port';

describe('ValidateAuthorizationPolicy', () => {
  test.each([
    ['allow nothing', {}],
    ['allow all', { rules: [{}] }],
    ['an ALLOW policy', {
      selector: { matchLabels: { app: 'httpbin' } },
      action: 'ALLOW',
      rules: [{ from: [{ source: { principals: ['cluster.local/ns/default/sa/sleep'] } }], to: [{ operation: { methods: ['GET'] } }] }],
    }],
    ['a DENY policy with ports', { action: 'DENY', rules: [{ to: [{ operation: { ports: ['8080'], methods: ['POST'] } }] }] }],
    ['an AUDIT policy', { action: 'AUDIT', rules: [{ to: [{ operation: { paths: ['/headers'] } }] }] }],
    ['a CUSTOM policy', { action: 'CUSTOM', provider: { name: 'ext-authz' }, rules: [{ to: [{ operation: { paths: ['/admin/*'] } }] }] }],
    ['a waypoint policy', { targetRefs: [{ kind: 'Gateway', group: 'gateway.networking.k8s.io', name: 'waypoint' }], rules: [{}] }],
  ])('%s is valid', (_, spec) => {
    expect(ap(spec)).toEqual([]);
  });

  test('every error carries Istio\'s "invalid policy <name>.<namespace>:" prefix; warnings do not', () => {
    expect(ap({ selector: {}, action: 'DENY', rules: [{ to: [{ operation: { methods: ['GET', ''] } }] }] })).toEqual([
      warn('spec.selector', 'workload selector specified without labels'),
      apErr('spec.rules[0].to[0].operation.methods[1]', 'empty value not allowed, found in Methods'),
      warn('spec.rules[0]', DENY_ALL),
    ]);
  });

  test('target selection errors come first', () => {
    expect(ap({ targetRef: { kind: 'Service', name: 'a' }, targetRefs: [{ kind: 'Service', name: 'b' }], rules: [null] })).toEqual([
      apErr('spec', 'only one of targetRefs or workloadSelector can be set'),
      apErr('spec.rules[0]', '`rule` must not be nil, found at rule 0'),
    ]);
  });

  describe('CUSTOM action', () => {
    test.each([[{}], [{ rules: [] }]])('needs rules: %p', extra => {
      expect(ap({ action: 'CUSTOM', provider: { name: 'x' }, ...extra })).toEqual([apErr('spec.rules', CUSTOM_NO_RULES)]);
    });

    test('needs a provider name', () => {
      expect(ap({ action: 'CUSTOM', rules: [{}] })).toEqual([apErr('spec.provider', '`provider.name` must not be empty')]);
      expect(ap({ action: 'CUSTOM', provider: {}, rules: [{}] })).toEqual([apErr('spec.provider.name', '`provider.name` must not be empty')]);
    });

    test('without rules, the provider name is not checked', () => {
      expect(ap({ action: 'CUSTOM' })).toEqual([apErr('spec.rules', CUSTOM_NO_RULES)]);
    });

    test('cannot match on peer or request identities', () => {
      const source = {
        namespaces: ['a'],
        notNamespaces: ['b'],
        principals: ['c'],
        notPrincipals: ['d'],
        requestPrincipals: ['e'],
        notRequestPrincipals: ['f'],
        ipBlocks: ['10.0.0.1'],
      };
      const S = 'spec.rules[0].from[0].source';
      expect(ap({ action: 'CUSTOM', provider: { name: 'x' }, rules: [{ from: [{ source }] }] })).toEqual([
        apErr(`${S}.namespaces`, 'From.Namespaces is currently not supported with CUSTOM action'),
        apErr(`${S}.notNamespaces`, 'From.NotNamespaces is currently not supported with CUSTOM action'),
        apErr(`${S}.principals`, 'From.Principals is currently not supported with CUSTOM action'),
        apErr(`${S}.notPrincipals`, 'From.NotPrincipals is currently not supported with CUSTOM action'),
        apErr(`${S}.requestPrincipals`, 'From.RequestPrincipals is currently not supported with CUSTOM action'),
        apErr(`${S}.notRequestPrincipals`, 'From.NotRequestPrincipals is currently not supported with CUSTOM action'),
      ]);
    });

    test('service accounts and trust domains are unsupported too', () => {
      const source = { serviceAccounts: ['sa'], notServiceAccounts: ['ns/sa'], trustDomains: ['td'], notTrustDomains: ['td2'] };
      expect(ap({ action: 'CUSTOM', provider: { name: 'x' }, rules: [{ from: [{ source }] }] })).toEqual([
        apErr('spec.rules[0].from[0].source.serviceAccounts', 'From.ServiceAccounts is currently not supported with CUSTOM action'),
        apErr('spec.rules[0].from[0].source.notServiceAccounts', 'From.NotServiceAccounts is currently not supported with CUSTOM action'),
        apErr('spec.rules[0].from[0].source.trustDomains', 'From.TrustDomains is currently not supported with CUSTOM action'),
        apErr('spec.rules[0].from[0].source.notTrustDomains', 'From.NotTrustDomains is currently not supported with CUSTOM action'),
      ]);
    });

    test('in 1.30.3\'s order: trust domains come after service accounts and before principals', () => {
      const source = { principals: ['p'], trustDomains: ['td'], namespaces: ['ns'] };
      expect(ap({ action: 'CUSTOM', provider: { name: 'x' }, rules: [{ from: [{ source }] }] }).map(f => f.path)).toEqual([
        'spec.rules[0].from[0].source.namespaces', 'spec.rules[0].from[0].source.trustDomains', 'spec.rules[0].from[0].source.principals',
      ]);
    });

    test('source.trustDomain may not be a condition of a CUSTOM policy, and is a known key otherwise', () => {
      const when = [{ key: 'source.trustDomain', values: ['cluster.local'] }];
      expect(ap({ action: 'CUSTOM', provider: { name: 'x' }, rules: [{ when }] })).toEqual([
        apErr('spec.rules[0].when[0].key', 'source.trustDomain is currently not supported with CUSTOM action'),
      ]);
      expect(ap({ action: 'ALLOW', rules: [{ when }] })).toEqual([]);
    });

    test('cannot condition on identities', () => {
      const when = ['source.namespace', 'source.serviceAccount', 'source.principal', 'request.auth.claims[iss]', 'source.ip']
        .map(key => ({ key, values: key === 'source.ip' ? ['10.0.0.1'] : ['a'] }));
      expect(ap({ action: 'CUSTOM', provider: { name: 'x' }, rules: [{ when }] })).toEqual([
        apErr('spec.rules[0].when[0].key', 'source.namespace is currently not supported with CUSTOM action'),
        apErr('spec.rules[0].when[1].key', 'source.serviceAccount is currently not supported with CUSTOM action'),
        apErr('spec.rules[0].when[2].key', 'source.principal is currently not supported with CUSTOM action'),
        apErr('spec.rules[0].when[3].key', 'request.auth.claims[iss] is currently not supported with CUSTOM action'),
      ]);
    });

    test('a null condition', () => {
      expect(ap({ action: 'CUSTOM', provider: { name: 'x' }, rules: [{ when: [null] }] })).toEqual([
        apErr('spec.rules[0].when[0]', 'when field cannot be nil'),
        apErr('spec.rules[0].when[0].key', '`key` must not be empty'),
      ]);
    });
  });

  test.each(['ALLOW', 'DENY', 'AUDIT', undefined])('a provider needs the CUSTOM action (action %p)', action => {
    const found = action ?? 'ALLOW';
    expect(ap({ action, provider: { name: 'x' }, rules: [{ to: [{ operation: { ports: ['80'] } }] }] }))
      .toEqual([apErr('spec.provider', `\`provider\` must not be with non CUSTOM action, found ${found}`)]);
  });

  test.each([[{}], [{ rules: [] }]])('DENY needs rules: %p', extra => {
    expect(ap({ action: 'DENY', ...extra })).toEqual([apErr('spec.rules', DENY_NO_RULES)]);
  });

  test('rules are checked with their index', () => {
    expect(ap({ rules: [{}, { from: [{}] }] })).toEqual([apErr('spec.rules[1].from[0]', '`from.source` must not be nil, found at rule 1')]);
  });

  test('an object without a namespace leaves it empty in the prefix', () => {
    const found = collect(findings => validateAuthorizationPolicy(webhookView(authorizationPolicy('p', { rules: [null] })), findings));
    expect(found.map(f => f.message)).toEqual(['invalid policy p.: `rule` must not be nil, found at rule 0']);
  });

  describe('end to end (schema and CEL first)', () => {
    test('a webhook error is IST0106 with the prefixed message', () => {
      expect(objectDiagnostics([authorizationPolicy('authz', { rules: [{ from: [{ source: { ipBlocks: ['10.0.0.0/33'] } }] }] }, 'foo')])).toEqual([
        expect.objectContaining({
          severity: Severity.ERROR,
          code: 'IST0106',
          kind: 'AuthorizationPolicy',
          path: 'spec.rules[0].from[0].source.ipBlocks[0]',
          message: 'invalid policy authz.foo: bad CIDR range (10.0.0.0/33): netip.ParsePrefix("10.0.0.0/33"): prefix length out of range',
        }),
      ]);
    });

    test('the DENY warning is IST0133', () => {
      expect(objectDiagnostics([authorizationPolicy('authz', { action: 'DENY', rules: [{ from: [{ source: { requestPrincipals: ['*'] } }] }] }, 'foo')]))
        .toEqual([expect.objectContaining({ severity: Severity.WARNING, code: 'IST0133', path: 'spec.rules[0]', message: DENY_ALL })]);
    });

    test('a when condition reaches the webhook', () => {
      expect(objectDiagnostics([authorizationPolicy('authz', { rules: [{ when: [{ key: 'destination.labels[app]', values: ['x'] }] }] }, 'foo')]))
        .toEqual(['value', 'notValue'].map(noun => expect.objectContaining({
          code: 'IST0106',
          path: 'spec.rules[0].when[0].key',
          message: `invalid policy authz.foo: invalid \`${noun}\` for \`key\` destination.labels[app]: attribute destination.labels[app] is replaced by the workload selector`,
        })));
    });

    test('the CRD\'s CEL rule rejects selector plus targetRef before the webhook', () => {
      const found = objectDiagnostics([authorizationPolicy('authz', { selector: { matchLabels: { a: 'b' } }, targetRef: { kind: 'Service', name: 'x' } }, 'foo')]);
      expect(found.map(d => d.message)).toEqual(['Invalid value: only one of targetRefs or selector can be set']);
    });

    test('a valid policy has no diagnostics', () => {
      expect(objectDiagnostics([authorizationPolicy('authz', {
        action: 'CUSTOM', provider: { name: 'oauth2' }, rules: [{ to: [{ operation: { hosts: ['*.example.com'], notPaths: ['/health'] } }] }],
      }, 'foo')])).toEqual([]);
    });
  });
});
