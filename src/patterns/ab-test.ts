import { Construct } from 'constructs';
import { factoryError, shown } from '../core/errors';
import { checkHeaderNames, patternError } from '../core/version-routing-pattern';
import { addRoutes, cookieMatch, cookieProblem, versionedMetadata, versionsDestinationRule, versionsVirtualService } from '../core/versioned-routing';
import { DestinationRule, Subset } from '../destination-rule';
import { HttpMatch } from '../http-match';
import { StringMatch } from '../string-match';
import { VirtualService } from '../virtual-service';
import { ResilienceProfile } from './resilience-profile';
import { ServiceVersion } from './service-version';
import { VersionedServiceProps } from './versioned-service';

/**
 * How an A/B test tells which variant a request belongs to: a cookie the application sets (the
 * seed's form), or a request header (set by a client or an edge proxy).
 *
 * @example
 * const byCookie = VariantSelector.cookie('experiment');
 * const byHeader = VariantSelector.header('x-experiment');
 */
export class VariantSelector {
  /**
   * The variant is the value of the cookie `name`: a request whose `Cookie` header holds
   * `<name>=<value>` goes to the variant of that value.
   *
   * The match is a regex on the `cookie` header, `^(.*?;\s*)?(<name>=<value>)(;.*)?$`, with the
   * name and value escaped for RE2: the pair at the start of the header or after a `;` (and the space
   * browsers put after it), followed by the end of the header or another `;`. So `experiment=b`
   * does not match `myexperiment=b` nor `experiment=bb`. (The seed's `^(.*?;)?(name=value)(;.*)?$`
   * misses a cookie that is not the first one, because browsers send `a=1; name=value`.)
   *
   * @param name the cookie's name, an RFC 6265 token such as `experiment`
   */
  public static cookie(name: string): VariantSelector {
    const problem = cookieProblem('name', name, 'x');
    if (problem) throw factoryError('VariantSelector.cookie()', problem);
    return new VariantSelector('cookie', name);
  }

  /**
   * The variant is the value of the request header `name`, matched exactly.
   * @param name the header's name, lowercase (`x-experiment`)
   */
  public static header(name: string): VariantSelector {
    if (typeof name !== 'string') throw factoryError('VariantSelector.header()', `the header name must be a string, got ${shown(name)}`);
    checkHeaderNames([name], 'name', message => factoryError('VariantSelector.header()', message));
    if (name === 'cookie') {
      throw factoryError('VariantSelector.header()', 'the cookie header holds several cookies and is never equal to one value: use VariantSelector.cookie(name)');
    }
    return new VariantSelector('header', name);
  }

  private constructor(
    /** `cookie` or `header`. */
    public readonly source: string,
    /** The cookie's or the header's name. */
    public readonly name: string) {}

  /**
   * The request condition for one variant's value: the cookie regex, or the header's exact value.
   * @param value the cookie's or header's value that selects the variant
   */
  public matchFor(value: string): HttpMatch {
    const factory = `VariantSelector.${this.source}('${this.name}').matchFor()`;
    if (this.source === 'cookie') {
      const problem = cookieProblem('value', this.name, value);
      if (problem) throw factoryError(factory, problem);
      return { headers: cookieMatch(this.name, value) };
    }
    if (typeof value !== 'string' || value === '' || /[\x00-\x1f\x7f]/.test(value)) {
      throw factoryError(factory, `a header value is a non-empty string without control characters, got ${shown(value)}`);
    }
    return { headers: { [this.name]: StringMatch.exact(value) } };
  }
}

/** A variant of an A/B test: the version that serves it and the cookie or header value that selects it. */
export interface AbTestVariant {
  /** The version that serves the variant (a subset of the host). */
  readonly version: ServiceVersion;

  /**
   * The cookie's or header's value that sends a request to this variant.
   * @default - the version's name (`variant-a`)
   */
  readonly value?: string;
}

/** Props of an AbTest. */
export interface AbTestProps extends VersionedServiceProps {
  /** How a request names its variant: `VariantSelector.cookie('experiment')` or `VariantSelector.header('x-experiment')`. */
  readonly selectBy: VariantSelector;

