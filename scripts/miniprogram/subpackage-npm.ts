/**
 * Which built npm files (TDesign) each package uses, derived from the packages' own
 * usingComponents — so a new component, page or subpackage needs no list kept by hand.
 *
 * One copy of TDesign: the main package's miniprogram_npm. A subpackage's pages resolve a
 * bare "tdesign-miniprogram/…" path file by file through the nearest miniprogram_npm
 * upwards (what WeChat's compiler does), so a component the main package already ships is
 * simply used from there. Only what the main package does NOT use is copied into the
 * subpackage's own miniprogram_npm — otherwise the main package would carry files only a
 * subpackage needs (code-quality rules CONTAINS_OTHER_PKG_JS / _COMPONENTS). Inside such
 * a copy, references to files the main package has (common/, icon, tslib…) are rewritten
 * to relative paths into the main package, so those are not duplicated either.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { closureOf, referencesIn, resolveReference, type Reference } from './npm-references';

export interface AppLayout {
  /** The mini-program root (miniprogram/). */
  root: string;
  /** Main-package page paths ("pages/home/index"). */
  pages: string[];
  /** Subpackage roots ("packages/apply") with their page paths. */
  subpackages: Array<{ root: string; pages: string[] }>;
}

export function readAppLayout(root: string): AppLayout {
  const app = JSON.parse(fs.readFileSync(path.join(root, 'app.json'), 'utf8')) as {
    pages: string[];
    subPackages?: Array<{ root: string; pages: string[] }>;
    subpackages?: Array<{ root: string; pages: string[] }>;
  };
  return {
    root,
    pages: app.pages,
    subpackages: (app.subPackages ?? app.subpackages ?? []).map((p) => ({ root: p.root.replace(/\/$/, ''), pages: p.pages })),
  };
}

const npmDir = (root: string) => path.join(root, 'miniprogram_npm');
const isInside = (file: string, dir: string) => file === dir || file.startsWith(dir + path.sep);

/**
 * The npm component files a set of pages uses directly: walk the pages' and their own
 * components' usingComponents; bare paths are npm components (resolved in the main
 * miniprogram_npm), relative or "/" paths are our components, walked in turn unless
 * `stayInside` excludes them (a subpackage does not answer for main-package components).
 */
function npmEntriesOf(root: string, pagePaths: string[], stayInside?: string): string[] {
  const entries = new Set<string>();
  const seen = new Set<string>();
  const queue = pagePaths.map((page) => path.join(root, page));
  while (queue.length) {
    const base = queue.pop()!;
    if (seen.has(base)) continue;
    seen.add(base);
    const json = `${base}.json`;
    if (!fs.existsSync(json)) continue;
    for (const reference of referencesIn(json, fs.readFileSync(json, 'utf8'))) {
      const { specifier } = reference;
      if (specifier.startsWith('.') || specifier.startsWith('/')) {
        const target = specifier.startsWith('/') ? path.join(root, specifier) : path.resolve(path.dirname(base), specifier);
        if (!stayInside || isInside(target, stayInside)) queue.push(target);
      } else {
        const files = resolveReference(path.join(npmDir(root), 'entry.js'), { ...reference, specifier: `./${specifier}` }, npmDir(root));
        if (!files.length) throw new Error(`${path.relative(root, json)}: no npm component "${specifier}" (run the npm build)`);
        files.forEach((file) => entries.add(file));
      }
    }
  }
  return [...entries];
}

/** Every main-package npm file the main package's own pages reach. */
export function mainPackageNpmFiles(layout: AppLayout): Set<string> {
  return closureOf(npmEntriesOf(layout.root, layout.pages), npmDir(layout.root));
}

/** A specifier that reaches `target` from `fromFile`, in the form the original used (extension or not). */
function specifierTo(fromFile: string, target: string, original: Reference): string {
  let relative = path.relative(path.dirname(fromFile), target).split(path.sep).join('/');
  if (!relative.startsWith('.')) relative = `./${relative}`;
  const keepsExtension = path.extname(original.specifier) !== '' && original.kind !== 'component';
  return keepsExtension ? relative : relative.replace(/\.(js|json|wxml|wxss|wxs)$/, '');
}

function rewrite(content: string, file: string, replacements: Map<string, string>): string {
  if (!replacements.size) return content;
  if (file.endsWith('.json')) {
    const json = JSON.parse(content) as { usingComponents?: Record<string, string> };
    for (const [tag, specifier] of Object.entries(json.usingComponents ?? {})) {
      json.usingComponents![tag] = replacements.get(specifier) ?? specifier;
    }
    return JSON.stringify(json);
  }
  return content.replace(/(["'])([^"'\n]+)\1/g, (whole, quote: string, specifier: string) =>
    replacements.has(specifier) ? `${quote}${replacements.get(specifier)}${quote}` : whole,
  );
}

/**
 * The files (path → content) a subpackage must carry in its own miniprogram_npm: the npm
 * files its pages reach that the main package does not, with references to main-package
 * files rewritten to reach them there.
 */
export function subpackageNpmFiles(layout: AppLayout, subpackage: { root: string; pages: string[] }, mainFiles: Set<string>): Map<string, string> {
  const packageRoot = path.join(layout.root, subpackage.root);
  const mainNpm = npmDir(layout.root);
  const ownNpm = npmDir(packageRoot);
  const result = new Map<string, string>();
  const queue = npmEntriesOf(layout.root, subpackage.pages.map((page) => `${subpackage.root}/${page}`), packageRoot).filter(
    (file) => !mainFiles.has(file),
  );
  const seen = new Set<string>();
  while (queue.length) {
    const source = queue.pop()!;
    if (seen.has(source)) continue;
    seen.add(source);
    const target = path.join(ownNpm, path.relative(mainNpm, source));
    const content = fs.readFileSync(source, 'utf8');
    const replacements = new Map<string, string>();
    for (const reference of referencesIn(source, content)) {
      const resolved = resolveReference(source, reference, mainNpm);
      if (!resolved.length) continue;
      if (resolved.every((file) => mainFiles.has(file))) {
        const base = reference.kind === 'component' ? resolved[0].replace(/\.(js|json|wxml|wxss)$/, '') : resolved[0];
        replacements.set(reference.specifier, specifierTo(target, base, reference));
      } else {
        queue.push(...resolved.filter((file) => !mainFiles.has(file)));
      }
    }
    result.set(target, rewrite(content, source, replacements));
  }
  return result;
}

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .map((file) => path.join(dir, file))
    .filter((file) => fs.statSync(file).isFile());
}

/** Writes each subpackage's npm files (only what changed) and removes stale ones; returns bytes per subpackage. */
export function syncSubpackageNpm(layout: AppLayout): Record<string, number> {
  const mainFiles = mainPackageNpmFiles(layout);
  const bytes: Record<string, number> = {};
  for (const subpackage of layout.subpackages) {
    const ownNpm = npmDir(path.join(layout.root, subpackage.root));
    const wanted = subpackageNpmFiles(layout, subpackage, mainFiles);
    for (const stale of listFiles(ownNpm)) if (!wanted.has(stale)) fs.rmSync(stale);
    for (const [file, content] of wanted) {
      if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === content) continue;
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, content);
    }
    if (!wanted.size) fs.rmSync(ownNpm, { recursive: true, force: true });
    bytes[subpackage.root] = [...wanted.values()].reduce((sum, content) => sum + Buffer.byteLength(content), 0);
  }
  return bytes;
}
