/** validateJwtRule: one `jwtRules` entry of a RequestAuthentication, in Istio's order. */
import { isSet, listOf, messageOf, stringOf } from '../../json';
import { checkDuration } from '../common/duration';
import { validateStrictHttpHeaderName } from '../common/headers';
import { Findings } from '../types';
import { jwksParseError } from './jwks';
import { jwksUriError } from './jwks-uri';

/** Each empty string of a list field, at its index. */
function checkNonEmpty(f: Findings, path: string, values: unknown, message: string): void {
  listOf(values).forEach((value, i) => {
    if (stringOf(value) === '') f.error(`${path}[${i}]`, message);
  });
}

/** The checks of one JWT rule (a null rule has none). */
export function validateJwtRule(f: Findings, path: string, value: unknown): void {
  if (!isSet(value)) return;
  const rule = messageOf(value);
  checkNonEmpty(f, `${path}.audiences`, rule.audiences, 'audience must be non-empty string');
  // The proto field jwks_uri is read under its JSON name and its proto name alike.
  const uriField = isSet(rule.jwksUri) || !isSet(rule.jwks_uri) ? 'jwksUri' : 'jwks_uri';
  const jwksUri = stringOf(rule[uriField]);
  if (stringOf(rule.issuer) === '' && jwksUri === '') f.error(`${path}.issuer`, 'issuer or jwksUri must be non-empty string');
  if (jwksUri !== '') f.errorIfAny(`${path}.${uriField}`, jwksUriError(jwksUri));
  const jwks = stringOf(rule.jwks);
  if (jwks !== '') {
    const error = jwksParseError(jwks);
    if (error) f.error(`${path}.jwks`, `jwks parse error: ${error}`);
  }
  listOf(rule.fromHeaders).forEach((header, i) => {
    if (!isSet(header)) f.error(`${path}.fromHeaders[${i}]`, 'location header name must be non-null');
    else if (stringOf(messageOf(header).name) === '') f.error(`${path}.fromHeaders[${i}].name`, 'location header name must be non-empty string');
  });
  checkNonEmpty(f, `${path}.fromParams`, rule.fromParams, 'location query must be non-empty string');
  checkNonEmpty(f, `${path}.fromCookies`, rule.fromCookies, 'cookie name must be non-empty string');
  listOf(rule.outputClaimToHeaders).forEach((entry, i) => {
    const at = `${path}.outputClaimToHeaders[${i}]`;
    if (!isSet(entry)) return f.error(at, 'outputClaimToHeaders must not be null');
    const { claim, header } = messageOf(entry);
    if (stringOf(claim) === '' || stringOf(header) === '') {
      return f.error(at, 'outputClaimToHeaders header and claim value must be non-empty string');
    }
    return f.errorIfAny(`${at}.header`, validateStrictHttpHeaderName(stringOf(header)));
  });
  if (isSet(rule.timeout)) checkDuration(f, `${path}.timeout`, rule.timeout);
}
