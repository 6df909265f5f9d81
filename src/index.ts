// L1: classes generated from Istio's CRDs by `npx projen import`, one jsii submodule per API group.
export * as networking from './imports/networking.istio.io';
export * as security from './imports/security.istio.io';
export * as telemetry from './imports/telemetry.istio.io';
export * as extensions from './imports/extensions.istio.io';
