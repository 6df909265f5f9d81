import { App } from 'cdk8s';
import { EgressLockdownChart } from './chart';

// A namespace locked to itself, istio-system and one external API.
const app = new App();
new EgressLockdownChart(app, 'egress-lockdown');
app.synth();
