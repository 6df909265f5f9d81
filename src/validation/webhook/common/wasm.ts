/**
 * The Wasm module checks WasmPlugin and TrafficExtension share in Istio's webhook: the module URL
 * (validateWasmPluginURL, strictParseURL), its sha256, the image pull secret, the VM's environment
 * (validateWasmPluginVMConfig) and the traffic selectors' ports (validateWasmPluginMatch,
 * validateTrafficExtensionMatch). Each Go function returns its first error only. Lengths are Go's
 * len(): UTF-8 bytes, so a value within the schema's maxLength (characters) can still be too long.
 */
import { byteLength } from '../../../go/builtin';
import { parseRequestUri, ParsedUrl, urlParseError } from '../../../go/url';
import { FieldPath } from '../../field-path';
import { Findings } from '../../findings';
import { isSet, listOf, messageOf, numberOf, stringOf } from '../../json';

const VALID_SCHEMES = new Set(['', 'file', 'http', 'https', 'oci']);

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** strictParseURL: the URL as given, else with `http://` in front; either way url.Parse must accept it too (src/go/url.ts). */
function strictParseUrl(original: string): { url?: ParsedUrl; error?: string } {
  let requestError: unknown;
  try {
    const url = parseRequestUri(original);
    const strict = urlParseError(original, url);
    return strict === undefined ? { url } : { error: `failed to strict parse url: ${strict}` };
  } catch (e) {
    requestError = e;
  }
  const withScheme = `http://${original}`;
  let url: ParsedUrl;
  try {
    url = parseRequestUri(withScheme);
  } catch {
    return { error: `failed to parse url: ${errorText(requestError)}` }; // Istio reports the first error
  }
  const strict = urlParseError(withScheme, url);
  return strict === undefined ? { url } : { error: `failed to strict parse url: ${strict}` };
}

/** validateWasmPluginURL: set, parseable, and a scheme Istio fetches modules from. */
export function checkWasmUrl(pluginUrl: string): string | undefined {
  if (pluginUrl === '') return 'url field needs to be set';
  const { url, error } = strictParseUrl(pluginUrl);
  if (error !== undefined) return error;
  return VALID_SCHEMES.has(url!.scheme) ? undefined : `url contains unsupported scheme: ${url!.scheme}`;
}

/** validateWasmPluginSHA: empty, or 64 lower-case hex digits. */
export function checkWasmSha256(sha: string): string | undefined {
  if (sha === '') return undefined;
  if (byteLength(sha) !== 64) return 'sha256 field must be 64 characters long';
  return /^[a-f0-9]*$/.test(sha) ? undefined : 'sha256 field must match [a-f0-9]{64} pattern';
}

/** validateWasmPluginImagePullSecret: at most 253 bytes. */
export function checkWasmImagePullSecret(secret: string): string | undefined {
  return byteLength(secret) > 253 ? 'imagePullSecret field must be less than 253 characters long' : undefined;
}

/** One env var's error: the field it concerns and Istio's message. */
function envError(item: Record<string, any>, seen: ReadonlySet<string>): { field: string; message: string } | undefined {
  const name = stringOf(item.name);
  if (name === '') return { field: 'name', message: 'spec.vmConfig.env invalid' };
  if (byteLength(name) > 256) return { field: 'name', message: 'env.name field must be less than 255 characters long' };
  if (seen.has(name)) return { field: 'name', message: 'duplicate env' };
  // valueFrom's zero value is INLINE.
  if ((stringOf(item.valueFrom) || 'INLINE') !== 'INLINE' && stringOf(item.value) !== '') {
    return { field: 'value', message: 'value may only be set when valueFrom is INLINE' };
  }
  return undefined;
}

/** validateWasmPluginVMConfig: each env var named (at most 256 bytes), once, with a value only when INLINE. */
export function validateWasmVmConfig(path: FieldPath, findings: Findings, vmConfig: unknown): void {
  const seen = new Set<string>();
  const env = listOf(messageOf(vmConfig).env);
  for (let i = 0; i < env.length; i++) {
    if (!isSet(env[i])) continue;
    const item = messageOf(env[i]);
    const error = envError(item, seen);
    if (error) {
      findings.error(path.child('env').index(i).child(error.field), error.message);
      return;
    }
    seen.add(stringOf(item.name));
  }
}

/** validateWasmPluginMatch / validateTrafficExtensionMatch: no null selector or port, each port in 1..65535. */
export function validateTrafficSelectors(path: FieldPath, findings: Findings, match: unknown): void {
  const selectors = listOf(match);
  for (let i = 0; i < selectors.length; i++) {
    if (!isSet(selectors[i])) {
      findings.error(path.index(i), `spec.Match[${i}] is nil`);
      return;
    }
    const ports = listOf(messageOf(selectors[i]).ports);
    for (let j = 0; j < ports.length; j++) {
      const at = path.index(i).child('ports').index(j);
      if (!isSet(ports[j])) {
        findings.error(at, `spec.Match[${i}].Ports[${j}] is nil`);
        return;
      }
      const port = numberOf(messageOf(ports[j]).number);
      if (port <= 0 || port > 65535) {
        findings.error(at.child('number'), `spec.Match[${i}].Ports[${j}] is out of range: ${port}`);
        return;
      }
    }
  }
}
