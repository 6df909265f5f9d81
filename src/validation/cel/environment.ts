/**
 * The CEL environment Kubernetes gives CRD validation rules, as far as Istio's rules use it:
 * the standard library, the strings extension (substring, ...), RE2 `matches` (src/go/regexp.ts,
 * compiled once per pattern) and the URL library (`url()`, `isURL()`, `getScheme()`, `getHost()`, ...).
 * Loaded on the first rule compiled, never at module load.
 */
import type { CelEnv, CelResult } from '@bufbuild/cel';
import { mustCompileRegexp } from '../../go/regexp';
import { parseRequestUri, ParsedUrl } from '../../go/url';

/** A compiled rule: returns true, false, or a CEL error (with `message`). */
export type CompiledRule = (self: unknown) => CelResult;

interface CelModule {
  readonly env: CelEnv;
  readonly lib: typeof import('@bufbuild/cel');
}

let cel: CelModule | undefined;

function environment(): CelModule {
  if (cel) return cel;
  /* eslint-disable @typescript-eslint/no-require-imports */
  const lib = require('@bufbuild/cel') as typeof import('@bufbuild/cel');
  const { strings } = require('@bufbuild/cel/ext') as typeof import('@bufbuild/cel/ext');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const { celFunc, celMethod, CelScalar, mapType } = lib;

  // A URL is a string-keyed map of its parts: CEL code only reaches it through the methods below.
  const urlType = mapType(CelScalar.STRING, CelScalar.STRING);
  const toCel = (url: ParsedUrl) => new Map(Object.entries(url));
  const part = (name: keyof ParsedUrl) =>
    celMethod(`get${name === 'path' ? 'EscapedPath' : name[0].toUpperCase() + name.slice(1)}`, urlType, [], CelScalar.STRING,
      function (this: any) { return this.get(name) as string; });
  const urlFuncs = [
    celFunc('url', [CelScalar.STRING], urlType, (text: string) => toCel(parseRequestUri(text))),
    celFunc('isURL', [CelScalar.STRING], CelScalar.BOOL, (text: string) => {
      try {
        parseRequestUri(text);
        return true;
      } catch {
        return false;
      }
    }),
    part('scheme'), part('host'), part('hostname'), part('port'), part('path'), part('query'),
  ];

  cel = { lib, env: lib.celEnv({ funcs: [...strings, ...urlFuncs], re2: { compile: mustCompileRegexp } }) };
  return cel;
}

/** Operators the planner evaluates itself rather than through the function table. */
const SPECIAL_FORMS = new Set(['_&&_', '_||_', '_?_:_', '_[_]', '_[?_]', '_?._', '@not_strictly_false']);

/** Names of the functions and methods an expression calls. */
function calledFunctions(node: unknown, names: Set<string> = new Set()): Set<string> {
  if (node === null || typeof node !== 'object') return names;
  const call = node as { $typeName?: string; function?: string };
  if (call.$typeName === 'cel.expr.Expr.Call' && call.function) names.add(call.function);
  for (const child of Object.values(node)) {
    if (Array.isArray(child)) child.forEach(item => calledFunctions(item, names));
    else calledFunctions(child, names);
  }
  return names;
}

/**
 * Parses and plans a rule once; throws with CEL's reason when it does not compile, including a call
 * of a function the environment lacks (the planner would only notice when the call is reached).
 */
export function compileRule(rule: string): CompiledRule {
  const { lib, env } = environment();
  const parsed = lib.parse(rule);
  for (const name of calledFunctions(parsed.expr)) {
    if (!SPECIAL_FORMS.has(name) && !env.funcs.find(name)) {
      throw new Error(`undeclared reference to '${name}'`);
    }
  }
  const program = lib.plan(env, parsed);
  return (self: unknown) => program({ self: self as any });
}

/** True when a rule's result is a CEL evaluation error. */
export function isEvalError(result: CelResult): result is Extract<CelResult, { message: string }> {
  // a boolean is never an error: no need to load CEL to know (native rules return booleans)
  return typeof result === 'object' && result !== null && environment().lib.isCelError(result);
}
