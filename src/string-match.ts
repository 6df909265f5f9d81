import { factoryError } from './core/errors';
import { checkStringMatch } from './validation/webhook/common/string-match';

/**
 * How a string (a path, a header, a query parameter, an authority) is matched: Istio's StringMatch.
 *
 * Regexes are RE2 (what Envoy runs), matched against the whole value; a pattern RE2 rejects is
 * refused here with Go's error text, as Istio would refuse it.
 */
export class StringMatch {
  /**
   * The value equals `value`.
   * @example StringMatch.exact('GET')
   */
  public static exact(value: string): StringMatch {
    return StringMatch.checked('exact', value);
  }

  /**
   * The value starts with `value` (which may not be empty: Istio rejects an empty prefix).
   * @example StringMatch.prefix('/api/')
   */
  public static prefix(value: string): StringMatch {
    return StringMatch.checked('prefix', value);
  }

  /**
   * The whole value matches the RE2 regular expression `pattern`.
   * @example StringMatch.regex('.*Mobile.*')
   */
  public static regex(pattern: string): StringMatch {
    return StringMatch.checked('regex', pattern);
  }

  private static checked(type: 'exact' | 'prefix' | 'regex', value: string): StringMatch {
    if (typeof value !== 'string') {
      throw factoryError(`StringMatch.${type}()`, `the value must be a string, got ${JSON.stringify(value)}`);
    }
    // The webhook's own check (empty prefix, empty or invalid RE2 regex), run now rather than at synth.
    const finding = checkStringMatch({ [type]: value }, 'value');
    if (finding) throw factoryError(`StringMatch.${type}()`, `${finding.message} (got ${JSON.stringify(value)})`);
    return new StringMatch(type, value);
  }

  private constructor(private readonly type: string, private readonly value: string) {}

  /**
   * The StringMatch as Istio's YAML has it, `{ exact: 'GET' }`.
   * @internal
   */
  public _toIstio(): { [key: string]: string } {
    return { [this.type]: this.value };
  }
}
