import { App } from 'cdk8s';
import { BlueGreenChart } from './chart';
import { BlueGreenColor } from '../../src';

// The seed's blue-green deployment: green is live; BlueGreenColor.BLUE here is the rollback.
const app = new App();
new BlueGreenChart(app, 'blue-green', BlueGreenColor.GREEN);
app.synth();
