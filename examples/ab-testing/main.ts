import { App } from 'cdk8s';
import { AbTestingChart } from './chart';

// The seed's A/B test: the experiment cookie picks variant-a or variant-b, everyone else gets the control.
const app = new App();
new AbTestingChart(app, 'ab-testing');
app.synth();
