import { App } from 'cdk8s';
import { addSeedCharts } from './charts';

// Every object of the product spec, built with the L2 constructs: one chart per section.
const app = new App();
addSeedCharts(app);
app.synth();
