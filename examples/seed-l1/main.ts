import { App } from 'cdk8s';
import { addSeedCharts } from './chart';

// Every object of the product spec, built with the generated L1 classes: one file per chart.
const app = new App();
addSeedCharts(app);
app.synth();