  /** The version everyone else gets: requests without the cookie or header, or with a value no variant has. */
  readonly control: ServiceVersion;

  /**
   * The variants, each a version and the value that selects it; routed in this order, before the control.
   */
  readonly variants: AbTestVariant[];
}

/**
 * An A/B test: requests that carry a variant's cookie (or header) value go to that variant's
 * version, everyone else to the control. Creates the DestinationRule that declares the versions as
 * subsets (ISTIO_MUTUAL, outlier detection) and the VirtualService that routes to them.
 *
 * Anything not typed here: `ApiObject.of(abTest.virtualService).addJsonPatch(...)`.
 *
 * @example
 * const test = new AbTest(chart, 'Frontend', {
 *   host: Host.fromService('frontend', 'shop'),
 *   selectBy: VariantSelector.cookie('experiment'),
 *   control: ServiceVersion.named('control'),
 *   variants: [{ version: ServiceVersion.named('variant-a') }, { version: ServiceVersion.named('variant-b') }],
 * });
 */
export class AbTest extends Construct {
  /** The VirtualService: one route per variant, then the control's. */
  public readonly virtualService: VirtualService;

  /** The DestinationRule: the control's and the variants' subsets, client TLS, outlier detection. */
  public readonly destinationRule: DestinationRule;

  /** The control's subset. */
  public readonly controlSubset: Subset;

  /** The variants' subsets, in the order of `variants`. */
  public readonly variantSubsets: Subset[];

  constructor(scope: Construct, id: string, props: AbTestProps) {
    super(scope, id);
    const fail = patternError('AbTest', this);
    const metadata = versionedMetadata('AbTest', this, props);
    if (!(props.selectBy instanceof VariantSelector)) throw fail('selectBy is required: VariantSelector.cookie(name) or VariantSelector.header(name)');
    if (!(props.control instanceof ServiceVersion)) throw fail("control is required: the version everyone else gets, e.g. ServiceVersion.named('control')");
    const variants = props.variants ?? [];
    if (variants.length === 0) throw fail('variants is empty: give at least one variant, e.g. { version: ServiceVersion.named(\'variant-a\') }');
    const profile = props.resilience ?? ResilienceProfile.standard();

    const values = new Map<string, number>();
    const matches = variants.map((variant, i) => {
      if (!(variant?.version instanceof ServiceVersion)) throw fail(`variants[${i}].version is required: the ServiceVersion that serves the variant`);
      if (variant.version.name === props.control.name) {
        throw fail(`variants[${i}] is the control's version "${props.control.name}"; a variant needs a version of its own`);
      }
      const earlierVersion = variants.findIndex(v => v.version.name === variant.version.name);
      if (earlierVersion < i) {
        throw fail(`variants[${i}] and variants[${earlierVersion}] are both version "${variant.version.name}"; give each variant a version of its own`);
      }
      const value = variant.value ?? variant.version.name;
      const earlierValue = values.get(value);
      if (earlierValue !== undefined) {
        throw fail(`variants[${i}] and variants[${earlierValue}] are both selected by the value ${shown(value)}, so variants[${i}] would never be `
          + 'reached; give each variant a value of its own');
      }
      values.set(value, i);
      try {
        return props.selectBy.matchFor(value);
      } catch (e) {
        throw fail(`variants[${i}]: ${(e as Error).message}`);
      }
    });

    const { rule, subsets } = versionsDestinationRule(this, metadata, props, profile, [props.control, ...variants.map(v => v.version)]);
    this.destinationRule = rule;
    [this.controlSubset, ...this.variantSubsets] = subsets;

    const control = [{ subset: this.controlSubset }];
    this.virtualService = versionsVirtualService('AbTest', this, metadata, props);
    addRoutes('AbTest', this, this.virtualService, props, profile, control, [
      ...matches.map((match, i) => ({ name: variants[i].version.name, match: [match], route: [{ subset: this.variantSubsets[i] }] })),
      { name: this.controlSubset.subsetName, route: control },
    ]);
  }
}
