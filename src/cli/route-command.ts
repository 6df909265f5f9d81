/**
 * `cdk8s-istio route [--format text|json] --host H [--port P] [--method M] [--path P] [--header k=v]...
 * [--source-label k=v]... [--source-namespace NS] [--gateway mesh|ns/name] [--explain] <file|dir>...`
 * (contract 4 in CONTRIBUTING.md): where a request goes, over the objects of the files, with Istio's
 * routing semantics (src/simulate).
 */
import { CliError, CliIo, Command, ExitStatus, UsageError } from './command';
import { listInputFiles, readTextFile } from './input-files';
import { choiceOption, parseOptions, ParsedArguments } from './options';
import { isMapping, readDocuments } from './yaml-documents';
import type { RouteRequest } from '../simulate/types';

// The simulator (and cdk8s, which it reads apps with) loads when `route` runs, not when `validate` does.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const engine = (): typeof import('../simulate/engine') => require('../simulate/engine');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const simulatorFormat = (): typeof import('../simulate/format') => require('../simulate/format');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const simulatorModule = (): typeof import('../simulate/route-simulator') => require('../simulate/route-simulator');

/** Exit status when no VirtualService route handles the request. */
const NO_ROUTE = 3;

const USAGE = 'Usage: cdk8s-istio route [--format text|json] --host H [--port P] [--method M] [--path P] [--header k=v]... '
  + '[--source-label k=v]... [--source-namespace NS] [--gateway mesh|ns/name] [--scheme S] [--explain] <file|dir>...';

const HELP = `${USAGE}

Tells which VirtualService and which route a request takes and where it goes, offline, with
Istio's semantics: host selection (exact before wildcard), gateway binding and exportTo, rules in
order (first match wins), every match type (RE2 regexes, full match), delegation, VirtualServices
merged on a gateway, TCP/TLS routes for ports that are not HTTP (from the Service or Gateway in
the input). Reads the same files as 'validate' (YAML/JSON, directories recursively).

Options:
  --host H               authority of the request (required); a short name resolves in the
                         source namespace (reviews -> reviews.default.svc.cluster.local)
  --port P               destination port (default: the port in --host, else 80; 443 with --scheme https)
  --method M             HTTP method (default GET)
  --path P               path with query string (default /)
  --header k=v           a request header (repeatable)
  --source-label k=v     a label of the client workload (repeatable)
  --source-namespace NS  namespace of the client (default: default; at a gateway, the Gateway's)
  --gateway G            mesh (default: a sidecar) or <namespace>/<name> of a Gateway
  --scheme S             http (default) or https
  --explain              list every route considered, in order, and the condition that failed
  --format text|json     text (default), or one JSON object {virtualService, route, destinations,
                         redirect, directResponse, rewrite, fault, mirrors, timeout, retries, ...};
                         {"noRoute": true, ...} when no route matches
  -h, --help             show this help

Exit status:
  0  a route handles the request
  2  usage error, unreadable file, YAML/JSON syntax error, or no objects in the input
  3  no VirtualService route handles the request (the output says what Istio does instead)
`;

/** The `route` subcommand. */
export const routeCommand: Command = {
  summary: 'tell which VirtualService route a request takes and where it goes, offline',
  usage: USAGE,
  help: HELP,
  run: runRoute,
};

const OPTIONS = {
  'format': { type: 'string' },
  'host': { type: 'string' },
  'port': { type: 'string' },
  'method': { type: 'string' },
  'path': { type: 'string' },
  'header': { type: 'string', multiple: true },
  'source-label': { type: 'string', multiple: true },
  'source-namespace': { type: 'string' },
  'gateway': { type: 'string' },
  'scheme': { type: 'string' },
  'explain': { type: 'boolean' },
  'help': { type: 'boolean', short: 'h' },
} as const;

