/**
 * TDesign's icon stylesheet names all 2,352 icons (107 KB); the mini-program shows a few
 * dozen. This rewrites the built icon/icon.wxss to keep its base rules and only the
 * `.t-icon-<name>:before` rules of icons some file actually names: our WXML and TypeScript
 * (a `name="…"`, a `left-icon="…"`, an `icon: '…'` in a definition) and the TDesign files
 * the packages use (their internal close/check/arrow icons). Every quoted token that is an
 * icon name counts — a few extra rules are cheap, a missing one is a blank square.
 *
 * The glyphs come from TDesign's icon font, which the stylesheet loads from
 * https://tdesign.gtimg.com (see README: that host is the one font domain to allow).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const ICON_RULE = /^\.t-icon-([a-z0-9-]+):before\{[^}]*\}\n?/gm;

/** Every icon name the full stylesheet defines. */
export function iconNames(fullStylesheet: string): Set<string> {
  return new Set([...fullStylesheet.matchAll(ICON_RULE)].map((match) => match[1]));
}

/** Quoted tokens that could be icon names, in any of the given files. */
export function quotedTokens(files: Iterable<string>): Set<string> {
  const tokens = new Set<string>();
  for (const file of files) {
    for (const match of fs.readFileSync(file, 'utf8').matchAll(/["'`]([a-z0-9-]+)["'`]/g)) tokens.add(match[1]);
  }
  return tokens;
}

/** The stylesheet with only the named icons' rules (base rules and @font-face untouched). */
export function stylesheetFor(fullStylesheet: string, used: Set<string>): string {
  return fullStylesheet.replace(ICON_RULE, (rule, name: string) => (used.has(name) ? rule : ''));
}

/** Our own source files that may name icons (not built npm output or generated copies' npm). */
export function miniprogramSourceFiles(root: string): string[] {
  return (fs.readdirSync(root, { recursive: true }) as string[])
    .filter((file) => /\.(wxml|ts|json)$/.test(file) && !file.split(path.sep).includes('miniprogram_npm'))
    .map((file) => path.join(root, file));
}

/**
 * Writes the trimmed stylesheet over `target` (the built icon/icon.wxss) from the
 * package's full one; returns the icon names kept.
 */
export function writeIconStylesheet(fullStylesheetFile: string, target: string, scannedFiles: Iterable<string>): string[] {
  const full = fs.readFileSync(fullStylesheetFile, 'utf8');
  const names = iconNames(full);
  const used = new Set([...quotedTokens(scannedFiles)].filter((token) => names.has(token)));
  const content = stylesheetFor(full, used);
  if (!fs.existsSync(target) || fs.readFileSync(target, 'utf8') !== content) fs.writeFileSync(target, content);
  return [...used].sort();
}
