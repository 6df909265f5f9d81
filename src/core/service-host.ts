/** A Service host's parts, for the patterns (internal: not exported by the package). */
import { IHost } from '../host';

/** The short name and, when the host is `name.namespace.svc.<domain>`, the namespace of a Service host. */
export interface ServiceHostParts {
  readonly shortName: string;
  readonly namespace?: string;
}

/** Splits `reviews.shop.svc.cluster.local` into `reviews` and `shop`; a short name has no namespace. */
export function serviceHostParts(host: IHost): ServiceHostParts {
  const labels = host.hostName.split('.');
  const shortName = labels[0].replace(/^\*$/, 'wildcard');
  const namespace = labels.length >= 3 && labels[2] === 'svc' ? labels[1] : undefined;
  return { shortName, namespace };
}
