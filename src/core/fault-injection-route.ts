/** The route a pattern adds for its fault injection (internal: not exported by the package). */
import { factoryError, rangeProblem } from './errors';
import { HttpFault } from '../fault';
import { HttpMatch } from '../http-match';
import { FaultInjection } from '../patterns/fault-injection';

/**
 * The route options (match and fault) for a pattern's fault injection; fails when it would hit all
 * traffic without saying how much, or has no fault at all.
 */
export function faultRouteOptions(owner: string, injection: FaultInjection): { match?: HttpMatch[]; fault: HttpFault } {
  const where = `${owner}: faultInjection`;
  if (!injection.delay && !injection.abort) {
    throw factoryError(where, 'give a delay, an abort or both');
  }
  const scoped = (injection.match ?? []).length > 0;
  for (const [kind, fault] of [['delay', injection.delay], ['abort', injection.abort]] as const) {
    if (!fault) continue;
    if (!scoped && fault.percentage === undefined) {
      throw factoryError(where, `${kind} has no percentage and no match limits it: it would hit every request. `
        + `Give ${kind}.percentage (e.g. 5), or a match (e.g. a test header)`);
    }
    if (fault.percentage !== undefined) {
      const problem = rangeProblem(`${kind}.percentage`, fault.percentage, 0, 100);
      if (problem) throw factoryError(where, problem);
    }
  }
  return { match: scoped ? injection.match : undefined, fault: { delay: injection.delay, abort: injection.abort } };
}
