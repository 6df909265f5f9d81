/** mergeDelegates against istiod's MergeHTTPRoutes / hasConflict (pilot/pkg/model/virtualservice.go). */
import { mergeDelegates } from '../../src/simulate/delegation';

const root = (rule: Record<string, unknown>) => [{ name: 'root', delegate: { name: 'd' }, ...rule }];
const merge = (rootRule: Record<string, unknown>, http: unknown[]) => mergeDelegates('ns', root(rootRule), () => ({ namespace: 'ns', spec: { http } }));

test('match blocks: delegate fields win, root fields fill in, maps are merged', () => {
  const [merged] = merge(
    { match: [{ name: 'r', uri: { prefix: '/a' }, headers: { x: { exact: '1' } }, sourceLabels: { app: 'web' } }], timeout: '3s', retries: { attempts: 1 } },
    [{ name: 'd', match: [{ name: 'm', uri: { prefix: '/a/b' }, headers: { y: { exact: '2' } } }], timeout: '1s', route: [] }],
  );
  expect(merged.rule).toEqual({
    name: 'root-d',
    timeout: '1s',
    retries: { attempts: 1 },
    route: [],
    match: [{ name: 'r-m', uri: { prefix: '/a/b' }, headers: { x: { exact: '1' }, y: { exact: '2' } }, sourceLabels: { app: 'web' } }],
  });
  expect(merged).toMatchObject({ index: 0, delegate: 'ns/d', delegateIndex: 0 });
});

test.each([
  [{ uri: { prefix: '/b' } }, 'uri'],
  [{ uri: { regex: '/a.*' } }, 'uri'],
  [{ uri: { exact: '/a' } }, undefined],
  [{ headers: { x: { exact: '2' } } }, 'headers[x]'],
  [{ ignoreUriCase: true }, 'ignoreUriCase'],
  [{ port: 81 }, 'port'],
  [{ sourceLabels: { app: 'api' } }, 'sourceLabels[app]'],
])('delegate match %j: conflict on %s', (match, conflict) => {
  const [merged] = merge({ match: [{ uri: { prefix: '/a' }, headers: { x: { exact: '1' } }, port: 80, sourceLabels: { app: 'web' } }] }, [{ match: [match] }]);
  if (conflict) expect(merged.dropped).toMatch(new RegExp(`\\(${conflict.replace(/[[\]]/g, '\\$&')}`));
  else expect(merged.dropped).toBeUndefined();
});

test('an exact root takes only the same exact; a delegate with no match takes the root\'s', () => {
  expect(merge({ match: [{ uri: { exact: '/a' } }] }, [{ match: [{ uri: { exact: '/b' } }] }])[0].dropped).toBe(
    'its match {"uri":{"exact":"/b"}} conflicts with every match of the root rule (uri is not narrower than the root\'s); istiod drops this delegate rule');
  expect(merge({ match: [{ uri: { exact: '/a' } }] }, [{ route: [] }])[0].rule.match).toEqual([{ uri: { exact: '/a' } }]);
  expect(merge({}, [{ match: [{ uri: { prefix: '/z' } }] }])[0].rule.match).toEqual([{ uri: { prefix: '/z' } }]);
});

test('a missing delegate, and a delegate that delegates again, drop the rule', () => {
  expect(mergeDelegates('ns', root({}), () => 'is not in the input')[0].dropped).toBe('delegate ns/d is not in the input; istiod drops this rule');
  expect(merge({}, [{ delegate: { name: 'x' } }])[0].dropped).toMatch(/one level of delegation/);
});
