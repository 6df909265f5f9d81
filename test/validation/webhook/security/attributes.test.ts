import {
  checkAttribute, checkEmptyValues, checkIPs, checkPorts, checkServiceAccount, checkValidPathTemplate,
} from '../../../../src/validation/webhook/security/attributes';

describe('CheckEmptyValues', () => {
  test('non-empty values pass', () => {
    expect(checkEmptyValues('Principals', ['a', 'b'])).toBeUndefined();
  });

  test('the first empty value is reported at its index', () => {
    expect(checkEmptyValues('Principals', ['a', '', ''])).toEqual({ index: 1, message: 'empty value not allowed, found in Principals' });
  });
});

describe('CheckServiceAccount', () => {
  test.each([[['sa', 'ns/sa']], [[]], [Array(16).fill('sa')], [['a'.repeat(320)]]])('%p passes', values => {
    expect(checkServiceAccount('ServiceAccounts', values)).toBeUndefined();
  });

  const expected = "expected format 'serviceAccount' or 'namespace/serviceAccount'";
  test.each([
    [Array(17).fill('sa'), { message: 'may not have more than 16 values' }],
    [['ok', ''], { index: 1, message: 'empty value not allowed, found in ServiceAccounts' }],
    [['ns/*'], { index: 0, message: 'wildcard not allowed, found in ServiceAccounts' }],
    [['a/b/c'], { index: 0, message: `${expected}, found "a/b/c" in ServiceAccounts` }],
    [['a'.repeat(321)], { index: 0, message: `value cannot exceed 320 characters, found "${'a'.repeat(321)}" in ServiceAccounts` }],
    [['/sa'], { index: 0, message: `${expected}, found empty namespace "/sa" in ServiceAccounts` }],
    [['ns/'], { index: 0, message: `${expected}, found empty serviceAccount "ns/" in ServiceAccounts` }],
  ])('%p: %p', (values, error) => {
    expect(checkServiceAccount('ServiceAccounts', values)).toEqual(error);
  });
});

describe('ValidateIPs', () => {
  test('addresses and CIDR ranges pass', () => {
    expect(checkIPs(['10.1.2.3', '10.0.0.0/16', '2001:db8::1', '2001:db8::/32'])).toEqual([]);
  });

  test('one error per bad value: ParseAddr for addresses, ParsePrefix (with its reason) for ranges', () => {
    expect(checkIPs(['1.2.3', '10.0.0.1', '10.0.0.0/33', '10.0.0.0/8', ''])).toEqual([
      { index: 0, message: 'bad IP address (1.2.3)' },
      { index: 2, message: 'bad CIDR range (10.0.0.0/33): netip.ParsePrefix("10.0.0.0/33"): prefix length out of range' },
      { index: 4, message: 'bad IP address ()' },
    ]);
    expect(checkIPs(['ok'])).toEqual([{ index: 0, message: 'bad IP address (ok)' }]);
  });
});

describe('ValidatePorts', () => {
  test('ports 0 to 65535 pass', () => {
    expect(checkPorts(['0', '80', '65535', '08'])).toEqual([]);
  });

  test('a port that does not parse carries ParseUint\'s error; one that is too big, <nil>', () => {
    expect(checkPorts(['http', '65536', '-1', '99999999999'])).toEqual([
      { index: 0, message: 'bad port (http): strconv.ParseUint: parsing "http": invalid syntax' },
      { index: 1, message: 'bad port (65536): <nil>' },
      { index: 2, message: 'bad port (-1): strconv.ParseUint: parsing "-1": invalid syntax' },
      { index: 3, message: 'bad port (99999999999): strconv.ParseUint: parsing "99999999999": value out of range' },
    ]);
  });
});

