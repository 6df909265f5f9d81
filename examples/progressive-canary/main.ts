import { progressiveCanaryApps } from './chart';

// Each step of the rollout (5, 25, 50, 100% to the canary) is an app of its own, synthesized into
// dist/progressive-canary/step-<n>-weight-<w>/: a GitOps repository applies one of them at a time.
for (const app of progressiveCanaryApps(process.env.CDK8S_OUTDIR ?? 'dist')) app.synth();
