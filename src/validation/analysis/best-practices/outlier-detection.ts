/**
 * Best practice 6, "Outlier Detection": CI2003, a subset of a DestinationRule with no outlier
 * detection, so endpoints that keep failing stay in the load balancing pool.
 */
import { reportSubsetsWithout } from './traffic-policy';
import { BestPracticeMessages } from '../core/messages';
import { ObjectSet } from '../core/object-set';
import { Report } from '../core/report';

export function analyzeOutlierDetection(set: ObjectSet, report: Report): void {
  reportSubsetsWithout(set, report, 'outlierDetection', BestPracticeMessages.NoOutlierDetection);
}
