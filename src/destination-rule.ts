import { ApiObject, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { firstEngineError } from './core/engine-check';
import { factoryError } from './core/errors';
import { ExternalKind, markExternal, markOwner } from './core/external';
import { compact, nonEmpty, nonEmptyMap } from './core/render';
import { renderTrafficPolicy } from './core/render-traffic-policy';
import { IHost } from './host';
import * as networking from './imports/networking.istio.io';
import { ISubset } from './references';
import { IstioResource, IstioResourceProps } from './resource';
import { TrafficPolicy } from './traffic-policy';
import { FieldPath } from './validation/field-path';
import { Findings } from './validation/findings';
import { validateExportTo } from './validation/webhook/common/export-to';
import { checkSubsetName, validateLabels, validateWorkloadSelector } from './validation/webhook/common/labels';

/** Options of `DestinationRule.addSubset()`. */
export interface SubsetOptions {
  /**
   * Labels that select the subset's endpoints (pods or workload entries), e.g. `{ version: 'v2' }`.
   * @default - no labels: every endpoint of the host
   */
  readonly labels?: { [key: string]: string };

  /**
   * Traffic policy of the subset. Its settings replace the DestinationRule's settings of the same
   * kind (load balancer, connection pool, ...) for this subset; the others are inherited.
   * @default - the DestinationRule's traffic policy
   */
  readonly trafficPolicy?: TrafficPolicy;
}

/** A subset declared in the props of a DestinationRule (shorthand for `addSubset()`). */
export interface SubsetProps extends SubsetOptions {
  /** The subset's name, a DNS-1123 label (`v1`, `canary`). */
  readonly name: string;
}

/** Props of a DestinationRule. */
export interface DestinationRuleProps extends IstioResourceProps {
  /**
   * The host the rule applies to: a Kubernetes Service (`Host.fromService()`), a ServiceEntry host or a
   * name. A short name is resolved in the rule's namespace; prefer a fully qualified one.
   */
  readonly host: IHost;

  /**
   * Namespaces the rule is visible to: `.` (its own), `*` (all) or namespace names.
   * @default - every namespace (Istio's default, unless the mesh config changes it)
   */
  readonly exportTo?: string[];

  /**
   * Labels of the workloads (clients) the rule applies to; only in the rule's own namespace.
   * @default - every workload that sees the rule
   */
  readonly workloadSelector?: { [key: string]: string };

  /**
   * Traffic policy for the host: load balancing, connection pool, outlier detection, TLS.
   *
   * TLS is deliberately not defaulted: inside the mesh, Istio's auto mTLS already uses ISTIO_MUTUAL
   * towards workloads with a sidecar and plain text towards those without one. Forcing ISTIO_MUTUAL
   * here would break calls to workloads without a sidecar; set it only to enforce mTLS on purpose.
   * @default - none: Istio's defaults (LEAST_REQUEST, auto mTLS, no limits)
   */
  readonly trafficPolicy?: TrafficPolicy;

  /**
   * Subsets of the host (versions); more can be added with `addSubset()`.
   * @default - none
   */
  readonly subsets?: SubsetProps[];
}

/**
 * A subset of a host declared by a DestinationRule: what `DestinationRule.addSubset()` returns. A
 * route that names it makes its VirtualService depend on the rule (the rule is applied first).
 */
export class Subset implements ISubset {
  /** @internal */
  public static _of(host: IHost, subsetName: string, labels: { [key: string]: string } | undefined): Subset {
    return new Subset(host, subsetName, labels);
  }

  private constructor(
    /** The host of the DestinationRule that declares the subset. */
    public readonly host: IHost,
    /** The subset's name. */
    public readonly subsetName: string,
    private readonly selector: { [key: string]: string } | undefined,
  ) {}

  /** The labels that select the subset's endpoints (empty: every endpoint of the host). */
  public get labels(): { [key: string]: string } {
    return { ...this.selector };
  }
}

/** An imported subset: a construct, so it shows in the tree where it is declared. */
class ImportedSubset extends Construct implements ISubset {
  constructor(scope: Construct, id: string, public readonly host: IHost, public readonly subsetName: string) {
    super(scope, id);
  }
}

/**
 * An Istio DestinationRule: what happens to traffic for a host after routing — load balancing,
 * connection limits, outlier detection, TLS — and the subsets (versions) routes can name.
 *
 * Nothing is defaulted that would change Istio's behaviour: an unset field keeps Istio's default.
 *
 * @example
 * const rule = new DestinationRule(chart, 'Reviews', {
 *   host: Host.fromService('reviews', 'shop'),
 *   trafficPolicy: {
 *     loadBalancer: LoadBalancer.leastRequest(),
 *     outlierDetection: { consecutive5xxErrors: 5, baseEjectionTime: Duration.seconds(30) },
 *   },
 * });
 * const canary = rule.addSubset('canary', { labels: { version: 'v2' } });
 */
export class DestinationRule extends IstioResource {
  /**
   * A subset declared by a DestinationRule the app does not own: the analysis counts it as present.
   *
   * @param scope the scope of the import
   * @param id the import's id
   * @param host the host of the DestinationRule that declares the subset
   * @param subsetName the subset's name
   */
  public static fromSubsetName(scope: Construct, id: string, host: IHost, subsetName: string): ISubset {
    const problem = typeof subsetName === 'string' ? checkSubsetName(subsetName) : 'subset name must be a string';
    if (problem) {
      throw factoryError('DestinationRule.fromSubsetName()', `${problem} (got ${JSON.stringify(subsetName)}); `
        + "a subset name is a DNS-1123 label: lowercase letters, digits and '-'");
    }
    const subset = new ImportedSubset(scope, id, host, subsetName);
    markExternal(subset, { kind: ExternalKind.SUBSET, ref: `${host.hostName}/${subsetName}` });
    return subset;
  }

  public readonly apiObject: ApiObject;

  /** The host the rule applies to. */
  public readonly host: IHost;

  private readonly exportTo?: string[];
  private readonly workloadSelector?: { [key: string]: string };
  private readonly trafficPolicy?: Record<string, any>;
  private readonly subsetList: Subset[] = [];
  private readonly renderedSubsets = new Map<string, Record<string, any>>();

  constructor(scope: Construct, id: string, props: DestinationRuleProps) {
    super(scope, id);
    this.apiObject = new networking.DestinationRule(this, 'Resource', {
      metadata: props.metadata,
      spec: Lazy.any({ produce: () => this._toSpec() }),
    });
    if (!props.host || typeof props.host.hostName !== 'string') {
      throw this._error('host is required: pass Host.fromService(name, namespace), Host.fromName(host) or a ServiceEntry host');
    }
    this.host = props.host;
    this._refersTo(props.host);

    this.exportTo = nonEmpty(props.exportTo);
    this.exportTo?.forEach((entry, i) => {
      // Each entry on its own; combinations (duplicates, '*' with others) are reported at synth.
      const checkedAt = FieldPath.at('exportTo');
      this.throwFirst(findings => validateExportTo(checkedAt, findings, '', [entry]), `got ${JSON.stringify(entry)}; use '.', '*' or a namespace name`,
        path => path.rebase(checkedAt.index(0), checkedAt.index(i)));
    });
    this.workloadSelector = nonEmptyMap(props.workloadSelector);
    if (props.workloadSelector && !this.workloadSelector) {
      throw this._error('workloadSelector is empty: give at least one label, or leave it out to apply the rule to every workload');
    }
    this.throwFirst(findings => validateWorkloadSelector(FieldPath.at('workloadSelector'), findings, { matchLabels: this.workloadSelector }));
    this.throwFirst(findings => validateLabels(FieldPath.at('workloadSelector'), findings, this.workloadSelector));

    this.trafficPolicy = renderTrafficPolicy(props.trafficPolicy, FieldPath.at('trafficPolicy'), message => this._error(message));
    for (const subset of props.subsets ?? []) this.addSubset(subset.name, subset);
  }

  /** The subsets declared so far, in order. */
  public get subsets(): Subset[] {
    return [...this.subsetList];
  }

  /**
   * Declares a subset of the host: endpoints selected by labels, with an optional traffic policy of
   * their own. Route to it with the returned `Subset`.
   *
   * @param name the subset's name, a DNS-1123 label (`v1`, `canary`), unique in the rule
   * @param options labels and traffic policy
   * @returns the subset
   */
  public addSubset(name: string, options: SubsetOptions = {}): Subset {
    const problem = typeof name === 'string' ? checkSubsetName(name) : 'subset name cannot be empty';
    if (problem) {
      throw this._error(`${problem} (got ${JSON.stringify(name)}); a subset name is a DNS-1123 label: lowercase letters, digits and '-'`);
    }
    if (this.renderedSubsets.has(name)) {
      throw this._error(`subset "${name}" is already declared; give each subset a unique name`);
    }
    const labels = nonEmptyMap(options.labels);
    this.throwFirst(findings => validateLabels(FieldPath.at('subsets').key(name).child('labels'), findings, labels));
    const trafficPolicy = renderTrafficPolicy(options.trafficPolicy, FieldPath.at('subsets').key(name).child('trafficPolicy'), message => this._error(message));
    const subset = Subset._of(this.host, name, labels);
    markOwner(subset, this);
    this.subsetList.push(subset);
    this.renderedSubsets.set(name, compact({ name, labels, trafficPolicy })!);
    return subset;
  }

  protected get kind(): string {
    return 'DestinationRule';
  }

  /** @internal */
  public _toSpec(): networking.DestinationRuleSpec {
    return compact({
      host: this.host.hostName,
      exportTo: this.exportTo,
      workloadSelector: this.workloadSelector && { matchLabels: this.workloadSelector },
      trafficPolicy: this.trafficPolicy,
      subsets: nonEmpty([...this.renderedSubsets.values()]),
    }) as networking.DestinationRuleSpec;
  }

  /** Throws this construct's error for the first error the engine's rule `check` finds. */
  private throwFirst(check: (findings: Findings) => void, hint?: string, pathOf: (path: FieldPath) => FieldPath = path => path): void {
    const error = firstEngineError(check);
    if (error) throw this._error(`${pathOf(error.path)}: ${error.message}${hint ? ` (${hint})` : ''}`);
  }
}
