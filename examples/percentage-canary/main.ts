import { App } from 'cdk8s';
import { PercentageCanaryChart } from './chart';

// The seed's percentage-based canary: reviews v1 90%, v2 10%, with the pattern's defaults.
const app = new App();
new PercentageCanaryChart(app, 'percentage-canary');
app.synth();