function runRoute(args: readonly string[], io: CliIo): number {
  const parsed = parseOptions(args, OPTIONS);
  if (parsed.values.help) {
    io.stdout(HELP);
    return ExitStatus.OK;
  }
  const format = choiceOption(parsed, 'format', ['text', 'json'], 'text');
  const request = requestOf(parsed);
  if (parsed.positionals.length === 0) throw new UsageError('no input: name at least one file or directory');

  const objects = readObjects(parsed.positionals);
  if (objects.length === 0) throw new CliError(`cdk8s-istio route: no Kubernetes objects in ${parsed.positionals.join(', ')}`);
  const simulator = simulatorModule().RouteSimulator.fromObjects(objects);
  let result;
  try {
    result = simulator.route(request);
  } catch (error) {
    if (error instanceof engine().RouteRequestError) throw new UsageError(error.message);
    throw error;
  }
  const explain = parsed.values.explain === true;
  const { formatRouteResult, routeResultJson } = simulatorFormat();
  io.stdout(format === 'json' ? `${JSON.stringify(routeResultJson(result, explain), null, 2)}\n` : formatRouteResult(result, explain));
  return result.noRoute ? NO_ROUTE : ExitStatus.OK;
}

function requestOf(parsed: ParsedArguments): RouteRequest {
  const text = (name: string): string | undefined => {
    const value = parsed.values[name];
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || value === '') throw new UsageError(`--${name} needs a value`);
    return value;
  };
  const host = text('host');
  if (host === undefined) throw new UsageError('--host is required');
  const portText = text('port');
  let port: number | undefined;
  if (portText !== undefined) {
    port = Number(portText);
    if (!/^\d+$/.test(portText) || port < 1 || port > 65535) throw new UsageError(`--port must be a port number (1-65535), got '${portText}'`);
  }
  const gateway = text('gateway');
  if (gateway !== undefined && gateway !== 'mesh' && !/^[^/]+\/[^/]+$/.test(gateway)) {
    throw new UsageError(`--gateway must be 'mesh' or '<namespace>/<name>', got '${gateway}'`);
  }
  const path = text('path');
  if (path !== undefined && !path.startsWith('/')) throw new UsageError(`--path must start with '/', got '${path}'`);
  const headers = pairs(parsed, 'header', true);
  const sourceLabels = pairs(parsed, 'source-label', false);
  const method = text('method');
  const scheme = text('scheme');
  const sourceNamespace = text('source-namespace');
  return {
    host,
    ...(port !== undefined ? { port } : {}),
    ...(method !== undefined ? { method } : {}),
    ...(path !== undefined ? { path } : {}),
    ...(headers ? { headers } : {}),
    ...(scheme !== undefined ? { scheme } : {}),
    ...(sourceLabels ? { sourceLabels } : {}),
    ...(sourceNamespace !== undefined ? { sourceNamespace } : {}),
    ...(gateway !== undefined ? { gateway } : {}),
  };
}

/** `k=v` options into a map; a repeated header is joined with `,` as Envoy sees it, a repeated label is an error. */
function pairs(parsed: ParsedArguments, name: string, join: boolean): Record<string, string> | undefined {
  const values = parsed.values[name];
  if (values === undefined) return undefined;
  const out: Record<string, string> = {};
  for (const item of Array.isArray(values) ? values : [values]) {
    const text = String(item);
    const eq = text.indexOf('=');
    if (eq <= 0) throw new UsageError(`--${name} must be key=value, got '${text}'`);
    const key = name === 'header' ? text.slice(0, eq).trim().toLowerCase() : text.slice(0, eq).trim();
    const value = text.slice(eq + 1);
    if (key in out) {
      if (!join) throw new UsageError(`--${name} ${key} given twice`);
      out[key] = `${out[key]},${value}`;
    } else {
      out[key] = value;
    }
  }
  return out;
}

/** The mappings of every document of every file; the first unreadable or malformed file stops the run. */
function readObjects(paths: readonly string[]): Array<Record<string, unknown>> {
  const { files, problems } = listInputFiles(paths);
  if (problems.length > 0) throw new CliError(problems.map(p => p.message).join('\n'));
  const objects: Array<Record<string, unknown>> = [];
  for (const file of files) {
    for (const document of readDocuments(file, readTextFile(file))) if (isMapping(document.value)) objects.push(document.value);
  }
  return objects;
}
