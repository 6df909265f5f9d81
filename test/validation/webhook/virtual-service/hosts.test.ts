import { hostMatches, hostSubsetOf, validateWildcardDomainForVirtualServiceBoundToGateway } from '../../../../src/validation/webhook/virtual-service/hosts';

const FORMAT = 'outbound_.<PORT>_._.<HOSTNAME>';

describe('ValidateWildcardDomainForVirtualServiceBoundToGateway', () => {
  test.each([
    [false, '*'], [false, 'a.com'], [true, '*.a.com'], [true, 'outbound_.80_._.e2e.foobar.mesh'], [true, 'outbound_.8080_._.a'],
  ])('sni=%p %p is valid', (sni, domain) => {
    expect(validateWildcardDomainForVirtualServiceBoundToGateway(sni, domain)).toBeUndefined();
  });

  test.each([
    [false, '', 'empty domain name not allowed'],
    [true, 'x'.repeat(256), `domain name "${'x'.repeat(256)}" too long (max 255)`],
    [false, 'outbound_.80_._.a.com', 'domain name "outbound_.80_._.a.com" invalid (label "outbound_" invalid)'],
    [true, 'outbound_.80', `domain name outbound_.80 invalid, should follow '${FORMAT}' format`],
    [true, 'outbound_.port_._.a.com', `domain name "outbound_.port_._.a.com" invalid (label "port" invalid). should follow ${FORMAT} format`],
    [true, 'outbound_.80_._.', `domain name "outbound_.80_._." invalid (label "" invalid). should follow ${FORMAT} format`],
    [true, 'inbound_.80_._.a.com', 'domain name "inbound_.80_._.a.com" invalid (label "inbound_" invalid)'],
  ])('sni=%p %p: %s', (sni, domain, message) => {
    expect(validateWildcardDomainForVirtualServiceBoundToGateway(sni, domain)).toBe(message);
  });
});

describe('host.Name matching', () => {
  test.each([
    ['foo.com', 'foo.com', true],
    ['foo.com', 'bar.com', false],
    ['*.com', 'foo.com', true],
    ['bar.com', '*.com', true],
    ['*.foo.com', 'foo.com', false],
    ['*', 'foo.com', true],
    ['*', '*.com', true],
    ['*.com', '*.foo.com', true],
    ['*.foo.com', '*.bar.com', false],
  ])('Matches(%p, %p) is %p', (a, b, expected) => {
    expect(hostMatches(a, b)).toBe(expected);
  });

  test.each([
    ['foo.com', 'foo.com', true],
    ['foo.com', '*.com', true],
    ['*.com', 'foo.com', false],
    ['*.foo.com', '*.com', true],
    ['*.com', '*.foo.com', false],
    ['*', '*', true],
    ['a.com', 'b.com', false],
  ])('SubsetOf(%p, %p) is %p', (a, b, expected) => {
    expect(hostSubsetOf(a, b)).toBe(expected);
  });
});
