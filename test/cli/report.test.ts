import { ReportEntry, formatLine, hasErrors, jsonReport, sortEntries, summaryLine, textReport } from '../../src/cli/report';
import { Diagnostic, Severity } from '../../src/validation/diagnostic';

function finding(file: string | null, fileIndex: number, line: number | null, diagnostic: Partial<Diagnostic> = {}): ReportEntry {
  return {
    file,
    fileIndex,
    line,
    diagnostic: {
      severity: Severity.ERROR,
      code: 'IST0106',
      kind: 'Gateway',
      namespace: 'web',
      name: 'gw',
      path: 'spec.servers[0].port.number',
      message: 'Required value',
      ...diagnostic,
    },
  };
}

describe('formatLine', () => {
  test('<file>:<line> <severity> <CODE> <Kind> <namespace>/<name>: <field path>: <message>', () => {
    expect(formatLine(finding('a.yaml', 0, 12))).toBe('a.yaml:12 error IST0106 Gateway web/gw: spec.servers[0].port.number: Required value');
  });

  test('no field path for a finding about the whole object; no namespace when it has none', () => {
    expect(formatLine(finding('a.yaml', 0, 3, { severity: Severity.WARNING, code: 'IST0133', path: '', namespace: undefined, message: 'm' })))
      .toBe('a.yaml:3 warning IST0133 Gateway gw: m');
  });

  test('a document that is not an object has no kind: "-"', () => {
    expect(formatLine(finding('a.yaml', 0, 5, { code: 'CI0001', kind: '', namespace: undefined, name: undefined, path: '', message: 'not an object' })))
      .toBe('a.yaml:5 error CI0001 -: not an object');
    expect(formatLine(finding('a.yaml', 0, 5, { kind: '', path: 'x', message: 'm' }))).toBe('a.yaml:5 error IST0106 -: x: m');
  });

  test('a finding that cannot be placed', () => {
    expect(formatLine(finding('a.yaml', 0, null))).toMatch(/^a\.yaml error /);
    expect(formatLine(finding(null, 0, null))).toMatch(/^- error /);
  });
});

describe('sortEntries', () => {
  test('by file in input order, then line; the same line keeps the given order', () => {
    const findings = [finding('b.yaml', 1, 2, { message: '1' }), finding('c.yaml', 0, 9), finding('b.yaml', 1, 1), finding('b.yaml', 1, 2, { message: '2' })];
    expect(sortEntries(findings).map(f => `${f.file}:${f.line}${f.diagnostic.message}`))
      .toEqual(['c.yaml:9Required value', 'b.yaml:1Required value', 'b.yaml:21', 'b.yaml:22']);
  });
});

describe('summaryLine', () => {
  const findings = [finding('a', 0, 1), finding('a', 0, 2, { severity: Severity.WARNING }), finding('a', 0, 3, { severity: Severity.INFO })];

  test('N errors, M warnings in K objects: fixed wording, also for 1 and 0', () => {
    expect(summaryLine(findings, { objects: 1, skipped: 0 })).toBe('1 errors, 1 warnings in 1 objects');
    expect(summaryLine([], { objects: 0, skipped: 0 })).toBe('0 errors, 0 warnings in 0 objects');
  });

  test('skipped non-Istio documents are counted', () => {
    expect(summaryLine([], { objects: 2, skipped: 3 })).toBe('0 errors, 0 warnings in 2 objects (3 non-Istio documents skipped)');
  });
});

describe('textReport and jsonReport', () => {
  const findings = [finding('b.yaml', 1, 4), finding('a.yaml', 0, 7, { severity: Severity.WARNING, namespace: undefined, name: undefined, kind: '' })];

  test('text: sorted lines, then the summary', () => {
    expect(textReport(findings, { objects: 2, skipped: 0 })).toBe([
      'a.yaml:7 warning IST0106 -: spec.servers[0].port.number: Required value',
      'b.yaml:4 error IST0106 Gateway web/gw: spec.servers[0].port.number: Required value',
      '1 errors, 1 warnings in 2 objects',
      '',
    ].join('\n'));
    expect(textReport([], { objects: 0, skipped: 1 })).toBe('0 errors, 0 warnings in 0 objects (1 non-Istio documents skipped)\n');
  });

  test('json: a sorted array with null for absent kind, namespace and name', () => {
    expect(JSON.parse(jsonReport(findings))).toEqual([
      { file: 'a.yaml', line: 7, severity: 'warning', code: 'IST0106', kind: null, namespace: null, name: null, path: 'spec.servers[0].port.number', message: 'Required value' },
      { file: 'b.yaml', line: 4, severity: 'error', code: 'IST0106', kind: 'Gateway', namespace: 'web', name: 'gw', path: 'spec.servers[0].port.number', message: 'Required value' },
    ]);
    expect(jsonReport([])).toBe('[]\n');
  });
});

describe('hasErrors', () => {
  test('only errors fail a run', () => {
    expect(hasErrors([finding('a', 0, 1, { severity: Severity.WARNING }), finding('a', 0, 1, { severity: Severity.INFO })])).toBe(false);
    expect(hasErrors([finding('a', 0, 1)])).toBe(true);
  });
});
