import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * The server shares the mini-program's domain code (miniprogram/domain: validators, status
 * tables, wall-clock time…), never its UI helpers: miniprogram/utils, components and pages
 * are written for the WeChat runtime and change with the screens. Nor a subpackage's file:
 * what both sides need lives in domain, and the build copies it into the subpackage.
 */
const serverRoot = path.resolve(__dirname, '../../../server');
const miniprogramRoot = path.resolve(__dirname, '../../../miniprogram');
const UI_FOLDERS = ['utils', 'components', 'pages', 'behaviors', 'stores', 'api', 'packages'];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

test('the server imports no mini-program UI helper or subpackage file', () => {
  const offending: string[] = [];
  for (const file of sourceFiles(serverRoot)) {
    for (const imported of ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true).importedFiles) {
      if (!imported.fileName.startsWith('.')) continue;
      const target = path.relative(miniprogramRoot, path.resolve(path.dirname(file), imported.fileName));
      if (!target.startsWith('..') && UI_FOLDERS.includes(target.split(path.sep)[0]!)) {
        offending.push(`${path.relative(serverRoot, file)} → miniprogram/${target}`);
      }
    }
  }
  expect(offending).toEqual([]);
});
