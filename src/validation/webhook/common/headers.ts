/**
 * HTTP header names, values and header operations, as Istio's webhook checks them
 * (ValidateXxxHTTPHeaderName, ValidateHTTPHeaderValue in validation.go and header_value_validator.go).
 */
import { goQuote } from '../../../go/format';
import { FieldPath } from '../../field-path';
import { Findings } from '../../findings';
import { entriesOf, isSet, listOf, messageOf, stringOf } from '../../json';

/** RFC 7230 token characters. Istio's class `[!#$%&'*+-.^_`|~...]` holds the range `+-.`, so ',' too. */
const HEADER_NAME = /^[!#$%&'*+,\-.^_`|~A-Za-z0-9]+$/;
const STRICT_HEADER_NAME = /^[-A-Za-z0-9]+$/;
const PSEUDO_HEADERS = new Set([':method', ':scheme', ':authority', ':path', ':status']);
const JWT_CLAIM_HEADER = '@request.auth.claims';

/** jwt.ToRoutingClaim(name).Match: `@request.auth.claims.a.b` or `@request.auth.claims[a][b]`. */
export function isJwtClaimRoute(name: string): boolean {
  if (!name.toLowerCase().startsWith(JWT_CLAIM_HEADER)) return false;
  const rest = name.slice(JWT_CLAIM_HEADER.length);
  return rest.startsWith('.') || (rest.startsWith('[') && rest.endsWith(']'));
}

/** A header Envoy manages itself: a pseudo-header (`:path`) or Host. */
export function isInternalHeader(name: string): boolean {
  return name.startsWith(':') || name.toLowerCase() === 'host';
}

/** `:authority` or Host (any case). */
export function isAuthorityHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return lower === ':authority' || lower === 'host';
}

/** ValidateStrictHTTPHeaderName: letters, digits and '-' only. */
export function checkStrictHttpHeaderName(name: string): string | undefined {
  if (name === '') return 'header name cannot be empty';
  if (!STRICT_HEADER_NAME.test(name)) return `header name ${name} is not a valid header name`;
  return undefined;
}

/** ValidateCORSHTTPHeaderName: a token, or `*`. */
export function checkCorsHttpHeaderName(name: string): string | undefined {
  if (name === '') return 'header name cannot be empty';
  if (name === '*') return undefined;
  if (!HEADER_NAME.test(name)) return `header name ${name} is not a valid header name`;
  return undefined;
}

/** ValidateHTTPHeaderNameOrJwtClaimRoute: a token, a pseudo-header, or a JWT claim route. */
export function checkHttpHeaderNameOrJwtClaimRoute(name: string): string | undefined {
  if (name === '') return 'header name cannot be empty';
  if (isJwtClaimRoute(name) || PSEUDO_HEADERS.has(name)) return undefined;
  if (!HEADER_NAME.test(name)) return `header name ${name} is not a valid header name`;
  return undefined;
}

/** ValidateHTTPHeaderWithAuthorityOperationName: request add/set may target the authority, no other internal header. */
export function checkHttpHeaderWithAuthorityOperationName(name: string): string | undefined {
  if (name === '') return 'header name cannot be empty';
  if (isInternalHeader(name) && !isAuthorityHeader(name)) return `invalid header ${goQuote(name)}: header cannot have ":" prefix`;
  return undefined;
}

/** ValidateHTTPHeaderOperationName: request remove and response operations may not touch internal headers. */
export function checkHttpHeaderOperationName(name: string): string | undefined {
  if (name === '') return 'header name cannot be empty';
  if (name.toLowerCase() === 'host') return `invalid header ${goQuote(name)}: cannot set Host header`;
  if (isInternalHeader(name)) return `invalid header ${goQuote(name)}: header cannot have ":" prefix`;
  return undefined;
}

/** ValidateHTTPHeaderValue: no control characters but tab, and a well-formed Envoy `%VAR%` syntax. */
export function checkHttpHeaderValue(value: string): string | undefined {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if ((c <= 0x08) || (c >= 0x0a && c <= 0x1f) || c === 0x7f) return `header value configuration ${value} is invalid`;
  }
  const err = envoyHeaderFormatError(value);
  return err === undefined ? undefined : `header value configuration: ${err}`;
}

