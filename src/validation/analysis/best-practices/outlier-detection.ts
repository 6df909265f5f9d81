/**
 * Best practice 6, "Outlier Detection": CI2003, a subset of a DestinationRule with no outlier
 * detection, so endpoints that keep failing stay in the load balancing pool.
 */
import { analyzeSubsetsWithout } from './traffic-policy';
import { Findings } from '../../findings';
import { BestPracticeMessages } from '../core/messages';
import { ObjectSet } from '../core/object-set';

export function analyzeOutlierDetection(set: ObjectSet, findings: Findings): void {
  analyzeSubsetsWithout(set, findings, 'outlierDetection', BestPracticeMessages.NoOutlierDetection);
}
