/**
 * Best practice 5, "Connection Pooling": CI2004 (info), subsets of a DestinationRule with no
 * connection pool, so the proxy applies Envoy's defaults (1024 connections, pending and concurrent
 * requests) instead of limits sized for the service. An info, not a warning: the practice is to size
 * the pool from the service's capacity, which a tool cannot know, and no limit beats a wrong one (the
 * patterns' ResilienceProfile.standard() leaves it unset for that reason).
 */
import { analyzeSubsetsWithout } from './traffic-policy';
import { Findings } from '../../findings';
import { BestPracticeMessages } from '../core/messages';
import { ObjectSet } from '../core/object-set';

export function analyzeConnectionPool(set: ObjectSet, findings: Findings): void {
  analyzeSubsetsWithout(set, findings, 'connectionPool', BestPracticeMessages.NoConnectionPool);
}
