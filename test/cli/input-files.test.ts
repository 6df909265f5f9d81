import { symlinkSync } from 'fs';
import { join } from 'path';
import { listInputFiles, readTextFile } from '../../src/cli/input-files';
import { TempDir } from '../support/temp-dir';

describe('listInputFiles', () => {
  const temp = new TempDir();
  afterAll(() => temp.remove());
  const a = temp.write('tree/a.yaml', 'a: 1\n');
  const b = temp.write('tree/B.yml', 'b: 1\n');
  const c = temp.write('tree/sub/c.json', '{}');
  const d = temp.write('tree/sub/deeper/d.YAML', 'd: 1\n');
  temp.write('tree/sub/readme.md', '# not read\n');
  temp.write('tree/z.txt', 'not read\n');
  const explicit = temp.write('notes.txt', 'kind: A\n');
  const tree = join(temp.path, 'tree');

  test('directories recursively, manifest files only, sorted by code point, depth first', () => {
    expect(listInputFiles([tree])).toEqual({ files: [b, a, c, d], problems: [] });
  });

  test('a file named explicitly is read whatever its extension; arguments keep their order', () => {
    expect(listInputFiles([explicit, a]).files).toEqual([explicit, a]);
  });

  test('a file reached twice is listed once', () => {
    expect(listInputFiles([a, tree, c]).files).toEqual([a, b, c, d]);
  });

  test('a missing path is a problem that names it; the other paths are still listed', () => {
    const missing = join(temp.path, 'missing.yaml');
    const { files, problems } = listInputFiles([missing, a]);
    expect(files).toEqual([a]);
    expect(problems.map(problem => problem.message)).toEqual([`${missing}: cannot read: no such file or directory`]);
  });

  test('symbolic links: to directories followed once (no loop), dangling ones ignored unless named like manifests', () => {
    const links = new TempDir();
    try {
      const file = links.write('real/x.yaml', 'x: 1\n');
      symlinkSync(join(links.path, 'real'), join(links.path, 'real', 'loop'));
      symlinkSync(join(links.path, 'nowhere'), join(links.path, 'real', 'dangling'));
      expect(listInputFiles([links.path])).toEqual({ files: [file], problems: [] });
      symlinkSync(join(links.path, 'nowhere.yaml'), join(links.path, 'real', 'dangling.yaml'));
      expect(listInputFiles([links.path]).problems.map(problem => problem.message))
        .toEqual([`${join(links.path, 'real', 'dangling.yaml')}: cannot read: no such file or directory`]);
    } finally {
      links.remove();
    }
  });
});

describe('readTextFile', () => {
  const temp = new TempDir();
  afterAll(() => temp.remove());

  test('reads UTF-8 text', () => {
    expect(readTextFile(temp.write('u.yaml', 'name: café\n'))).toBe('name: café\n');
  });

  test('a binary file (NUL bytes) is refused, naming the file', () => {
    const path = temp.write('image.yaml', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
    expect(() => readTextFile(path)).toThrow(`${path}: not a text file (it contains NUL bytes); expected YAML or JSON`);
  });

  test('an unreadable file is refused, naming the file and the reason', () => {
    expect(() => readTextFile(temp.path)).toThrow(`${temp.path}: cannot read: illegal operation on a directory`);
    expect(() => readTextFile(join(temp.path, 'gone.yaml'))).toThrow(`${join(temp.path, 'gone.yaml')}: cannot read: no such file or directory`);
  });
});
