import { App } from 'cdk8s';
import { ExternalApiChart } from './chart';

// An external API called directly with TLS origination, and one through the egress gateway.
const app = new App();
new ExternalApiChart(app, 'external-api');
app.synth();
