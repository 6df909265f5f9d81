/**
 * `cdk8s-istio validate [--format text|json] [--best-practices] [--suppress <code>=<resource>]...
 * [--show-suppressed] <file|dir>...` (contract 3 in CONTRIBUTING.md): reads every document of every
 * file, validates them all in one engine call (cross-resource checks see the whole set), places each
 * diagnostic at its file and line, sets suppressed findings apart (../validation/suppression.ts) and
 * prints the report.
 */
import { CliError, CliIo, Command, ExitStatus, UsageError } from './command';
import { readTextFile, listInputFiles } from './input-files';
import { Locator } from './locator';
import { choiceOption, parseOptions } from './options';
import { ReportEntry, ReportedDiagnostic, hasErrors, jsonReport, textReport } from './report';
import { SourceText } from './source-text';
import { describeValueType, isMapping, readDocuments, SourceDocument } from './yaml-documents';
import { Severity } from '../validation/diagnostic';
import { FieldPath } from '../validation/field-path';
import { applySuppressions, knownCodes, parseResourceSuppression, resourceSuppressor, ResourceSuppression, Suppressor } from '../validation/suppression';
import { isIstioObject, validateObjects } from '../validation/validate';

/** Code of the CLI's own input findings: a document that is not a Kubernetes object. */
const NOT_AN_OBJECT = 'CI0001';

const USAGE = 'Usage: cdk8s-istio validate [--format text|json] [--best-practices] [--suppress <code>=<resource>]... [--show-suppressed] <file|dir>...';

const HELP = `${USAGE}

Validates Istio objects offline, as the Kubernetes API server and Istio would: the schema and
CEL rules of the CRD version named by each apiVersion, Istio's webhook rules, then checks across
all the objects given (Services, Pods, Namespaces and Secrets in the input are used as context).

Reads multi-document YAML and JSON files; directories are read recursively (*.yaml, *.yml,
*.json). Items of a List and elements of a top-level JSON array are documents. Keys starting
with '_' at the top level of a document are ignored. Documents of other API groups are skipped.

Options:
  --format text|json  text (default): one line per finding, then a summary line
                      json: an array of {file, line, severity, code, kind, namespace, name, path, message}
  --best-practices    also run the best-practice checks (codes CI2xxx, warnings and infos)
  -S, --suppress <code>=<resource>
                      do not report <code> on the resources matching <resource>, as istioctl analyze:
                      '<Kind> <name>.<namespace>' or '<Kind> <namespace>/<name>', '*' matching any run
                      of characters (e.g. "IST0173=DestinationRule reviews.shop", "CI2001=* *.shop").
                      Repeatable. The object annotation galley.istio.io/analyze-suppress: "IST0173,..."
                      (or "*") suppresses codes on that object.
  --show-suppressed   list suppressed findings too (text: 'suppressed' after the location; json:
                      every entry gets suppressed (boolean) and suppressedBy (string or null))
  -h, --help          show this help

Suppressed findings never fail the run; the summary line counts them.

Exit status:
  0  no errors (warnings allowed)
  1  at least one error
  2  usage error, unreadable file, or YAML/JSON syntax error
`;

/** The `validate` subcommand. */
export const validateCommand: Command = {
  summary: 'check Istio objects in YAML/JSON files offline, as Istio would',
  usage: USAGE,
  help: HELP,
  run: runValidate,
};

function runValidate(args: readonly string[], io: CliIo): number {
  const parsed = parseOptions(args, {
    'format': { type: 'string' },
    'best-practices': { type: 'boolean' },
    'suppress': { type: 'string', short: 'S', multiple: true },
    'show-suppressed': { type: 'boolean' },
    'help': { type: 'boolean', short: 'h' },
  });
  if (parsed.values.help) {
    io.stdout(HELP);
    return ExitStatus.OK;
  }
  const format = choiceOption(parsed, 'format', ['text', 'json'], 'text');
  const suppressions = suppressOption(parsed.values.suppress, io);
  const showSuppressed = parsed.values['show-suppressed'] === true;
  if (parsed.positionals.length === 0) throw new UsageError('no input: name at least one file or directory');

  const { documents, problems } = readInput(parsed.positionals);
  if (problems.length > 0) {
    io.stderr(problems.map(problem => `${problem.message}\n`).join(''));
    return ExitStatus.CANNOT_RUN;
  }
  const { findings, suppressed, objects, skipped } = validateDocuments(documents, {
    bestPractices: parsed.values['best-practices'] === true,
    suppressors: suppressions.length > 0 ? [resourceSuppressor(suppressions)] : [],
  });
  const listed = showSuppressed ? [...findings, ...suppressed] : findings;
  io.stdout(format === 'json'
    ? jsonReport(listed, showSuppressed)
    : textReport(listed, { objects, skipped, suppressed: suppressed.length }));
  return hasErrors(findings) ? ExitStatus.ERRORS : ExitStatus.OK;
}

