/**
 * jwk.Parse of lestrrat-go/jwx v1, as Istio's webhook calls it on an inline `jwks`: a JSON Web Key,
 * or a set of them under "keys". Its error text is what the webhook prints after "jwks parse error: ".
 */
import { goQuote } from './format';
import { goJsonSyntaxError, unmarshalTypeError } from './json';

/** The Go type jwk.ParseKey's key hint decodes into, as reflect prints it. */
const HINT_TYPE = 'struct { Kty string "json:\\"kty\\""; D json.RawMessage "json:\\"d\\"" }';

/**
 * The fields each key type requires, and the Go type jwx decodes it into (printed with %T).
 * unverified: required fields as jwx v1's generated key decoders check them (alphabetical order);
 * the values themselves (base64, curve names) are not checked here.
 */
const KEY_TYPES: Record<string, { public: [string, string[]]; private: [string, string[]] }> = {
  RSA: { public: ['*jwk.rsaPublicKey', ['e', 'n']], private: ['*jwk.rsaPrivateKey', ['d', 'e', 'n', 'p', 'q']] },
  EC: { public: ['*jwk.ecdsaPublicKey', ['crv', 'x', 'y']], private: ['*jwk.ecdsaPrivateKey', ['crv', 'd', 'x', 'y']] },
  oct: { public: ['*jwk.symmetricKey', ['k']], private: ['*jwk.symmetricKey', ['k']] },
  OKP: { public: ['*jwk.okpPublicKey', ['crv', 'x']], private: ['*jwk.okpPrivateKey', ['crv', 'd', 'x']] },
};

/** jwk.ParseKey of one decoded JSON value: its error, or undefined. */
function parseKeyError(value: unknown): string | undefined {
  if (value !== null && (typeof value !== 'object' || Array.isArray(value))) {
    return `failed to unmarshal JSON into key hint: ${unmarshalTypeError(value, HINT_TYPE)}`;
  }
  const fields = Object.entries((value ?? {}) as Record<string, unknown>);
  // encoding/json matches struct fields case-insensitively; the last match wins.
  let kty = '';
  let hasD = false;
  for (const [name, field] of fields) {
    if (name.toLowerCase() === 'kty' && field !== null) {
      if (typeof field !== 'string') {
        return `failed to unmarshal JSON into key hint: ${unmarshalTypeError(field, 'string', '.kty')}`;
      }
      kty = field;
    }
    if (name.toLowerCase() === 'd') hasD = true;
  }
  const type = KEY_TYPES[kty];
  if (!type) return `invalid key type from JSON (${kty})`;
  const [goType, required] = hasD ? type.private : type.public;
  const present = new Set(fields.filter(([, field]) => field !== null).map(([name]) => name));
  const missing = required.find(name => !present.has(name));
  return missing ? `failed to unmarshal JSON into key (${goType}): required field ${missing} is missing` : undefined;
}

/** The key set's error (jwk set UnmarshalJSON), for syntactically valid JSON. */
function setError(parsed: unknown): string | undefined {
  if (Array.isArray(parsed)) return "expected '{', but got '['";
  if (typeof parsed === 'string') {
    // A lone string reads as a field name with no value after it.
    return parsed === 'keys' ? 'failed to decode "keys": EOF' : `failed to decode value for key ${goQuote(parsed)}: EOF`;
  }
  if (parsed === null || typeof parsed !== 'object') return 'error reading token: EOF';
  const object = parsed as Record<string, unknown>;
  if (!('keys' in object)) {
    const error = parseKeyError(object);
    return error && `failed to parse sole key in key set: ${error}`;
  }
  const keys = object.keys;
  if (keys === null) return undefined;
  if (!Array.isArray(keys)) return `failed to decode "keys": ${unmarshalTypeError(keys, '[]json.RawMessage')}`;
  for (let i = 0; i < keys.length; i++) {
    const error = parseKeyError(keys[i]);
    if (error) return `failed to decode key #${i} in "keys": ${error}`;
  }
  return undefined;
}

/** jwk.Parse's error for a JWKS text, undefined when it parses. */
export function jwkParseError(jwks: string): string | undefined {
  const error = goJsonSyntaxError(jwks) ?? setError(JSON.parse(jwks));
  return error && `failed to unmarshal JWK set: ${error}`;
}
