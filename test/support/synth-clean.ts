/** The pattern tests' synth: the chart's manifest, asserted to print no warning and to give no finding. */
import { Chart, Testing } from 'cdk8s';
import { IstioValidation, Severity } from '../../src';

/**
 * Synthesizes `chart` and asserts nothing was printed at synth and the validator finds nothing in the
 * manifest (infos too, unless `allowInfos`). Returns the whole manifest.
 */
export function synthClean(chart: Chart, options: { readonly allowInfos?: boolean } = {}): any[] {
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  try {
    const manifest = Testing.synth(chart);
    expect(warn.mock.calls.map(call => String(call[0]))).toEqual([]);
    const findings = IstioValidation.validate(manifest);
    expect(options.allowInfos ? findings.filter(d => d.severity !== Severity.INFO) : findings).toEqual([]);
    return manifest;
  } finally {
    warn.mockRestore();
  }
}

/** synthClean (no finding at all), then only the Istio objects. */
export function synthIstio(chart: Chart): any[] {
  return synthClean(chart).filter(obj => obj.apiVersion === 'networking.istio.io/v1');
}
