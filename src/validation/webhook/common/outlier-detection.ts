/** validateOutlierDetection of Istio's webhook (DestinationRule traffic policies). */
import { validateDuration } from './duration';
import { checkPercent } from './percent';
import { FieldPath } from '../../field-path';
import { Findings } from '../../findings';
import { isSet, numberOf } from '../../json';

/** validateOutlierDetection. */
export function validateOutlierDetection(path: FieldPath, findings: Findings, outlier: any): void {
  if (!isSet(outlier)) return;
  validateDuration(path.child('baseEjectionTime'), findings, outlier.baseEjectionTime);
  if (numberOf(outlier.consecutiveErrors) !== 0) {
    findings.warn(path.child('consecutiveErrors'),
      'outlier detection consecutive errors is deprecated, use consecutiveGatewayErrors or consecutive5xxErrors instead');
  }
  if (outlier.splitExternalLocalOriginErrors !== true && numberOf(outlier.consecutiveLocalOriginFailures) > 0) {
    findings.error(path.child('consecutiveLocalOriginFailures'),
      'outlier detection consecutive local origin failures is specified, but split external local origin errors is set to false');
  }
  validateDuration(path.child('interval'), findings, outlier.interval);
  findings.errorIfAny(path.child('maxEjectionPercent'), checkPercent(numberOf(outlier.maxEjectionPercent)));
  findings.errorIfAny(path.child('minHealthPercent'), checkPercent(numberOf(outlier.minHealthPercent)));
}
