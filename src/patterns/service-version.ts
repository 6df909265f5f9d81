import { ApiObjectMetadataDefinition } from 'cdk8s';
import { factoryError } from '../core/errors';
import { checkSubsetName } from '../validation/webhook/common/labels';

/**
 * A workload that runs one version of a service: what a cdk8s-plus `Deployment` (or any workload
 * construct with a pod selector) offers. cdk8s-plus need not be installed: anything of this shape is
 * accepted.
 */
export interface IVersionedWorkload {
  /** The labels the workload's pods are selected by. */
  readonly matchLabels: { [key: string]: string };
  /** The metadata of the workload's pods. */
  readonly podMetadata: ApiObjectMetadataDefinition;
}

/**
 * One version of a service, as the patterns route to it: a subset name and the pod labels that select
 * the version's pods.
 *
 * @example
 * const canary = ServiceVersion.fromLabels('canary', { track: 'canary' });
 */
export class ServiceVersion {
  /**
   * The version named `name`, whose pods carry `version: <name>`: Istio's convention, and what the
   * seed spec's subsets select on.
   * @param name the subset name (a DNS-1123 label such as `v2`)
   */
  public static named(name: string): ServiceVersion {
    return ServiceVersion.fromLabels(name, { version: name });
  }

  /**
   * The version named `name`, whose pods carry `labels`.
   * @param name the subset name (a DNS-1123 label such as `v2` or `canary`)
   * @param labels the pod labels that select the version's pods, and no other version's
   */
  public static fromLabels(name: string, labels: { [key: string]: string }): ServiceVersion {
    const problem = checkSubsetName(name);
    if (problem) throw factoryError('ServiceVersion.fromLabels()', `${problem}; name a version like "v2" or "canary"`);
    if (!labels || Object.keys(labels).length === 0) {
      throw factoryError('ServiceVersion.fromLabels()', `version "${name}" needs at least one pod label to select its pods, e.g. { version: '${name}' }`);
    }
    return new ServiceVersion(name, { ...labels });
  }

  /**
   * The version run by a workload (a cdk8s-plus `Deployment`): its pods' `version` label when they have
   * one, else the labels the workload selects its pods by (which select exactly its pods).
   * @param name the subset name
   * @param workload the workload that runs this version
   */
  public static fromWorkload(name: string, workload: IVersionedWorkload): ServiceVersion {
    const version = workload.podMetadata.getLabel('version');
    return ServiceVersion.fromLabels(name, version ? { version } : workload.matchLabels);
  }

  private constructor(
    /** The subset name. */
    public readonly name: string,
    /** The pod labels that select this version. */
    public readonly labels: { [key: string]: string }) {}
}
