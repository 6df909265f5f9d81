import { Duration } from 'cdk8s';

/** gRPC status codes a fault can abort with (Istio accepts their names). */
export enum GrpcStatus {
  /** Not an error (0). */
  OK = 'OK',
  /** Cancelled by the caller (1). */
  CANCELLED = 'CANCELLED',
  /** Unknown error (2). */
  UNKNOWN = 'UNKNOWN',
  /** The client gave an invalid argument (3). */
  INVALID_ARGUMENT = 'INVALID_ARGUMENT',
  /** The deadline expired (4). */
  DEADLINE_EXCEEDED = 'DEADLINE_EXCEEDED',
  /** An entity was not found (5). */
  NOT_FOUND = 'NOT_FOUND',
  /** The entity already exists (6). */
  ALREADY_EXISTS = 'ALREADY_EXISTS',
  /** The caller may not do this (7). */
  PERMISSION_DENIED = 'PERMISSION_DENIED',
  /** A resource, such as a quota, is exhausted (8). */
  RESOURCE_EXHAUSTED = 'RESOURCE_EXHAUSTED',
  /** The system is not in a state the operation needs (9). */
  FAILED_PRECONDITION = 'FAILED_PRECONDITION',
  /** The operation was aborted (10). */
  ABORTED = 'ABORTED',
  /** Out of the valid range (11). */
  OUT_OF_RANGE = 'OUT_OF_RANGE',
  /** Not implemented (12). */
  UNIMPLEMENTED = 'UNIMPLEMENTED',
  /** Internal error (13). */
  INTERNAL = 'INTERNAL',
  /** The service is unavailable (14). */
  UNAVAILABLE = 'UNAVAILABLE',
  /** Data was lost (15). */
  DATA_LOSS = 'DATA_LOSS',
  /** The caller is not authenticated (16). */
  UNAUTHENTICATED = 'UNAUTHENTICATED',
}

/** Delays requests before they are forwarded. */
export interface FaultDelay {
  /** How long each delayed request waits. */
  readonly fixedDelay: Duration;

  /**
   * The share of requests (0 to 100) that are delayed.
   * @default 100 - rendered, since Istio delays no request when the percentage is left out
   */
  readonly percentage?: number;
}

/** Answers requests with an error instead of forwarding them. Give `httpStatus` or `grpcStatus`. */
export interface FaultAbort {
  /**
   * The HTTP status to answer with (200 to 599).
   * @default - none: give this or `grpcStatus`
   */
  readonly httpStatus?: number;

  /**
   * The gRPC status to answer with.
   * @default - none: give this or `httpStatus`
   */
  readonly grpcStatus?: GrpcStatus;

  /**
   * The share of requests (0 to 100) that are aborted.
   * @default 100 - rendered, since Istio aborts no request when the percentage is left out
   */
  readonly percentage?: number;
}

/**
 * Faults injected into an HTTP route's traffic, to test the resilience of its callers: Istio's
 * HTTPFaultInjection. A delay and an abort are independent of each other.
 *
 * @example
 * const fault: HttpFault = {
 *   abort: { httpStatus: 503, percentage: 10 },
 *   delay: { fixedDelay: Duration.seconds(5), percentage: 1 },
 * };
 */
export interface HttpFault {
  /**
   * Delays requests.
   * @default - no delay
   */
  readonly delay?: FaultDelay;

  /**
   * Aborts requests.
   * @default - no abort
   */
  readonly abort?: FaultAbort;
}
