/** The destinations of a VirtualService, enumerated as istioctl's analyzers do (virtualservice/util.go). */
import { Entry, ObjectSet } from './object-set';
import { FieldPath } from '../../field-path';
import { isRecord, listOf } from '../../json';

/** A destination of a route or a mirror, with where it is. */
export interface RouteDestination {
  /** `http`, `tcp` or `tls` for a route; `http.mirror` / `http.mirrors` for a mirror. */
  readonly section: string;
  /** The Destination object (`host`, `subset`, `port`). */
  readonly destination: Record<string, any>;
  /** Path of the Destination object: `spec.http[0].route[1].destination`, `spec.http[0].mirror`. */
  readonly path: FieldPath;
  readonly mirror: boolean;
}

/** Route destinations in istioctl's order: every TCP route, then TLS, then HTTP. */
function routeDestinations(spec: any): RouteDestination[] {
  const out: RouteDestination[] = [];
  for (const section of ['tcp', 'tls', 'http']) {
    listOf(spec[section]).forEach((rule, i) => {
      if (!isRecord(rule)) return;
      const routePath = FieldPath.at('spec', section).index(i).child('route');
      listOf(rule.route).forEach((route, j) => {
        if (isRecord(route) && isRecord(route.destination)) {
          out.push({ section, destination: route.destination, path: routePath.index(j).child('destination'), mirror: false });
        }
      });
    });
  }
  return out;
}

/** HTTP mirror destinations: each rule's `mirror`, then its `mirrors`. */
function mirrorDestinations(spec: any): RouteDestination[] {
  const out: RouteDestination[] = [];
  listOf(spec.http).forEach((rule, i) => {
    if (!isRecord(rule)) return;
    const rulePath = FieldPath.at('spec', 'http').index(i);
    if (isRecord(rule.mirror)) out.push({ section: 'http.mirror', destination: rule.mirror, path: rulePath.child('mirror'), mirror: true });
    listOf(rule.mirrors).forEach((mirror, j) => {
      if (isRecord(mirror) && isRecord(mirror.destination)) {
        out.push({ section: 'http.mirrors', destination: mirror.destination, path: rulePath.child('mirrors').index(j).child('destination'), mirror: true });
      }
    });
  });
  return out;
}

/** The destination's host ('' when absent). */
export function destinationHost(destination: Record<string, any>): string {
  return typeof destination.host === 'string' ? destination.host : '';
}

/** Route destinations then mirror destinations of a VirtualService, enumerated once per analysis run. */
export function allDestinations(set: ObjectSet, vs: Entry): readonly RouteDestination[] {
  const byEntry = set.memo('destinations', () => new Map<Entry, RouteDestination[]>());
  let destinations = byEntry.get(vs);
  if (!destinations) {
    destinations = [...routeDestinations(vs.spec), ...mirrorDestinations(vs.spec)];
    byEntry.set(vs, destinations);
  }
  return destinations;
}
