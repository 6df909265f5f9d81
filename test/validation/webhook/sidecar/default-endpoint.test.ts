import { err, sidecar, webhookFindings } from '../../../support/objects';

/** The webhook's findings for an ingress listener with this default endpoint. */
function check(defaultEndpoint: string) {
  return webhookFindings(sidecar('default', { ingress: [{ port: { number: 9080, protocol: 'HTTP', name: 'http' }, defaultEndpoint }] }, 'bookinfo'));
}

const error = (message: string) => err('spec.ingress[0].defaultEndpoint', message);
const FORM = 'sidecar: defaultEndpoint must be of form 127.0.0.1:<port>,0.0.0.0:<port>,[::1]:port,[::]:port,unix://filepath or unset';

describe('ValidateSidecar: ingress defaultEndpoint', () => {
  test.each(['', '127.0.0.1:8080', '0.0.0.0:8080', '[::1]:8080', '[::]:8080', ':8080', 'unix:///var/run/app.sock', 'unix://@app', '127.0.0.1:+80'])(
    '%p is valid', (endpoint) => {
      expect(check(endpoint)).toEqual([]);
    });

  test.each([
    ['10.0.0.1:8080', [FORM]],
    ['localhost:8080', [FORM]],
    ['127.0.0.1:0', ['port number 0 must be in the range 1..65535']],
    ['127.0.0.1:-1', ['port number -1 must be in the range 1..65535']],
    ['127.0.0.1:http', ['sidecar: defaultEndpoint port (http) is not a number: strconv.Atoi: parsing "http": invalid syntax']],
    ['127.0.0.1:99999999999999999999', ['sidecar: defaultEndpoint port (99999999999999999999) is not a number: strconv.Atoi: parsing "99999999999999999999": value out of range']],
    ['127.0.0.1', ['address 127.0.0.1: missing port in address',
      'sidecar: defaultEndpoint port () is not a number: strconv.Atoi: parsing "": invalid syntax']],
    ['::1:8080', ['address ::1:8080: too many colons in address',
      'sidecar: defaultEndpoint port () is not a number: strconv.Atoi: parsing "": invalid syntax']],
    ['unix://', ['unix address must not be empty']],
    ['unix://app.sock', ['app.sock is not an absolute path to a file']],
  ])('%p is rejected', (endpoint, messages) => {
    expect(check(endpoint)).toEqual(messages.map(error));
  });
});
