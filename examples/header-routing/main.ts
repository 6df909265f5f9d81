import { App } from 'cdk8s';
import { HeaderRoutingChart } from './chart';

// The seed's header-based routing: beta testers to canary, internal users to staging, others to stable.
const app = new App();
new HeaderRoutingChart(app, 'header-routing');
app.synth();
