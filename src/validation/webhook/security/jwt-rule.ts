/** validateJwtRule: one `jwtRules` entry of a RequestAuthentication, in Istio's order. */
import { jwksUriError } from './jwks-uri';
import { jwkParseError } from '../../../go/jwx';
import { FieldPath } from '../../field-path';
import { Findings } from '../../findings';
import { isSet, listOf, messageOf, stringOf } from '../../json';
import { validateDuration } from '../common/duration';
import { checkStrictHttpHeaderName } from '../common/headers';

/** Each empty string of a list field, at its index. */
function validateNonEmpty(path: FieldPath, findings: Findings, values: unknown, message: string): void {
  listOf(values).forEach((value, i) => {
    if (stringOf(value) === '') findings.error(path.index(i), message);
  });
}

/** validateJwtRule: the checks of one JWT rule (a null rule has none). */
export function validateJwtRule(path: FieldPath, findings: Findings, value: unknown): void {
  if (!isSet(value)) return;
  const rule = messageOf(value);
  validateNonEmpty(path.child('audiences'), findings, rule.audiences, 'audience must be non-empty string');
  // The proto field jwks_uri is read under its JSON name and its proto name alike.
  const uriField = isSet(rule.jwksUri) || !isSet(rule.jwks_uri) ? 'jwksUri' : 'jwks_uri';
  const jwksUri = stringOf(rule[uriField]);
  if (stringOf(rule.issuer) === '' && jwksUri === '') findings.error(path.child('issuer'), 'issuer or jwksUri must be non-empty string');
  if (jwksUri !== '') findings.errorIfAny(path.child(uriField), jwksUriError(jwksUri));
  const jwks = stringOf(rule.jwks);
  if (jwks !== '') {
    const error = jwkParseError(jwks);
    if (error) findings.error(path.child('jwks'), `jwks parse error: ${error}`);
  }
  listOf(rule.fromHeaders).forEach((header, i) => {
    const at = path.child('fromHeaders').index(i);
    if (!isSet(header)) findings.error(at, 'location header name must be non-null');
    else if (stringOf(messageOf(header).name) === '') findings.error(at.child('name'), 'location header name must be non-empty string');
  });
  validateNonEmpty(path.child('fromParams'), findings, rule.fromParams, 'location query must be non-empty string');
  validateNonEmpty(path.child('fromCookies'), findings, rule.fromCookies, 'cookie name must be non-empty string');
  listOf(rule.outputClaimToHeaders).forEach((entry, i) => {
    const at = path.child('outputClaimToHeaders').index(i);
    if (!isSet(entry)) return findings.error(at, 'outputClaimToHeaders must not be null');
    const { claim, header } = messageOf(entry);
    if (stringOf(claim) === '' || stringOf(header) === '') {
      return findings.error(at, 'outputClaimToHeaders header and claim value must be non-empty string');
    }
    return findings.errorIfAny(at.child('header'), checkStrictHttpHeaderName(stringOf(header)));
  });
  if (isSet(rule.timeout)) validateDuration(path.child('timeout'), findings, rule.timeout);
}
