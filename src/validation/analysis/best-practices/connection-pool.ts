/**
 * Best practice 5, "Connection Pooling": CI2004 (info), subsets of a DestinationRule with no
 * connection pool, so the proxy applies Envoy's defaults (1024 connections, pending and concurrent
 * requests) instead of limits sized for the service. An info, not a warning: the practice is to size
 * the pool from the service's capacity, which a tool cannot know, and no limit beats a wrong one (the
 * patterns' ResilienceProfile.standard() leaves it unset for that reason).
 */
import { reportSubsetsWithout } from './traffic-policy';
import { BestPracticeMessages } from '../core/messages';
import { ObjectSet } from '../core/object-set';
import { Report } from '../core/report';

export function analyzeConnectionPool(set: ObjectSet, report: Report): void {
  reportSubsetsWithout(set, report, 'connectionPool', BestPracticeMessages.NoConnectionPool);
}
