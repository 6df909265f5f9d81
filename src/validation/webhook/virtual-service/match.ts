/** Match conditions of an HTTP route (validateHTTPRouteMatchRequest). */
import { FieldPath } from '../../field-path';
import { Findings } from '../../findings';
import { entriesOf, isSet, listOf, messageOf, numberOf, stringItems, stringOf } from '../../json';
import { validateGatewayNames } from '../common/gateway-names';
import { checkHttpHeaderNameOrJwtClaimRoute } from '../common/headers';
import { isDNS1123Label } from '../common/hosts';
import { validateLabels } from '../common/labels';
import { checkPort } from '../common/ports';
import { checkStringMatch, checkStringMatchRegexp, stringMatchType, StringMatchFinding, StringMatchType, stringMatchValue } from '../common/string-match';

/**
 * validateHTTPRouteMatchRequest: header names and string matches of every match first, then ports,
 * source labels, gateways and source namespaces.
 */
export function validateHttpMatchRequests(path: FieldPath, findings: Findings, matches: unknown): void {
  const list = listOf(matches);
  list.forEach((item, i) => {
    if (!isSet(item)) return;
    const m = messageOf(item);
    const where = path.index(i);
    for (const [name, header] of entriesOf(m.headers)) {
      const at = where.child('headers').key(name);
      if (!isSet(header)) findings.error(at, `header match ${name} cannot be null`);
      findings.errorIfAny(at, checkHttpHeaderNameOrJwtClaimRoute(name));
      reportMatch(at, findings, checkStringMatch(header, 'headers'));
    }
    for (const [name, header] of entriesOf(m.withoutHeaders)) {
      const at = where.child('withoutHeaders').key(name);
      findings.errorIfAny(at, checkHttpHeaderNameOrJwtClaimRoute(name));
      // regex `*` is no RE2 regex: Istio turns it into a presence match
      const presence = stringMatchType(header) === StringMatchType.REGEX && stringMatchValue(header) === '*';
      if (isSet(header) && !presence) reportMatch(at, findings, checkStringMatch(header, 'withoutHeaders'));
    }
    // an empty uri prefix is fine for Envoy; empty scheme/method/authority prefixes are not
    reportMatch(where.child('uri'), findings, checkStringMatchRegexp(m.uri, 'uri'));
    reportMatch(where.child('scheme'), findings, checkStringMatch(m.scheme, 'scheme'));
    reportMatch(where.child('method'), findings, checkStringMatch(m.method, 'method'));
    reportMatch(where.child('authority'), findings, checkStringMatch(m.authority, 'authority'));
    for (const [name, param] of entriesOf(m.queryParams)) {
      reportMatch(where.child('queryParams').key(name), findings, checkStringMatch(param, 'queryParams'));
    }
  });
  list.forEach((item, i) => {
    if (!isSet(item)) return;
    const m = messageOf(item);
    const where = path.index(i);
    const port = numberOf(m.port);
    if (port !== 0) findings.errorIfAny(where.child('port'), checkPort(port));
    validateLabels(where.child('sourceLabels'), findings, m.sourceLabels);
    validateGatewayNames(where.child('gateways'), findings, stringItems(m.gateways), false);
    const sourceNamespace = stringOf(m.sourceNamespace);
    if (sourceNamespace !== '' && !isDNS1123Label(sourceNamespace)) {
      findings.error(where.child('sourceNamespace'), `sourceNamespace match ${sourceNamespace} is invalid`);
    }
  });
}

/** A StringMatch's finding, at the member it is about (`...uri.regex`). */
function reportMatch(path: FieldPath, findings: Findings, finding: StringMatchFinding | undefined): void {
  if (finding) findings.error(path.child(finding.field), finding.message);
}
