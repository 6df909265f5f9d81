/** A temporary directory of files written by a test, removed after the test file's run. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join } from 'path';

export class TempDir {
  public readonly path = mkdtempSync(join(tmpdir(), 'cdk8s-istio-test-'));

  /** Writes `content` to `relativePath` (parent directories created) and returns the full path. */
  write(relativePath: string, content: string | Buffer): string {
    const path = join(this.path, relativePath);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
    return path;
  }

  remove(): void {
    rmSync(this.path, { recursive: true, force: true });
  }
}
