// Public surface of the route simulator; everything else in this folder is internal.
export * from './types';
export { RouteExpectation, RouteSimulator } from './route-simulator';
