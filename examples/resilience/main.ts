import { buildApp } from './chart';

// A resilient service: timeout, retries, outlier detection, connection pool, locality failover.
buildApp().synth();
