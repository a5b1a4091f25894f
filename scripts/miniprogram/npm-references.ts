/**
 * The files a built mini-program npm file refers to, found the way WeChat's compiler
 * follows them: JS imports/requires, a component JSON's usingComponents, WXML
 * import/include/wxs src, WXSS @import, WXS require. Each reference is reported with the
 * exact specifier text, so a copy can rewrite it (see subpackage-npm.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface Reference {
  /** The specifier as written in the file ("../icon/icon", "tslib"). */
  specifier: string;
  kind: 'script' | 'component' | 'template' | 'style' | 'wxs';
}

/** Specifier patterns per file type; group 1 is the specifier. */
const PATTERNS: Record<string, Array<{ pattern: RegExp; kind: Reference['kind'] }>> = {
  '.js': [
    { pattern: /\bfrom\s*["']([^"']+)["']/g, kind: 'script' },
    { pattern: /\bimport\s*["']([^"']+)["']/g, kind: 'script' },
    { pattern: /\brequire\(\s*["']([^"']+)["']\s*\)/g, kind: 'script' },
  ],
  '.wxml': [{ pattern: /<(?:import|include|wxs)\b[^>]*?\bsrc\s*=\s*["']([^"']+)["']/g, kind: 'template' }],
  '.wxss': [{ pattern: /@import\s+["']([^"']+)["']/g, kind: 'style' }],
  '.wxs': [{ pattern: /\brequire\(\s*["']([^"']+)["']\s*\)/g, kind: 'wxs' }],
};

export function referencesIn(file: string, content: string): Reference[] {
  const ext = path.extname(file);
  if (ext === '.json') {
    const using = (JSON.parse(content) as { usingComponents?: Record<string, string> }).usingComponents ?? {};
    return Object.values(using).map((specifier) => ({ specifier, kind: 'component' as const }));
  }
  const found: Reference[] = [];
  for (const { pattern, kind } of PATTERNS[ext] ?? []) {
    for (const match of content.matchAll(pattern)) {
      // A <wxs> inside a .wxml, or an <import>/<include>, both point at files by src.
      const specifier = match[1];
      found.push({ specifier, kind: kind === 'template' && specifier.endsWith('.wxs') ? 'wxs' : kind });
    }
  }
  return found;
}

/** The files a component path names: its .js/.json/.wxml/.wxss (and .wxs beside them is referenced by the wxml). */
export function componentFiles(absoluteBase: string): string[] {
  return ['.js', '.json', '.wxml', '.wxss'].map((ext) => absoluteBase + ext).filter((file) => fs.existsSync(file));
}

function firstExisting(candidates: string[]): string | undefined {
  return candidates.find((file) => fs.existsSync(file) && fs.statSync(file).isFile());
}

/**
 * Where a reference from `fromFile` lands (absolute paths), or [] when nothing is there.
 * Bare specifiers ("tslib") are looked up in the nearest miniprogram_npm upwards, as WeChat does.
 */
export function resolveReference(fromFile: string, reference: Reference, stopAt: string): string[] {
  const { specifier, kind } = reference;
  const bases: string[] = [];
  if (specifier.startsWith('.')) bases.push(path.resolve(path.dirname(fromFile), specifier));
  else if (specifier.startsWith('/')) bases.push(path.join(stopAt, specifier));
  else {
    for (let dir = path.dirname(fromFile); dir.startsWith(stopAt); dir = path.dirname(dir)) {
      bases.push(path.join(dir, 'miniprogram_npm', specifier));
      if (dir === stopAt) break;
    }
  }
  for (const base of bases) {
    if (kind === 'component') {
      const files = componentFiles(base);
      if (files.length) return files;
      const index = componentFiles(path.join(base, 'index'));
      if (index.length) return index;
      continue;
    }
    const extension = { script: '.js', template: '.wxml', style: '.wxss', wxs: '.wxs' }[kind];
    const file = firstExisting([base, base + extension, path.join(base, `index${extension}`)]);
    if (file) return [file];
  }
  return [];
}

/** Every file reachable from `entries` (absolute paths), following references. */
export function closureOf(entries: string[], stopAt: string): Set<string> {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const reference of referencesIn(file, fs.readFileSync(file, 'utf8'))) {
      queue.push(...resolveReference(file, reference, stopAt));
    }
  }
  return seen;
}
