/**
 * String formats the API server checks (kube-openapi's strfmt registry), those Istio's CRDs use:
 * `byte` and `date-time` (plus `date`). Unknown formats, and number formats such as `int32` or
 * `double`, are not checked, as in Kubernetes.
 */
import { goQuote } from '../../go/format';

const checks: Record<string, (text: string) => boolean> = {
  'byte': text => /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(text),
  'date-time': text => /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/.test(text)
    && !Number.isNaN(Date.parse(text.replace(' ', 'T'))),
  'date': text => /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(text)),
};

/** kube-openapi's detail (`must be of type byte: "..."`) when `text` is not of `format`, else undefined. */
export function checkFormat(format: string, text: string): string | undefined {
  const check = checks[format];
  return check && !check(text) ? `must be of type ${format}: ${goQuote(text)}` : undefined;
}
