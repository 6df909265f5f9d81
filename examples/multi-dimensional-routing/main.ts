import { App } from 'cdk8s';
import { MultiDimensionalRoutingChart } from './chart';

// The seed's multi-dimensional routing: user tier and calling app, most specific rule first.
const app = new App();
new MultiDimensionalRoutingChart(app, 'multi-dimensional-routing');
app.synth();
