import { Construct } from 'constructs';
import { ResilienceProfile } from './resilience-profile';
import { ServiceVersion } from './service-version';
import { VersionedServiceProps } from './versioned-service';
import { constructError, shown } from '../core/errors';
import { addRoutes, checkHeaders, checkRange, FAULT_ROUTE_NAME, versionedMetadata, versionsDestinationRule, versionsVirtualService } from '../core/versioned-routing';
import { HttpRouteDestination } from '../destination';
import { DestinationRule, Subset } from '../destination-rule';
import { HttpRouteOptions } from '../http-route';
import { StringMatch } from '../string-match';
import { VirtualService } from '../virtual-service';

/** The two colours of a blue-green deployment. */
export enum BlueGreenColor {
  /** The blue version. */
  BLUE = 'BLUE',
  /** The green version. */
  GREEN = 'GREEN',
}

/** Props of a BlueGreenService. */
export interface BlueGreenServiceProps extends VersionedServiceProps {
  /**
   * The colour that receives all the traffic. Switching (or rolling back) is this one line.
   */
  readonly active: BlueGreenColor;

  /**
   * The blue version.
   * @default ServiceVersion.named('blue') - pods labelled `version: blue`
   */
  readonly blue?: ServiceVersion;

  /**
   * The green version.
   * @default ServiceVersion.named('green') - pods labelled `version: green`
   */
  readonly green?: ServiceVersion;

  /**
   * Request headers (all must match) that send a request to the idle colour: preview the next
   * release before the switch, e.g. `{ 'x-preview': StringMatch.exact('true') }`.
   * @default - no preview route: the idle colour gets no requests
   */
  readonly previewHeaders?: { [name: string]: StringMatch };

  /**
   * The share (0 to 100) of the active colour's requests copied to the idle colour (responses to the
   * copies are discarded): warm it up and watch it with production traffic before the switch.
   * @default - no mirroring
   */
  readonly mirrorPercentage?: number;

  /**
   * The name of the route to the active colour.
   * @default 'primary'
   */
  readonly routeName?: string;
}

const PREVIEW_ROUTE_NAME = 'preview';

/**
 * A blue-green deployment of one service: two versions (DestinationRule subsets), all the traffic on
 * the `active` one; changing `active` switches every request at once, and switching back is the
 * rollback. The idle colour can be previewed by header and fed a mirror of the live traffic.
 *
 * It creates a DestinationRule (`destinationRule`: subsets `blue` and `green`, client TLS
 * `ISTIO_MUTUAL`, outlier detection) and a VirtualService (`virtualService`), both named `name`.
 * Routes, in order: `fault-injection` (with a scoped fault), `preview` (to the idle colour, with
 * `previewHeaders`) and `primary` (to the active colour, weight 100); each with the resilience
 * profile's timeout and retries. Anything else: `ApiObject.of(payment.virtualService).addJsonPatch(...)`.
 *
 * Both colours stay declared as subsets, so the switch is one changed `subset` in the VirtualService
 * and needs no new DestinationRule.
 *
 * @example
 * const payment = new BlueGreenService(chart, 'Payment', {
 *   host: Host.fromService('payment', 'shop'),
 *   active: BlueGreenColor.GREEN,
 *   previewHeaders: { 'x-preview': StringMatch.exact('true') },
 * });
 */
export class BlueGreenService extends Construct {
  /** The DestinationRule declaring the blue and green subsets. */
  public readonly destinationRule: DestinationRule;
  /** The VirtualService sending the traffic to the active colour. */
  public readonly virtualService: VirtualService;
  /** The blue version's subset. */
  public readonly blueSubset: Subset;
  /** The green version's subset. */
  public readonly greenSubset: Subset;
  /** The subset that receives the traffic. */
  public readonly activeSubset: Subset;
  /** The subset that receives only previews and mirrored copies. */
  public readonly idleSubset: Subset;
  /** The name of the route to the active colour. */
  public readonly routeName: string;
  /** The names of the VirtualService's HTTP routes, in order. */
  public readonly routeNames: string[];

  constructor(scope: Construct, id: string, props: BlueGreenServiceProps) {
    super(scope, id);
    const fail = (message: string) => constructError('BlueGreenService', this, message);
    const metadata = versionedMetadata('BlueGreenService', this, props);
    if (props.active !== BlueGreenColor.BLUE && props.active !== BlueGreenColor.GREEN) {
      throw fail(`active must be BlueGreenColor.BLUE or BlueGreenColor.GREEN, got ${shown(props.active)}`);
    }
    const blue = props.blue ?? ServiceVersion.named('blue');
    const green = props.green ?? ServiceVersion.named('green');
    if (blue.name === green.name) {
      throw fail(`blue and green are both named ${shown(blue.name)}; give the colours different names (e.g. 'blue' and 'green')`);
    }
    checkRange('BlueGreenService', this, 'mirrorPercentage', props.mirrorPercentage, 0, 100);
    checkHeaders('BlueGreenService', this, 'previewHeaders', props.previewHeaders);
    this.routeName = props.routeName ?? 'primary';
    if (typeof this.routeName !== 'string' || this.routeName === '' || [FAULT_ROUTE_NAME, PREVIEW_ROUTE_NAME].includes(this.routeName)) {
      throw fail(`routeName must be a non-empty name other than the pattern's own routes (${FAULT_ROUTE_NAME}, ${PREVIEW_ROUTE_NAME}), got ${shown(props.routeName)}`);
    }
    const profile = props.resilience ?? ResilienceProfile.standard();

    const { rule, subsets } = versionsDestinationRule(this, metadata, props, profile, [blue, green]);
    this.destinationRule = rule;
    [this.blueSubset, this.greenSubset] = subsets;
    const blueActive = props.active === BlueGreenColor.BLUE;
    this.activeSubset = blueActive ? this.blueSubset : this.greenSubset;
    this.idleSubset = blueActive ? this.greenSubset : this.blueSubset;
    this.virtualService = versionsVirtualService('BlueGreenService', this, metadata, props);

    const active: HttpRouteDestination[] = [{ subset: this.activeSubset, weight: 100 }];
    const routes: HttpRouteOptions[] = [];
    if (props.previewHeaders) {
      routes.push({ name: PREVIEW_ROUTE_NAME, match: [{ headers: props.previewHeaders }], route: [{ subset: this.idleSubset }] });
    }
    routes.push({
      name: this.routeName,
      route: active,
      mirrors: props.mirrorPercentage !== undefined ? [{ subset: this.idleSubset, percentage: props.mirrorPercentage }] : undefined,
    });
    this.routeNames = addRoutes('BlueGreenService', this, this.virtualService, props, profile, active, routes);
  }
}
