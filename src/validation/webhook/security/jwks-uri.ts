/**
 * security.ParseJwksURI as the webhook runs it on `jwksUri`: Go's url.Parse (the port in
 * src/go/url.ts), an http or https scheme, a port that fits an int. The CRD's CEL rule
 * (`url(self).getScheme() in [...]`) rejects most malformed URIs first; what remains reachable is
 * mainly a port too big for strconv.Atoi.
 */
import { goQuote } from '../../../go/format';
import { atoiError } from '../../../go/strconv';
import { GoUrl, GoUrlError, parseUrl } from '../../../go/url';

/** ParseJwksURI's error for a jwksUri, undefined when Istio accepts it. */
export function jwksUriError(uri: string): string | undefined {
  let url: GoUrl;
  try {
    url = parseUrl(uri);
  } catch (e) {
    if (e instanceof GoUrlError) return e.message;
    throw e;
  }
  if (url.scheme !== 'http' && url.scheme !== 'https') return `URI scheme ${goQuote(url.scheme)} is not supported`;
  return url.port === '' ? undefined : atoiError(url.port);
}
