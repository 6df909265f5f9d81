import { HostIndex } from '../../../../src/validation/analysis/core/host-index';
import { hostsMatch } from '../../../../src/validation/hosts';

describe('HostIndex', () => {
  // Every pair of a small universe of well-formed hosts: the index must agree with hostsMatch.
  const hosts = ['*', '*.com', '*.foo.com', '*.a.foo.com', 'foo.com', 'a.foo.com', 'b.a.foo.com', 'bar.com', 'com', '*.org', 'x.org'];
  const index = new HostIndex<string>();
  for (const host of hosts) index.add(host, host);

  test.each(hosts)('matching(%p) is exactly the hosts hostsMatch accepts', query => {
    expect(index.matching(query).sort()).toEqual(hosts.filter(host => hostsMatch(query, host)).sort());
  });

  test('each item once, also when a host is added twice', () => {
    const twice = new HostIndex<number>();
    twice.add('a.com', 1);
    twice.add('a.com', 2);
    twice.add('*.com', 3);
    expect(twice.matching('a.com').sort()).toEqual([1, 2, 3]);
    expect(twice.matching('b.org')).toEqual([]);
  });
});