/**
 * The `--suppress` values, checked as istioctl checks them: exactly one `=` (else a usage error);
 * a code the engine never reports is a warning on stderr, not an error.
 */
function suppressOption(values: unknown, io: CliIo): ResourceSuppression[] {
  const suppressions: ResourceSuppression[] = [];
  for (const value of Array.isArray(values) ? values.map(String) : []) {
    const suppression = parseResourceSuppression(value);
    if (!suppression) {
      throw new UsageError(`--suppress '${value}' is not a valid suppression value: use <code>=<resource>, e.g. "IST0173=DestinationRule reviews.shop"`);
    }
    if (!knownCodes().has(suppression.code)) {
      io.stderr(`Warning: Supplied message code '${suppression.code}' is an unknown message code and will not have any effect.\n`);
    }
    suppressions.push(suppression);
  }
  return suppressions;
}

/** Every document of every file; problems (unreadable, binary, syntax) of all files at once. */
function readInput(paths: readonly string[]): { documents: SourceDocument[]; problems: CliError[] } {
  const { files, problems } = listInputFiles(paths);
  const documents: SourceDocument[] = [];
  for (const file of files) {
    try {
      // A loop, not push(...all): a spread of 100,000 arguments overflows the stack.
      for (const document of readDocuments(file, readTextFile(file))) documents.push(document);
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      problems.push(error);
    }
  }
  return { documents, problems };
}

/** What the engine runs besides its default checks, and which findings it sets apart. */
interface RunOptions {
  readonly bestPractices: boolean;
  readonly suppressors: readonly Suppressor[];
}

/**
 * Runs the engine over all mappings at once and turns its diagnostics and the CLI's own into
 * findings; suppressed ones (the annotation, `--suppress`) apart, with what suppressed them.
 */
function validateDocuments(documents: readonly SourceDocument[], options: RunOptions): {
  findings: ReportEntry[]; suppressed: ReportEntry[]; objects: number; skipped: number;
} {
  // Reports list files in the order they were read.
  const fileIndexes = new Map<SourceText, number>();
  for (const document of documents) if (!fileIndexes.has(document.source)) fileIndexes.set(document.source, fileIndexes.size);
  const locator = new Locator();
  const finding = (diagnostic: ReportedDiagnostic, document: SourceDocument, fieldPath = FieldPath.ROOT): ReportEntry => ({
    diagnostic,
    file: document.source.path,
    fileIndex: fileIndexes.get(document.source) ?? 0,
    line: locator.lineOf(document, fieldPath),
  });

  const findings: ReportEntry[] = [];
  const objects: unknown[] = [];
  const origins: SourceDocument[] = [];
  let istio = 0;
  let skipped = 0;
  for (const document of documents) {
    const value = document.value;
    if (!isMapping(value)) {
      findings.push(finding(notAnObject(Severity.ERROR, `got ${describeValueType(value)}`), document));
      continue;
    }
    objects.push(value);
    origins.push(document);
    if (isIstioObject(value)) {
      istio++;
      continue;
    }
    skipped++;
    // Without apiVersion or kind nothing validates it: a typo such as `apiversion:` must not pass unnoticed.
    const missing = ['apiVersion', 'kind'].filter(field => typeof value[field] !== 'string' || value[field] === '');
    if (missing.length > 0) findings.push(finding(notAnObject(Severity.WARNING, `no ${missing.join(' or ')}; not validated`), document));
  }

  // In object order, so that the locator parses each document once.
  const diagnostics = validateObjects(objects, { bestPractices: options.bestPractices })
    .sort((a, b) => a.objectIndex - b.objectIndex);
  const placed = new Map(diagnostics.map(diagnostic => [diagnostic, finding(diagnostic, origins[diagnostic.objectIndex], diagnostic.fieldPath)]));
  const { kept, suppressed } = applySuppressions(diagnostics, objects, options.suppressors);
  for (const diagnostic of kept) findings.push(placed.get(diagnostic)!);
  const suppressedFindings = suppressed.map(({ diagnostic, by }) => ({ ...placed.get(diagnostic)!, suppressedBy: by }));
  return { findings, suppressed: suppressedFindings, objects: istio, skipped };
}

function notAnObject(severity: Severity, detail: string): ReportedDiagnostic {
  return { severity, code: NOT_AN_OBJECT, kind: '', path: '', message: `document is not a Kubernetes object (${detail})` };
}
