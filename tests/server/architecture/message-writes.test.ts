import fs from 'node:fs';
import path from 'node:path';

/**
 * A 消息中心 message is rendered in the reader's language from its catalogue key
 * (docs/languages.md): every write goes through server/workflow/citizen-messages.ts —
 * `writeMessage` / `writeOrderNote`, or `messageColumnsSql` in a set-based INSERT, whose
 * column list then names text_key — so no message can be written as 简体 text alone.
 */
const serverRoot = path.resolve(__dirname, '../../../server');
const HELPER = path.join('workflow', 'citizen-messages.ts');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

test('messages are written only through the catalogue helper, always with a key', () => {
  const offending: string[] = [];
  for (const file of sourceFiles(serverRoot)) {
    const relative = path.relative(serverRoot, file);
    const source = fs.readFileSync(file, 'utf8');
    if (relative !== HELPER && /insertInto\(\s*['"]messages['"]\s*\)/.test(source)) offending.push(`${relative}: insertInto('messages')`);
    for (const match of source.matchAll(/insert\s+into\s+messages\s*\(([^)]*)\)/gi)) {
      if (!/\btext_key\b/.test(match[1]!) || !/\btext_params\b/.test(match[1]!)) offending.push(`${relative}: insert into messages (${match[1]}) without text_key/text_params`);
    }
  }
  expect(offending).toEqual([]);
});
