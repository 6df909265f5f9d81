import { App } from 'cdk8s';
import { ExternalDatabaseChart } from './chart';

// The seed's external Postgres as an ExternalDatabase.
const app = new App();
new ExternalDatabaseChart(app, 'external-database');
app.synth();
