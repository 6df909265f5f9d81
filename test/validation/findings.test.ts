import { IstioMessages } from '../../src/validation/analysis/core/messages';
import { Severity } from '../../src/validation/diagnostic';
import { FieldPath } from '../../src/validation/field-path';
import { Findings } from '../../src/validation/findings';

describe('Findings', () => {
  const at = FieldPath.at('spec', 'hosts').index(0);

  test('errors are IST0106, warnings IST0133, with their path kept structured', () => {
    const findings = new Findings();
    findings.error(at, 'bad');
    findings.warn(at, 'odd');
    findings.errorIfAny(at, undefined);
    findings.errorIfAny(at, 'worse');
    expect(findings.list.map(f => [f.severity, f.code, f.path.toString(), f.message])).toEqual([
      [Severity.ERROR, 'IST0106', 'spec.hosts[0]', 'bad'],
      [Severity.WARNING, 'IST0133', 'spec.hosts[0]', 'odd'],
      [Severity.ERROR, 'IST0106', 'spec.hosts[0]', 'worse'],
    ]);
    expect(findings.list[0].path).toBe(at);
    expect(findings.hasErrors()).toBe(true);
  });

  test('hasErrors is false for warnings only', () => {
    const findings = new Findings();
    findings.warn(at, 'odd');
    expect(findings.hasErrors()).toBe(false);
  });

  test('report: an analyzer message on an object, its template filled as Go would; never on external or refused objects', () => {
    const findings = new Findings();
    const object = { index: 3, external: false, refused: false };
    findings.report(object, IstioMessages.ReferencedResourceNotFound, at, 'gateway', 'gw');
    findings.report({ ...object, external: true }, IstioMessages.ReferencedResourceNotFound, at, 'gateway', 'gw');
    findings.report({ ...object, refused: true }, IstioMessages.ReferencedResourceNotFound, at, 'gateway', 'gw');
    expect(findings.list).toEqual([{
      path: at, message: 'Referenced gateway not found: "gw"', severity: Severity.ERROR, code: 'IST0101', objectIndex: 3,
    }]);
  });
});
