import { App } from 'cdk8s';
import { VersionRoutingChart } from './chart';

// The seed's version-based routing: x-api-version: v2 to v2, everything else to v1.
const app = new App();
new VersionRoutingChart(app, 'version-routing');
app.synth();
