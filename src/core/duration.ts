/**
 * cdk8s Durations as the Go duration strings Istio reads (`5s`, `100ms`, `24h`). The unit the user
 * chose is kept (`Duration.seconds(3600)` is `3600s`, `Duration.hours(1)` is `1h`), so YAML reads as
 * written; days, which Go lacks, become hours.
 */
import { Duration } from 'cdk8s';

const GO_UNITS: Record<string, { suffix: string; millis: number }> = {
  millis: { suffix: 'ms', millis: 1 },
  seconds: { suffix: 's', millis: 1000 },
  minutes: { suffix: 'm', millis: 60_000 },
  hours: { suffix: 'h', millis: 3_600_000 },
  days: { suffix: 'h', millis: 3_600_000 },
};

/** The Go duration string of a cdk8s Duration. */
export function goDuration(duration: Duration): string {
  const unit = GO_UNITS[duration.unitLabel()] ?? GO_UNITS.millis;
  const amount = duration.toMilliseconds({ integral: false }) / unit.millis;
  // Round away float noise (0.1 + 0.2); Go accepts up to nanosecond precision.
  const text = Number(amount.toFixed(9)).toString();
  return `${text.includes('e') ? amount.toFixed(9).replace(/\.?0+$/, '') : text}${unit.suffix}`;
}

/** goDuration of an optional Duration. */
export function optionalGoDuration(duration: Duration | undefined): string | undefined {
  return duration === undefined ? undefined : goDuration(duration);
}
