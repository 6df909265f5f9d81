/** `cdk8s-istio route` (contract 4 in CONTRIBUTING.md): text, JSON, --explain, exit statuses 0 / 2 / 3. */
import { join } from 'path';
import { main } from '../../src/cli/main';
import { TempDir } from '../support/temp-dir';

const fixtures = join(__dirname, '..', 'fixtures', 'route');
const BOOKINFO = join(fixtures, 'bookinfo.yaml');

function run(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const status = main(args, { stdout: text => { stdout += text; }, stderr: text => { stderr += text; } });
  return { status, stdout, stderr };
}

const V2 = ['--host', 'reviews', '--path', '/api/reviews?version=beta', '--header', 'User-Agent=x Mobile y', '--source-label', 'app=productpage', '--source-label', 'version=v1'];

test('text: the VirtualService, the route and the outcome; exit 0', () => {
  const { status, stdout, stderr } = run('route', ...V2, BOOKINFO);
  expect(stderr).toBe('');
  expect(status).toBe(0);
  expect(stdout).toMatchSnapshot();
  expect(stdout).toContain('-> VirtualService default/reviews-route http[0] "reviews-v2-route" match[0]');
});

test('json: the contract\'s object; --explain adds considered', () => {
  const { status, stdout } = run('route', '--format', 'json', '--host', 'reviews', '--method', 'POST', '--explain', BOOKINFO);
  expect(status).toBe(0);
  const json = JSON.parse(stdout);
  expect(json).toMatchObject({
    virtualService: 'default/reviews-route',
    route: { section: 'http', index: 1, name: 'reviews-default-route' },
    destinations: [{ host: 'reviews.default.svc.cluster.local', subset: 'v1', port: 80, weight: 80 }, { host: 'reviews.default.svc.cluster.local', subset: 'v3', port: 80, weight: 20 }],
    redirect: null,
    directResponse: null,
    rewrite: null,
    fault: null,
    mirrors: [],
    timeout: null,
  });
  expect(json.considered).toEqual([
    {
      virtualService: 'default/reviews-route',
      route: { section: 'http', index: 0, name: 'reviews-v2-route', matchIndex: 0 },
      matched: false,
      reason: 'sourceLabels[app]: absent is not "productpage" (decided when istiod builds this proxy\'s routes)',
    },
    { virtualService: 'default/reviews-route', route: { section: 'http', index: 1, name: 'reviews-default-route' }, matched: true, reason: 'matched' },
  ]);
});

test('no route: {"noRoute": true, ...} and exit 3; text says what Istio does instead', () => {
  const json = run('route', '--format', 'json', '--host', 'ratings', BOOKINFO);
  expect(json.status).toBe(3);
  expect(JSON.parse(json.stdout)).toMatchObject({ noRoute: true, virtualService: null, destinations: [], fallback: expect.stringMatching(/default route/) });
  const text = run('route', '--host', 'shop.example.com', '--gateway', 'istio-system/public', '--path', '/x', '--explain', join(fixtures, 'gateway-merge.yaml'));
  expect(text.status).toBe(0);
  const none = run('route', '--host', 'example.org', '--gateway', 'istio-system/public', join(fixtures, 'gateway-merge.yaml'));
  expect(none.status).toBe(3);
  expect(none.stdout).toMatch(/^no route: example.org:80 \(HTTP\) via istio-system\/public\n {2}reason: .*\n {2}instead: the gateway answers 404/);
});

test('a repeated header is joined with a comma, as Envoy matches it', () => {
  const { stdout } = run('route', '--format', 'json', ...V2.slice(0, 4), '--header', 'user-agent=a', '--header', 'user-agent=Mobile', '--source-label', 'app=productpage', '--source-label', 'version=v1', BOOKINFO);
  expect(JSON.parse(stdout).route.name).toBe('reviews-v2-route');
});

describe('bad input: exit 2 and one clear line', () => {
  const temp = new TempDir();
  afterAll(() => temp.remove());
  test.each([
    [['--host', 'a', '--bogus', BOOKINFO], /Unknown option '--bogus'/],
    [['--header', 'novalue', '--host', 'a', BOOKINFO], /--header must be key=value, got 'novalue'/],
    [['--source-label', 'a=1', '--source-label', 'a=2', '--host', 'a', BOOKINFO], /--source-label a given twice/],
    [[BOOKINFO], /--host is required/],
    [['--host', 'a'], /no input: name at least one file or directory/],
    [['--host', 'a', '--port', '99999', BOOKINFO], /--port must be a port number/],
    [['--host', 'a', '--gateway', 'gw', BOOKINFO], /--gateway must be 'mesh' or '<namespace>\/<name>', got 'gw'/],
    [['--host', 'a', '--path', 'x', BOOKINFO], /--path must start with '\/'/],
    [['--host', 'a', '--format', 'yaml', BOOKINFO], /--format must be text or json/],
    [['--host', '', BOOKINFO], /--host needs a value/],
  ])('%j', (args, message) => {
    const { status, stdout, stderr } = run('route', ...args);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });
  test('no objects, a missing file, a syntax error', () => {
    const empty = temp.write('empty.yaml', '# nothing\n');
    expect(run('route', '--host', 'a', empty)).toMatchObject({ status: 2, stderr: expect.stringMatching(/no Kubernetes objects in .*empty.yaml/) });
    expect(run('route', '--host', 'a', join(fixtures, 'missing.yaml'))).toMatchObject({ status: 2, stderr: expect.stringMatching(/missing.yaml: cannot read/) });
    const broken = temp.write('broken.yaml', 'a: [\n');
    expect(run('route', '--host', 'a', broken).status).toBe(2);
  });
});

test('--help, and cdk8s-istio --help lists route', () => {
  expect(run('route', '--help')).toMatchObject({ status: 0, stdout: expect.stringMatching(/^Usage: cdk8s-istio route /) });
  expect(run('--help').stdout).toMatch(/\n {2}route {5}tell which VirtualService route a request takes/);
});
