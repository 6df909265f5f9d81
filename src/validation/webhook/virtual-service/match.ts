/** Match conditions of an HTTP route (validateHTTPRouteMatchRequest). */
import { entriesOf, isSet, listOf, messageOf, numberOf, stringOf } from '../../json';
import { validateGatewayNames } from '../common/gateway-names';
import { validateHttpHeaderNameOrJwtClaimRoute } from '../common/headers';
import { isDNS1123Label } from '../common/hosts';
import { validateLabels } from '../common/labels';
import { validatePort } from '../common/ports';
import { stringMatchType, StringMatchFinding, StringMatchType, stringMatchValue, validateStringMatch, validateStringMatchRegexp } from '../common/string-match';
import { Findings } from '../types';

/**
 * validateHTTPRouteMatchRequest: header names and string matches of every match first, then ports,
 * source labels, gateways and source namespaces.
 */
export function checkHttpMatchRequests(f: Findings, path: string, matches: unknown): void {
  const list = listOf(matches);
  list.forEach((item, i) => {
    if (!isSet(item)) return;
    const m = messageOf(item);
    const where = `${path}[${i}]`;
    for (const [name, header] of entriesOf(m.headers)) {
      if (!isSet(header)) f.error(`${where}.headers[${name}]`, `header match ${name} cannot be null`);
      f.errorIfAny(`${where}.headers[${name}]`, validateHttpHeaderNameOrJwtClaimRoute(name));
      reportMatch(f, `${where}.headers[${name}]`, validateStringMatch(header, 'headers'));
    }
    for (const [name, header] of entriesOf(m.withoutHeaders)) {
      f.errorIfAny(`${where}.withoutHeaders[${name}]`, validateHttpHeaderNameOrJwtClaimRoute(name));
      // regex `*` is no RE2 regex: Istio turns it into a presence match
      const presence = stringMatchType(header) === StringMatchType.REGEX && stringMatchValue(header) === '*';
      if (isSet(header) && !presence) reportMatch(f, `${where}.withoutHeaders[${name}]`, validateStringMatch(header, 'withoutHeaders'));
    }
    // an empty uri prefix is fine for Envoy; empty scheme/method/authority prefixes are not
    reportMatch(f, `${where}.uri`, validateStringMatchRegexp(m.uri, 'uri'));
    reportMatch(f, `${where}.scheme`, validateStringMatch(m.scheme, 'scheme'));
    reportMatch(f, `${where}.method`, validateStringMatch(m.method, 'method'));
    reportMatch(f, `${where}.authority`, validateStringMatch(m.authority, 'authority'));
    for (const [name, param] of entriesOf(m.queryParams)) {
      reportMatch(f, `${where}.queryParams[${name}]`, validateStringMatch(param, 'queryParams'));
    }
  });
  list.forEach((item, i) => {
    if (!isSet(item)) return;
    const m = messageOf(item);
    const where = `${path}[${i}]`;
    const port = numberOf(m.port);
    if (port !== 0) f.errorIfAny(`${where}.port`, validatePort(port));
    validateLabels(f, `${where}.sourceLabels`, m.sourceLabels);
    validateGatewayNames(listOf(m.gateways).map(stringOf), `${where}.gateways`, false, f);
    const sourceNamespace = stringOf(m.sourceNamespace);
    if (sourceNamespace !== '' && !isDNS1123Label(sourceNamespace)) {
      f.error(`${where}.sourceNamespace`, `sourceNamespace match ${sourceNamespace} is invalid`);
    }
  });
}

function reportMatch(f: Findings, path: string, finding: StringMatchFinding | undefined): void {
  if (finding) f.error(`${path}.${finding.field}`, finding.message);
}
