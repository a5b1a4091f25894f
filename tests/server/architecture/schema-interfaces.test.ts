import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * server/db/schema.ts keeps one interface per table (and one `Database`): a table's columns are
 * read in one place. TypeScript would silently merge a second `interface XTable` declared
 * further down — the way migrations used to append columns — so this test refuses it.
 */
test('server/db/schema.ts declares every interface once', () => {
  const file = path.resolve(__dirname, '../../../server/db/schema.ts');
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022);
  const names = source.statements.filter(ts.isInterfaceDeclaration).map((declaration) => declaration.name.text);
  const repeated = [...new Set(names.filter((name, i) => names.indexOf(name) !== i))];
  expect(repeated).toEqual([]);
  expect(names).toContain('Database');
});
