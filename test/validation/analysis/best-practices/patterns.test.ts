import { App, Testing } from 'cdk8s';
import { AbTestingChart } from '../../../../examples/ab-testing/chart';
import { BlueGreenChart } from '../../../../examples/blue-green/chart';
import { EgressLockdownChart } from '../../../../examples/egress-lockdown/chart';
import { ExternalApiChart } from '../../../../examples/external-api/chart';
import { ExternalDatabaseChart } from '../../../../examples/external-database/chart';
import { HeaderRoutingChart } from '../../../../examples/header-routing/chart';
import { MultiDimensionalRoutingChart } from '../../../../examples/multi-dimensional-routing/chart';
import { PercentageCanaryChart } from '../../../../examples/percentage-canary/chart';
import { ProgressiveCanaryChart } from '../../../../examples/progressive-canary/chart';
import { buildApp as resilienceApp } from '../../../../examples/resilience/chart';
import { buildApp as secureGatewayApp } from '../../../../examples/secure-gateway/chart';
import { VersionRoutingChart } from '../../../../examples/version-routing/chart';
import { IstioValidation } from '../../../../src';

/** Every example app built on the patterns. */
const EXAMPLES: [string, (app: App) => void][] = [
  ['ab-testing', app => new AbTestingChart(app, 'ab-testing')],
  ['blue-green', app => new BlueGreenChart(app, 'blue-green')],
  ['egress-lockdown', app => new EgressLockdownChart(app, 'egress-lockdown')],
  ['external-api', app => new ExternalApiChart(app, 'external-api')],
  ['external-database', app => new ExternalDatabaseChart(app, 'external-database')],
  ['header-routing', app => new HeaderRoutingChart(app, 'header-routing')],
  ['multi-dimensional-routing', app => new MultiDimensionalRoutingChart(app, 'multi-dimensional-routing')],
  ['percentage-canary', app => new PercentageCanaryChart(app, 'percentage-canary')],
  ['progressive-canary', app => new ProgressiveCanaryChart(app, 'analytics', 10)],
  ['resilience', app => resilienceApp(app)],
  ['secure-gateway', app => secureGatewayApp(app)],
  ['version-routing', app => new VersionRoutingChart(app, 'version-routing')],
];

/**
 * Infos the examples may have, and why: CI2004, the pool is sized from the service's capacity, which
 * neither a pattern nor a tool knows (ResilienceProfile.standard() leaves it unset and says so);
 * CI2007, the examples are single services, not the large meshes where a Sidecar pays off.
 */
const ALLOWED_INFOS = ['CI2004', 'CI2007'];

describe('the pattern examples under the best-practice checks', () => {
  test.each(EXAMPLES)('%s: no CI2xxx warning; infos only the documented ones', (_name, build) => {
    const app = Testing.app();
    build(app);
    IstioValidation.bestPractices(app);
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      for (const chart of app.charts) Testing.synth(chart);
      const printed = warn.mock.calls.map(call => String(call[0]));
      const infos = printed.filter(line => / info: CI2\d{3} /.test(line));
      expect(infos.map(line => / info: (CI2\d{3}) /.exec(line)![1]).filter(code => !ALLOWED_INFOS.includes(code))).toEqual([]);
      const others = printed.filter(line => !infos.includes(line)).map(line => line.slice(0, line.lastIndexOf(':')));
      expect(others).toEqual([]);
    } finally {
      warn.mockRestore();
    }
  });
});
