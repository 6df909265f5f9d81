/**
 * Rendering and early checks of `ServerPort` and `ServicePort` (src/port.ts), shared by Gateway,
 * Sidecar and ServiceEntry. Not part of the public API (src/index.ts does not re-export it).
 */
import { shown } from './errors';
import { ServerPort, ServicePort } from '../port';
import { checkPort, checkPortName } from '../validation/webhook/common/ports';

/** A port as Istio's YAML writes it (assignable to the L1 port structs of each kind). */
export interface RenderedPort {
  name: string;
  number: number;
  protocol?: string;
  targetPort?: number;
}

/**
 * The default name of a port: `<protocol>-<number>` in lowercase (`_` as `-`, so it is a DNS-1123
 * label), `port-<number>` without a protocol; `-2`, `-3`, ... appended while `taken(name)`.
 */
export function defaultPortName(number: number, protocol: string | undefined, taken: (name: string) => boolean = () => false): string {
  const base = protocol ? `${protocol.toLowerCase().replace(/_/g, '-')}-${number}` : `port-${number}`;
  let name = base;
  for (let n = 2; taken(name); n++) name = `${base}-${n}`;
  return name;
}

/**
 * The problem with a port number, if any: an integer 1..65535 (Istio's ValidatePort), or 0 when
 * `allowZero` (a listener on a unix domain socket).
 */
function portNumberProblem(field: string, number: number, allowZero = false): string | undefined {
  if (allowZero && number === 0) return undefined;
  if (typeof number !== 'number' || !Number.isInteger(number) || checkPort(number) !== undefined) {
    return `${field} must be an integer between ${allowZero ? 0 : 1} and 65535, got ${shown(number)}`;
  }
  return undefined;
}

/** The problem with a port name given by the user, if any: non-empty, and a DNS-1123 label when `dns1123` (Istio's ValidatePortName). */
function portNameProblem(field: string, name: string | undefined, dns1123: boolean): string | undefined {
  if (name === undefined) return undefined;
  if (name === '') return `${field} must not be empty; leave it out for a generated name`;
  if (dns1123 && checkPortName(name) !== undefined) {
    return `${field} must be a DNS-1123 label (lowercase letters, digits and '-', at most 63 characters), got ${shown(name)}`;
  }
  return undefined;
}

/** Options of renderServerPort. */
export interface ServerPortRendering {
  /** Field path for messages (`servers[0].port`). */
  readonly field: string;
  /** Port 0 allowed (unix domain socket listener). */
  readonly allowZero?: boolean;
  /** Port names must be DNS-1123 labels (Sidecar, ServiceEntry); a Gateway only needs one set. */
  readonly dns1123Name?: boolean;
  /** Generate a name when none is given (Gateway); otherwise an absent name is left out. */
  readonly defaultName?: boolean;
  /** Names already used, for the generated name. */
  readonly taken?: (name: string) => boolean;
}

/** A `ServerPort` as YAML; throws `fail(message)` for input wrong on its own. */
export function renderServerPort(port: ServerPort, options: ServerPortRendering, fail: (message: string) => Error): RenderedPort {
  const problem = portNumberProblem(`${options.field}.number`, port.number, options.allowZero)
    ?? portNameProblem(`${options.field}.name`, port.name, options.dns1123Name ?? false);
  if (problem) throw fail(problem);
  const name = port.name ?? (options.defaultName ? defaultPortName(port.number, port.protocol, options.taken) : undefined);
  return { number: port.number, protocol: port.protocol, ...(name !== undefined ? { name } : {}) } as RenderedPort;
}

/** A `ServicePort` as YAML (ServiceEntry): name generated when absent; throws `fail(message)` for input wrong on its own. */
export function renderServicePort(
  port: ServicePort, field: string, fail: (message: string) => Error, taken?: (name: string) => boolean,
): RenderedPort {
  const problem = portNumberProblem(`${field}.number`, port.number)
    ?? (port.targetPort !== undefined ? portNumberProblem(`${field}.targetPort`, port.targetPort) : undefined)
    ?? portNameProblem(`${field}.name`, port.name, true);
  if (problem) throw fail(problem);
  const out: RenderedPort = { name: port.name ?? defaultPortName(port.number, port.protocol, taken), number: port.number };
  if (port.protocol !== undefined) out.protocol = port.protocol;
  if (port.targetPort !== undefined) out.targetPort = port.targetPort;
  return out;
}
