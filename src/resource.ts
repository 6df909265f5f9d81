import { ApiObject, ApiObjectMetadata, ApiObjectMetadataDefinition } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { constructError } from './core/errors';
import { EXTERNAL_REFERENCES_ANNOTATION, ExternalReference, externalOf, externalReferencesValue, ownerOf } from './core/external';

/** Props every Istio L2 resource takes. */
export interface IstioResourceProps {
  /**
   * Metadata of the object: name, namespace, labels, annotations.
   * @default - a name cdk8s derives from the construct path, no namespace (the one it is applied to)
   */
  readonly metadata?: ApiObjectMetadata;
}

/**
 * Base of the L2 resources: one Istio object (`apiObject`, also the construct's default child with id
 * `Resource`), its name and namespace, and the bookkeeping every resource shares: imports it refers to
 * (listed for the analysis) and the objects it must be applied after.
 */
export abstract class IstioResource extends Construct {
  /** The L1 object: the escape hatch, `apiObject.addJsonPatch(JsonPatch.add(...))` for anything not typed here. */
  public abstract readonly apiObject: ApiObject;

  private readonly externalReferences: ExternalReference[] = [];

  /** The object's metadata (add labels and annotations here). */
  public get metadata(): ApiObjectMetadataDefinition {
    return this.apiObject.metadata;
  }

  /** The object's name. */
  public get name(): string {
    return this.apiObject.name;
  }

  /**
   * The object's namespace.
   * @default - none: the namespace it is applied to
   */
  public get namespace(): string | undefined {
    return this.apiObject.metadata.namespace;
  }

  /** The kind, for messages. */
  protected abstract get kind(): string;

  /**
   * The error for input wrong on its own: names the kind and this construct's path.
   * @internal
   */
  protected _error(message: string): Error {
    return constructError(this.kind, this, message);
  }

  /**
   * Records that this object refers to `reference` (a gateway, subset, host or VirtualService): an
   * import is listed for the analysis; an object of the app is applied before this one.
   * @internal
   */
  public _refersTo(reference: object | undefined): void {
    if (!reference) return;
    const external = externalOf(reference);
    if (external) {
      this.externalReferences.push(external);
      this.apiObject.metadata.addAnnotation(EXTERNAL_REFERENCES_ANNOTATION, externalReferencesValue(this.externalReferences)!);
      return;
    }
    const owner: IConstruct | undefined = ownerOf(reference) ?? (reference instanceof IstioResource ? reference : undefined);
    if (owner instanceof IstioResource && owner !== this) this.apiObject.addDependency(owner.apiObject);
  }
}
