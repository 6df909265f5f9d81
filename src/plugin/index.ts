// The cdk8s-cli validation plugin; also an entry point of its own (`cdk8s-istio/lib/plugin`).
export * from './contract';
export * from './istio-validation-plugin';
