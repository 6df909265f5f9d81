import { Duration } from 'cdk8s';
import { ResilienceProfile, RetryOn } from '../../src';

const policies = (retryOn?: RetryOn[]) => (retryOn ?? []).map(r => r.policy);

describe('ResilienceProfile', () => {
  test('standard: 10s timeout, 2 retries of 3s on what Istio retries by default, outlier detection on', () => {
    const profile = ResilienceProfile.standard();
    expect(profile.profileName).toBe('standard');
    expect(profile.timeout?.toSeconds()).toBe(10);
    expect(profile.retries?.attempts).toBe(2);
    expect(profile.retries?.perTryTimeout?.toSeconds()).toBe(3);
    expect(policies(profile.retries?.retryOn)).toEqual(['connect-failure', 'refused-stream', 'unavailable', 'cancelled', 'retriable-status-codes']);
    expect(profile.outlierDetection).toEqual({
      consecutive5xxErrors: 5,
      interval: Duration.seconds(10),
      baseEjectionTime: Duration.seconds(30),
      maxEjectionPercent: 50,
    });
    expect(profile.connectionPool).toBeUndefined();
  });

  test('latencySensitive and longRunning keep their tries inside their timeouts', () => {
    const fast = ResilienceProfile.latencySensitive();
    expect([fast.timeout?.toMilliseconds(), fast.retries?.attempts, fast.retries?.perTryTimeout?.toMilliseconds()]).toEqual([2000, 2, 500]);
    expect(fast.outlierDetection?.consecutive5xxErrors).toBe(3);
    const slow = ResilienceProfile.longRunning();
    expect([slow.timeout?.toSeconds(), slow.retries?.attempts, slow.retries?.perTryTimeout?.toSeconds()]).toEqual([60, 1, 25]);
    expect(policies(slow.retries?.retryOn)).toEqual(['connect-failure', 'refused-stream']);
  });

  test('none sets nothing', () => {
    const none = ResilienceProfile.none();
    expect([none.timeout, none.retries, none.outlierDetection, none.connectionPool]).toEqual([undefined, undefined, undefined, undefined]);
  });

  test('with() replaces the parts given and keeps the others', () => {
    const profile = ResilienceProfile.standard().with({ timeout: Duration.seconds(20), connectionPool: { tcp: { maxConnections: 100 } } });
    expect(profile.timeout?.toSeconds()).toBe(20);
    expect(profile.retries?.attempts).toBe(2);
    expect(profile.connectionPool).toEqual({ tcp: { maxConnections: 100 } });
    expect(profile.profileName).toBe('standard');
  });

  test('custom keeps only what it is given', () => {
    const profile = ResilienceProfile.custom({ timeout: Duration.seconds(5) });
    expect(profile.timeout?.toSeconds()).toBe(5);
    expect(profile.retries).toBeUndefined();
  });

  test('fails when the tries cannot all run within the timeout (the first try counts)', () => {
    expect(() => ResilienceProfile.custom({ timeout: Duration.seconds(5), retries: { attempts: 2, perTryTimeout: Duration.seconds(2) } }))
      .toThrow('ResilienceProfile.custom(): 3 tries (the first and 2 retries) of up to 2000ms take up to 6000ms, more than the 5000ms timeout; '
        + 'lower attempts or perTryTimeout, or raise the timeout');
    expect(() => ResilienceProfile.standard().with({ timeout: Duration.seconds(5) }))
      .toThrow(/^ResilienceProfile.standard\(\).with\(\): 3 tries/);
  });

  test('retries without a per-try timeout, or turned off, fit any timeout', () => {
    expect(() => ResilienceProfile.custom({ timeout: Duration.seconds(1), retries: { attempts: 5 } })).not.toThrow();
    expect(() => ResilienceProfile.custom({ timeout: Duration.seconds(1), retries: { attempts: 0 } })).not.toThrow();
    expect(() => ResilienceProfile.custom({ retries: { attempts: 5, perTryTimeout: Duration.seconds(9) } })).not.toThrow();
  });
});
