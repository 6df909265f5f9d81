/**
 * `cdk8s-istio validate [--format text|json] <file|dir>...` (contract 3 in CONTRIBUTING.md): reads every
 * document of every file, validates them all in one engine call (cross-resource checks see the
 * whole set), places each diagnostic at its file and line, and prints the report.
 */
import { CliError, CliIo, Command, ExitStatus, UsageError } from './command';
import { readTextFile, listInputFiles } from './input-files';
import { Locator } from './locator';
import { choiceOption, parseOptions } from './options';
import { Finding, hasErrors, jsonReport, textReport } from './report';
import { SourceText } from './source-text';
import { describeValueType, isMapping, readDocuments, SourceDocument } from './yaml-documents';
import { Diagnostic, Severity } from '../validation/diagnostic';
import { isIstioObject, validateObjects } from '../validation/validate';

/** Code of the CLI's own input findings: a document that is not a Kubernetes object. */
export const NOT_AN_OBJECT = 'CI0001';

const USAGE = 'Usage: cdk8s-istio validate [--format text|json] <file|dir>...';

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
  -h, --help          show this help

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
  const parsed = parseOptions(args, { format: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
  if (parsed.values.help) {
    io.stdout(HELP);
    return ExitStatus.OK;
  }
  const format = choiceOption(parsed, 'format', ['text', 'json'], 'text');
  if (parsed.positionals.length === 0) throw new UsageError('no input: name at least one file or directory');

  const { documents, problems } = readInput(parsed.positionals);
  if (problems.length > 0) {
    io.stderr(problems.map(problem => `${problem.message}\n`).join(''));
    return ExitStatus.CANNOT_RUN;
  }
  const { findings, objects, skipped } = validateDocuments(documents);
  io.stdout(format === 'json' ? jsonReport(findings) : textReport(findings, { objects, skipped }));
  return hasErrors(findings) ? ExitStatus.ERRORS : ExitStatus.OK;
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

/** Runs the engine over all mappings at once and turns its diagnostics and the CLI's own into findings. */
function validateDocuments(documents: readonly SourceDocument[]): { findings: Finding[]; objects: number; skipped: number } {
  // Reports list files in the order they were read.
  const fileIndexes = new Map<SourceText, number>();
  for (const document of documents) if (!fileIndexes.has(document.source)) fileIndexes.set(document.source, fileIndexes.size);
  const locator = new Locator();
  const finding = (diagnostic: Diagnostic, document: SourceDocument): Finding => ({
    diagnostic,
    file: document.source.path,
    fileIndex: fileIndexes.get(document.source) ?? 0,
    line: locator.lineOf(document, diagnostic.path),
  });

  const findings: Finding[] = [];
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
  const diagnostics = validateObjects(objects).sort((a, b) => (a.objectIndex ?? -1) - (b.objectIndex ?? -1));
  for (const diagnostic of diagnostics) {
    const origin = diagnostic.objectIndex === undefined ? undefined : origins[diagnostic.objectIndex];
    findings.push(origin
      ? finding(diagnostic, origin)
      : { diagnostic, file: diagnostic.file ?? null, fileIndex: Number.MAX_SAFE_INTEGER, line: diagnostic.line ?? null });
  }
  return { findings, objects: istio, skipped };
}

function notAnObject(severity: Severity, detail: string): Diagnostic {
  return { severity, code: NOT_AN_OBJECT, kind: '', path: '', message: `document is not a Kubernetes object (${detail})` };
}