describe('CheckValidPathTemplate', () => {
  test.each([
    '/', '/api/*', '*', '/foo/{*}/bar', '/foo/{**}', '/{*}/{*}/{**}', '/a/{**}/', '/foo.bar/{*}/x-y_z~1%20!$&\'()+,;:@=',
  ])('%p passes', path => {
    expect(checkValidPathTemplate('Paths', [path])).toBeUndefined();
  });

  test.each([
    ['/foo/{**}/bar/{*}', 'invalid or unsupported path foo/{**}/bar/{*}, found in Paths. {**} is not the last operator'],
    ['/{**}/{**}', 'invalid or unsupported path {**}/{**}, found in Paths. {**} is not the last operator'],
    ['/foo/{id}', "invalid or unsupported path foo/{id}, found in Paths. Contains '{' or '}' beyond a supported path template"],
    ['/foo{', "invalid or unsupported path foo{, found in Paths. Contains '{' or '}' beyond a supported path template"],
    ['/{*}/a*b', 'invalid or unsupported path {*}/a*b, found in Paths. Contains segment a*b with invalid string literal'],
    ['/{*}//a', 'invalid or unsupported path {*}//a, found in Paths. Contains segment  with invalid string literal'],
  ])('%p: %s', (path, message) => {
    expect(checkValidPathTemplate('Paths', ['/ok', path])).toEqual({ index: 1, message });
  });

  test('the first bad path only', () => {
    expect(checkValidPathTemplate('NotPaths', ['/{a}', '/{b}'])?.index).toBe(0);
  });
});

describe('ValidateAttribute (when conditions)', () => {
  test.each([
    ['request.headers[User-Agent]', ['Mozilla/*']],
    ['request.experimental.inline.headers[x]', ['y']],
    ['source.ip', ['10.1.2.3', '10.2.0.0/16']],
    ['remote.ip', ['10.1.2.3']],
    ['source.namespace', ['default']],
    ['source.serviceAccount', ['default/productpage']],
    ['source.principal', ['cluster.local/ns/default/sa/productpage']],
    ['request.auth.principal', ['issuer/subject']],
    ['request.auth.audiences', ['aud']],
    ['request.auth.presenter', ['azp']],
    ['request.auth.claims[iss]', ['*@foo.com']],
    ['request.auth.claims[nested][key]', ['v']],
    ['destination.ip', ['10.1.2.3']],
    ['destination.port', ['80', '443']],
    ['connection.sni', ['www.example.com']],
    ['experimental.envoy.filters.network.mysql_proxy[db.table]', ['[update]']],
  ])('%p passes', (key, values) => {
    expect(checkAttribute(key, values)).toBeUndefined();
  });

  test('an empty value is checked first', () => {
    expect(checkAttribute('source.namespace', ['a', ''])).toEqual({ index: 1, message: 'empty value not allowed, found in source.namespace' });
  });

  test.each([
    ['request.headers', 'bad key (request.headers): should have format a[b]'],
    ['request.headers[]', 'bad key (request.headers[]): should have format a[b]'],
    ['request.auth.claims[iss', 'bad key (request.auth.claims[iss): should have format a[b]'],
    ['experimental.envoy.filters.x', 'bad key (experimental.envoy.filters.x): should have format a[b]'],
    ['destination.namespace', 'attribute destination.namespace is replaced by the metadata.namespace'],
    ['destination.labels[app]', 'attribute destination.labels[app] is replaced by the workload selector'],
    ['destination.name', 'deprecated attribute destination.name: only supported in v1alpha1'],
    ['destination.user', 'deprecated attribute destination.user: only supported in v1alpha1'],
    ['source.user', 'unknown attribute: source.user'],
  ])('key %p: %s', (key, message) => {
    expect(checkAttribute(key, ['v'])).toEqual({ aboutKey: true, message });
  });

  test('IP and port errors print as a Go multierror list', () => {
    expect(checkAttribute('source.ip', ['1.2.3'])).toEqual({ index: 0, message: '1 error occurred:\n\t* bad IP address (1.2.3)\n\n' });
    expect(checkAttribute('destination.port', ['ok', '80', '70000'])).toEqual({
      index: 0,
      message: '2 errors occurred:\n\t* bad port (ok): strconv.ParseUint: parsing "ok": invalid syntax\n\t* bad port (70000): <nil>\n\n',
    });
  });

  test('service accounts are checked like the serviceAccounts field', () => {
    expect(checkAttribute('source.serviceAccount', ['ns/*'])).toEqual({ index: 0, message: 'wildcard not allowed, found in source.serviceAccount' });
  });
});
