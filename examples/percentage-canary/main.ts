import { App } from 'cdk8s';
import { EdgeCanaryChart, PercentageCanaryChart } from './chart';

// The seed's percentage-based canary: reviews v1 90%, v2 10%, with the pattern's defaults.
const app = new App();
new PercentageCanaryChart(app, 'percentage-canary');
// The same canary at the ingress (namespace shop, host reviews.example.com through istio-system/public).
new EdgeCanaryChart(app, 'percentage-canary-edge');
app.synth();
