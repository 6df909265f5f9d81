import { checkWildcardDomainForVirtualServiceBoundToGateway } from '../../../../src/validation/webhook/virtual-service/hosts';

const FORMAT = 'outbound_.<PORT>_._.<HOSTNAME>';

describe('ValidateWildcardDomainForVirtualServiceBoundToGateway', () => {
  test.each([
    [false, '*'], [false, 'a.com'], [true, '*.a.com'], [true, 'outbound_.80_._.e2e.foobar.mesh'], [true, 'outbound_.8080_._.a'],
  ])('sni=%p %p is valid', (sni, domain) => {
    expect(checkWildcardDomainForVirtualServiceBoundToGateway(sni, domain)).toBeUndefined();
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
    expect(checkWildcardDomainForVirtualServiceBoundToGateway(sni, domain)).toBe(message);
  });
});
