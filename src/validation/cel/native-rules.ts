/**
 * The CEL rules of Istio's CRDs that nearly every object meets (a port number, a wildcard host, "at most
 * one of", a duration, ServiceEntry's resolution rules), evaluated in plain JavaScript: loading and
 * running the CEL library costs more than the rest of validating a VirtualService. Each native rule is
 * keyed by its exact text, decides only the values it is sure of (a `self` of the type the schema
 * gives it, no nulls) and returns undefined for anything else, which then goes to CEL. A test runs
 * every native rule against CEL on generated values: they agree wherever the native one decides.
 * A rule text that changes with an Istio upgrade simply finds no native rule.
 */
import { isRecord } from '../json';

/** A rule's verdict on `self` (the CEL value: integers as bigint), or undefined to ask CEL. */
export type NativeRule = (self: unknown) => boolean | undefined;

/** `has(self.f) ? self.f : fallback` for a field that must be absent or of `type`; undefined when it is neither. */
function fieldOr<T>(self: Record<string, unknown>, field: string, fallback: T, is: (v: unknown) => v is T): T | undefined {
  if (!(field in self)) return fallback;
  const value = self[field];
  return is(value) ? value : undefined;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);
const isList = (v: unknown): v is unknown[] => Array.isArray(v);

/** `(has(self.a) ? 1 : 0) + (has(self.b) ? 1 : 0) <= 1`: at most one of two fields. */
const AT_MOST_ONE = /^\(has\(self\.(\w+)\) \? 1 : 0\) \+ \(has\(self\.(\w+)\) \? 1 : 0\) <= 1$/;

function atMostOne(a: string, b: string): NativeRule {
  return self => {
    if (!isRecord(self) || self[a] === null || self[b] === null) return undefined;
    return (a in self ? 1 : 0) + (b in self ? 1 : 0) <= 1;
  };
}

/** Whole milliseconds, seconds, minutes or hours: Go and CEL read these alike. */
const SIMPLE_DURATION = /^([0-9]{1,9})(ms|s|m|h)$/;
const NANOS: Record<string, bigint> = { ms: BigInt(1e6), s: BigInt(1e9), m: BigInt(60e9), h: BigInt(3600e9) };

const RULES = new Map<string, NativeRule>([
  ['self != "*"', self => (isString(self) ? self !== '*' : undefined)],
  ['!self.contains("*")', self => (isString(self) ? !self.includes('*') : undefined)],
  ['0 < self && self <= 65535', self => (typeof self === 'bigint' ? BigInt(0) < self && self <= BigInt(65535) : undefined)],
  ["duration(self) >= duration('1ms')", self => {
    const m = isString(self) ? SIMPLE_DURATION.exec(self) : null;
    return m ? BigInt(m[1]) * NANOS[m[2]] >= NANOS.ms : undefined;
  }],
  // port numbers unique within a list of ports
  ['self.all(l1, self.exists_one(l2, l1.number == l2.number))', self => {
    if (!isList(self) || !self.every(item => isRecord(item) && typeof item.number === 'bigint')) return undefined;
    const numbers = self.map(item => (item as { number: bigint }).number);
    return new Set(numbers).size === numbers.length;
  }],
  // ServiceEntry: CIDR addresses need resolution STATIC or NONE
  ['!((has(self.addresses) ? self.addresses : []).exists(k, k.contains("/")) && !((has(self.resolution) ? self.resolution : "NONE") in ["STATIC", "NONE"]))', self => {
    if (!isRecord(self)) return undefined;
    const addresses = fieldOr(self, 'addresses', [] as string[], isStringList);
    const resolution = fieldOr(self, 'resolution', 'NONE', isString);
    if (addresses === undefined || resolution === undefined) return undefined;
    return !(addresses.some(a => a.includes('/')) && !['STATIC', 'NONE'].includes(resolution));
  }],
  // ServiceEntry: no endpoints with resolution NONE
  ['((has(self.resolution) ? self.resolution : "NONE") == "NONE") ? !has(self.endpoints) : true', self => {
    if (!isRecord(self) || self.endpoints === null) return undefined;
    const resolution = fieldOr(self, 'resolution', 'NONE', isString);
    if (resolution === undefined) return undefined;
    return resolution === 'NONE' ? !('endpoints' in self) : true;
  }],
  // ServiceEntry: at most one endpoint with DNS_ROUND_ROBIN
  ['((has(self.resolution) ? self.resolution : "") == "DNS_ROUND_ROBIN") ? ((has(self.endpoints) ? self.endpoints : []).size() <= 1) : true', self => {
    if (!isRecord(self)) return undefined;
    const resolution = fieldOr(self, 'resolution', '', isString);
    const endpoints = fieldOr(self, 'endpoints', [] as unknown[], isList);
    if (resolution === undefined || endpoints === undefined) return undefined;
    return resolution === 'DNS_ROUND_ROBIN' ? endpoints.length <= 1 : true;
  }],
]);

/** The native form of a rule, if it has one. */
export function nativeRule(rule: string): NativeRule | undefined {
  const known = RULES.get(rule);
  if (known) return known;
  const oneOf = AT_MOST_ONE.exec(rule);
  return oneOf ? atMostOne(oneOf[1], oneOf[2]) : undefined;
}

/** The rule texts with a native form (for the test that checks them against CEL). */
export function nativeRuleTexts(): string[] {
  return [...RULES.keys()];
}
