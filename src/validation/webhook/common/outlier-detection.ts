/** validateOutlierDetection of Istio's webhook (DestinationRule traffic policies). */
import { isSet, numberOf } from '../../json';
import { Findings } from '../types';
import { checkDuration } from './duration';
import { validatePercent } from './percent';

/** ValidatePercent on a field, reported at its path. */
function checkPercent(f: Findings, path: string, value: number): void {
  const error = validatePercent(value);
  if (error) f.error(path, error);
}

/** validateOutlierDetection. */
export function validateOutlierDetection(f: Findings, path: string, outlier: any): void {
  if (!isSet(outlier)) return;
  checkDuration(f, `${path}.baseEjectionTime`, outlier.baseEjectionTime);
  if (numberOf(outlier.consecutiveErrors) !== 0) {
    f.warn(`${path}.consecutiveErrors`,
      'outlier detection consecutive errors is deprecated, use consecutiveGatewayErrors or consecutive5xxErrors instead');
  }
  if (outlier.splitExternalLocalOriginErrors !== true && numberOf(outlier.consecutiveLocalOriginFailures) > 0) {
    f.error(`${path}.consecutiveLocalOriginFailures`,
      'outlier detection consecutive local origin failures is specified, but split external local origin errors is set to false');
  }
  checkDuration(f, `${path}.interval`, outlier.interval);
  checkPercent(f, `${path}.maxEjectionPercent`, numberOf(outlier.maxEjectionPercent));
  checkPercent(f, `${path}.minHealthPercent`, numberOf(outlier.minHealthPercent));
}
