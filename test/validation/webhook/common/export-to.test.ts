import { validateExportTo } from '../../../../src/validation/webhook/common/export-to';
import { at, collect, err } from '../../../support/objects';

const check = (exportTo: unknown, options = {}, namespace = 'ns') => collect(findings => validateExportTo(at('e'), findings, namespace, exportTo, options));

describe('validateExportTo', () => {
  test.each([[undefined], [[]], [['.']], [['*']], [['ns', 'other']], [['.', 'other']]])('%p is valid', exportTo => {
    expect(check(exportTo)).toEqual([]);
  });

  test('duplicates', () => {
    expect(check(['a', 'a'])).toEqual([err('e[1]', 'duplicate entries in exportTo for entry a')]);
    expect(check(['ns', '.'])).toEqual([err('e[1]', 'duplicate entries in exportTo: . and current namespace ns')]);
    expect(check(['.', 'ns'])).toEqual([err('e[1]', 'duplicate entries in exportTo for entry ns')]);
  });

  test('invalid entries (visibility.Instance.Validate)', () => {
    expect(check(['Bad_NS'])).toEqual([err('e[0]', 'only .,*, or a valid DNS 1123 label is allowed as exportTo entry')]);
    expect(check(['~'])).toEqual([err('e[0]', 'exportTo ~ (none) is not allowed for Istio configuration objects')]);
  });

  test('the message is 1.30.3\'s (pkg/config/visibility): it lists ".,*," without "~", for every kind of bad entry', () => {
    const message = 'only .,*, or a valid DNS 1123 label is allowed as exportTo entry';
    expect(check(['ns-', '-ns', 'a.b', ''])).toEqual([err('e[0]', message), err('e[1]', message), err('e[2]', message), err('e[3]', message)]);
    // A ServiceEntry may use ~ alone; anything else invalid still gets the same message.
    expect(check(['x_y'], { isServiceEntry: true })).toEqual([err('e[0]', message)]);
  });

  test('* with other entries', () => {
    expect(check(['*', 'a'])).toEqual([err('e', 'cannot have both public (*) and non-public exportTo values for a resource')]);
  });

  test('service entries may use ~, alone', () => {
    expect(check(['~'], { isServiceEntry: true })).toEqual([]);
    expect(check(['~', 'a'], { isServiceEntry: true })).toEqual([err('e', 'cannot export service entry to no one (~) and someone')]);
  });

  test('destination rules with a workload selector stay in their namespace', () => {
    const dr = { isDestinationRuleWithSelector: true };
    expect(check(['.'], dr)).toEqual([]);
    expect(check(['a'], dr)).toEqual([err('e', 'destination rule with workload selector cannot have exportTo beyond current namespace')]);
    expect(check(['ns', 'a'], dr)).toEqual([err('e', 'destination rule with workload selector cannot have multiple entries in exportTo')]);
    expect(check(['Bad_NS'], dr)).toEqual([err('e[0]', 'only .,*, or a valid DNS 1123 label is allowed as exportTo entry')]);
  });

  test('unknown namespace: "." stands for itself', () => {
    expect(check(['.'], {}, '')).toEqual([]);
    expect(check(['.', '.'], {}, '')).toEqual([err('e[1]', 'duplicate entries in exportTo for entry .')]);
    expect(check(['.'], { isDestinationRuleWithSelector: true }, '')).toEqual([]);
  });
});
