import { buildApp } from './chart';

// HTTPS ingress for two namespaces with redirect, one passthrough host, and an mTLS gateway.
buildApp().synth();
