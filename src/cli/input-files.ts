/**
 * Which files the arguments name (directories recursively) and reading them as text.
 */
import { Dirent, readdirSync, readFileSync, realpathSync, statSync } from 'fs';
import { extname, join } from 'path';
import { CliError, errorMessage } from './command';

/** Extensions read from directories; a file named explicitly is read whatever its name. */
const MANIFEST_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

/** The files to read, in a stable order, and the problems met on the way (each a full message). */
export interface InputFiles {
  readonly files: string[];
  readonly problems: CliError[];
}

/**
 * Expands files and directories into the list of files to read: arguments in the order given,
 * directory entries sorted by name (code-point order, not locale) and walked depth first. A file
 * reached twice (named twice, or also inside a named directory) is read once, so that its objects
 * do not look duplicated to cross-resource checks.
 */
export function listInputFiles(paths: readonly string[]): InputFiles {
  const files: string[] = [];
  const problems: CliError[] = [];
  const seen = new Set<string>();
  const visit = (path: string, explicit: boolean): void => {
    try {
      const stats = statSync(path);
      const real = realpathSync(path);
      if (seen.has(real)) return;
      seen.add(real);
      if (stats.isDirectory()) {
        for (const entry of sortedEntries(path)) {
          const entryPath = join(path, entry.name);
          if (entry.isDirectory() || isManifestName(entry.name) || (entry.isSymbolicLink() && isDirectory(entryPath))) {
            visit(entryPath, false);
          }
        }
      } else if (explicit || isManifestName(path)) {
        files.push(path);
      }
    } catch (error) {
      problems.push(new CliError(`${path}: cannot read: ${systemReason(error)}`));
    }
  };
  for (const path of paths) visit(path, true);
  return { files, problems };
}

/**
 * The text of a file, decoded as UTF-8. Throws a `CliError` naming the file when it cannot be
 * read or is binary (holds NUL bytes, which YAML and JSON text never does).
 */
export function readTextFile(path: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new CliError(`${path}: cannot read: ${systemReason(error)}`);
  }
  if (bytes.indexOf(0) !== -1) throw new CliError(`${path}: not a text file (it contains NUL bytes); expected YAML or JSON`);
  return bytes.toString('utf8');
}

function isManifestName(path: string): boolean {
  return MANIFEST_EXTENSIONS.has(extname(path).toLowerCase());
}

/** For a symbolic link in a directory: a dangling link is ignored unless its name says manifest. */
function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function sortedEntries(directory: string): Dirent[] {
  return readdirSync(directory, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** `no such file or directory` from Node's `ENOENT: no such file or directory, open 'x.yaml'` (the path is said already). */
function systemReason(error: unknown): string {
  const message = errorMessage(error);
  const match = /^[A-Z]+: (.*?), \w+(?: '.*')?$/.exec(message);
  return match ? match[1] : message;
}