enum State { LITERAL, VARIABLE_NAME, EXPECT_ARRAY, EXPECT_STRING, STRING, EXPECT_ARRAY_DELIMITER_OR_END, EXPECT_ARGS_END, EXPECT_VARIABLE_END }

/** validateHeaderValue: Envoy's header formatter parser (header_parser.cc), as Istio ported it. */
function envoyHeaderFormatError(value: string): string | undefined {
  let state = State.LITERAL;
  for (let pos = 0; pos < value.length; pos++) {
    const ch = value[pos];
    const hasNext = pos + 1 < value.length;
    switch (state) {
      case State.LITERAL:
        if (ch !== '%') break;
        if (!hasNext) return 'invalid header configuration. Un-escaped %';
        if (value[pos + 1] === '%') pos++; // an escaped %
        else state = State.VARIABLE_NAME;
        break;
      case State.VARIABLE_NAME:
        if (ch === '%') state = State.LITERAL;
        else if (ch === '(') state = State.EXPECT_ARRAY;
        break;
      case State.EXPECT_ARRAY:
        if (ch === '[') state = State.EXPECT_STRING;
        else if (ch !== ' ') state = State.STRING;
        break;
      case State.EXPECT_ARRAY_DELIMITER_OR_END:
        if (ch === ',') state = State.EXPECT_STRING;
        else if (ch === ']') state = State.EXPECT_ARGS_END;
        else if (ch !== ' ') return 'invalid header configuration. Expecting \',\', \']\', or whitespace';
        break;
      case State.EXPECT_STRING:
        if (ch === '"') state = State.STRING;
        else if (ch !== ' ') return 'invalid header configuration. Expecting \'"\'';
        break;
      case State.STRING:
        if (ch === '\\') {
          if (!hasNext) return 'invalid header configuration. Un-terminated backslash in JSON string';
          pos++;
        } else if (ch === ')') {
          state = State.EXPECT_VARIABLE_END;
        } else if (ch === '"') {
          state = State.EXPECT_ARRAY_DELIMITER_OR_END;
        }
        break;
      case State.EXPECT_ARGS_END:
        if (ch === ')') state = State.EXPECT_VARIABLE_END;
        else if (ch !== ' ') return 'invalid header configuration. Expecting \')\' or whitespace after \'{}\', but found \'{}\'';
        break;
      case State.EXPECT_VARIABLE_END:
        if (ch === '%') state = State.LITERAL;
        else if (ch !== ' ') return 'invalid header configuration. Expecting \'%\' or whitespace after';
        break;
    }
  }
  if (state !== State.LITERAL) return `invalid header configuration. Un-terminated variable expression '${value}'`;
  return undefined;
}

const HEADER_DIRECTIONS = [
  ['request', checkHttpHeaderWithAuthorityOperationName],
  ['response', checkHttpHeaderOperationName],
] as const;
const HEADER_OPERATIONS = ['add', 'set'] as const;

/**
 * The header operations of an HTTP route or route destination (`headers.request/response`
 * add/set/remove), in Istio's order: request add, set, remove, then response add, set, remove.
 */
export function validateHeaderOperations(path: FieldPath, findings: Findings, headers: unknown): void {
  if (!isSet(headers)) return;
  const ops = messageOf(headers);
  for (const [direction, nameCheck] of HEADER_DIRECTIONS) {
    if (!isSet(ops[direction])) continue;
    const base = path.child(direction);
    const operations = messageOf(ops[direction]);
    for (const op of HEADER_OPERATIONS) {
      for (const [name, value] of entriesOf(operations[op])) {
        findings.errorIfAny(base.child(op).key(name), nameCheck(name));
        findings.errorIfAny(base.child(op).key(name), checkHttpHeaderValue(stringOf(value)));
      }
    }
    listOf(operations.remove).forEach((name, i) => {
      findings.errorIfAny(base.child('remove').index(i), checkHttpHeaderOperationName(stringOf(name)));
    });
  }
}

