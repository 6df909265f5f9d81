/**
 * What the example tests check last: the app as `cdk8s synth` writes it, read back and given to
 * `cdk8s-istio validate`, as a user's pipeline would.
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { App, Testing } from 'cdk8s';
import { loadAll } from 'js-yaml';
import { TempDir } from './temp-dir';
import { main } from '../../src/cli/main';

/** The CLI's verdict on the files an app writes. */
export interface CliVerdict {
  /** How many documents the written files hold. */
  readonly objects: number;
  /** The CLI's exit status. */
  readonly status: number;
  /** Everything the CLI printed. */
  readonly out: string;
}

/** Builds an app with `build`, synthesizes it into a temporary directory and validates that with the CLI. */
export function synthAndValidate(build: (app: App) => void): CliVerdict {
  return synthValidateAndRead(build).verdict;
}

/** `synthAndValidate`, and the documents the written files hold (file by file, in directory order). */
export function synthValidateAndRead(build: (app: App) => void): { verdict: CliVerdict; documents: unknown[] } {
  const outdir = new TempDir();
  try {
    const app = Testing.app({ outdir: outdir.path });
    build(app);
    app.synth();
    const documents = readdirSync(outdir.path)
      .flatMap(file => loadAll(readFileSync(join(outdir.path, file), 'utf-8')))
      .filter(doc => doc !== null && doc !== undefined);
    const out: string[] = [];
    const status = main(['validate', outdir.path], { stdout: text => out.push(text), stderr: text => out.push(text) });
    return { verdict: { objects: documents.length, status, out: out.join('') }, documents };
  } finally {
    outdir.remove();
  }
}
