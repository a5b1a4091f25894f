/**
 * Builds miniprogram/miniprogram_npm offline with miniprogram-ci's packNpmManually — the
 * same "构建npm" WeChat DevTools runs — from the packages listed in miniprogram/package.json
 * only (the root package.json also lists the server's packages, which must not ship).
 *
 * packNpmManually packs the node_modules that sit beside the package.json it is given, so we
 * stage dist/miniprogram-npm/ with that package.json and copies of the
 * installed packages (and their dependencies) — copies, because its package walk does not
 * follow symlinks. project.config.json's packNpmRelationList
 * points at the same staging folder, so DevTools' own "构建npm" works after one build.
 *
 * Then, on every build, test run and `npm run size` (cheap, derived from the packages'
 * own files, nothing listed by hand):
 * - the icon stylesheet is trimmed to the icons some file names (miniprogram/icon-stylesheet.ts);
 * - each subpackage gets in its own miniprogram_npm only the TDesign files the main
 *   package does not use; everything else it uses from the main package's one copy
 *   (miniprogram/subpackage-npm.ts);
 * - shared domain code a subpackage imports at its own relative place is copied there, so
 *   it weighs on that subpackage, not the main package (miniprogram/subpackage-domain.ts).
 *
 * No dayjs plugins are vendored: the mini-program formats mission time zones itself
 * (miniprogram/domain/zoned-time.ts), so only dayjs' main entry is needed.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { miniprogramSourceFiles, writeIconStylesheet } from './miniprogram/icon-stylesheet';
import { syncSubpackageDomain } from './miniprogram/subpackage-domain';
import { mainPackageNpmFiles, readAppLayout, subpackageNpmFiles, syncSubpackageNpm } from './miniprogram/subpackage-npm';
import { writeTabBarIcons } from './miniprogram/tab-bar-icons';

const ROOT = path.resolve(__dirname, '..');
const MINIPROGRAM = path.join(ROOT, 'miniprogram');
const DIST = path.join(MINIPROGRAM, 'miniprogram_npm');
// Not under node_modules/: packNpmManually rewrites every "/node_modules/" in the absolute
// path to find its output folder. dist/ is git-ignored.
const STAGE = path.join(ROOT, 'dist', 'miniprogram-npm');
const STAMP = path.join(DIST, '.build-stamp');

interface PackageJson {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

function installedDir(name: string): string {
  return path.join(ROOT, 'node_modules', name);
}

/** The listed packages plus everything they need at run time, with installed versions. */
function runtimePackages(): Map<string, string> {
  const wanted = Object.keys(readJson<PackageJson>(path.join(MINIPROGRAM, 'package.json')).dependencies ?? {});
  const found = new Map<string, string>();
  while (wanted.length) {
    const name = wanted.pop()!;
    if (found.has(name)) continue;
    const pkg = readJson<PackageJson>(path.join(installedDir(name), 'package.json'));
    found.set(name, pkg.version);
    wanted.push(...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {}));
  }
  return found;
}

function stage(packages: Map<string, string>): string {
  fs.rmSync(STAGE, { recursive: true, force: true });
  fs.mkdirSync(path.join(STAGE, 'node_modules'), { recursive: true });
  const dependencies = Object.fromEntries([...packages].map(([name, version]) => [name, version]));
  const packageJson = path.join(STAGE, 'package.json');
  fs.writeFileSync(packageJson, JSON.stringify({ name: 'miniprogram-npm-stage', private: true, dependencies }, null, 2));
  for (const name of packages.keys()) {
    const source = installedDir(name);
    fs.cpSync(source, path.join(STAGE, 'node_modules', name), {
      recursive: true,
      dereference: true,
      filter: (file) => !path.relative(source, file).split(path.sep).includes('node_modules'),
    });
  }
  return packageJson;
}

function subpackageRoots(): string[] {
  return readAppLayout(MINIPROGRAM).subpackages.map((p) => path.join(MINIPROGRAM, p.root));
}

/** The package's own icon stylesheet, before trimming (packNpm copies miniprogram_dist verbatim). */
export const FULL_ICON_STYLESHEET = path.join(installedDir('tdesign-miniprogram'), 'miniprogram_dist', 'icon', 'icon.wxss');
export const ICON_STYLESHEET = path.join(DIST, 'tdesign-miniprogram', 'icon', 'icon.wxss');

/** What every build derives from the sources (see the header); returns a summary line. */
/**
 * Third-party code only one subpackage uses, copied into it from node_modules (git-ignored
 * there), so it never weighs on the main package: the registration certificate's QR encoder.
 */
const SUBPACKAGE_VENDOR: Array<{ from: string; to: string }> = [
  { from: path.join(installedDir('qrcode-generator'), 'dist', 'qrcode.js'), to: path.join(MINIPROGRAM, 'packages', 'registration', 'vendor', 'qrcode.js') },
  // The appointment's check-in code, shown at the counter.
  { from: path.join(installedDir('qrcode-generator'), 'dist', 'qrcode.js'), to: path.join(MINIPROGRAM, 'packages', 'appointment', 'vendor', 'qrcode.js') },
];

function syncSubpackageVendor(): void {
  for (const { from, to } of SUBPACKAGE_VENDOR) {
    const content = fs.readFileSync(from);
    if (fs.existsSync(to) && fs.readFileSync(to).equals(content)) continue;
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.writeFileSync(to, content);
  }
}

export function syncDerivedFiles(): string {
  syncSubpackageVendor();
  syncSubpackageDomain(MINIPROGRAM, subpackageRoots());
  if (!fs.existsSync(DIST)) return '';
  const layout = readAppLayout(MINIPROGRAM);
  // Icons: our sources plus every TDesign file some package uses (their own close/check icons).
  const npmInUse = new Set(mainPackageNpmFiles(layout));
  for (const subpackage of layout.subpackages) {
    for (const file of subpackageNpmFiles(layout, subpackage, npmInUse).keys()) npmInUse.add(file);
  }
  const copiedSources = [...npmInUse].filter((file) => fs.existsSync(file));
  const icons = writeIconStylesheet(FULL_ICON_STYLESHEET, ICON_STYLESHEET, [...miniprogramSourceFiles(MINIPROGRAM), ...copiedSources]);
  const copied = syncSubpackageNpm(layout);
  const perPackage = Object.entries(copied).map(([root, bytes]) => `${root.replace('packages/', '')} ${bytes} B`).join(', ');
  return `${icons.length} icons; TDesign files only subpackages use copied into them: ${perPackage}`;
}

function stampFor(packages: Map<string, string>): string {
  const hash = createHash('sha256');
  hash.update(fs.readFileSync(__filename));
  hash.update(JSON.stringify([...packages].sort()));
  hash.update(JSON.stringify(subpackageRoots()));
  return hash.digest('hex');
}

export function miniprogramNpmIsFresh(): boolean {
  try {
    return fs.readFileSync(STAMP, 'utf8') === stampFor(runtimePackages());
  } catch {
    return false;
  }
}

export async function buildMiniprogramNpm(options: { force?: boolean; quiet?: boolean } = {}): Promise<void> {
  const log = options.quiet ? () => undefined : (message: string) => console.log(message);
  const packages = runtimePackages();
  const stamp = stampFor(packages);
  const tabIconBytes = await writeTabBarIcons(MINIPROGRAM);
  log(`tab bar icons: ${tabIconBytes} B`);
  if (!options.force && miniprogramNpmIsFresh()) {
    const summary = syncDerivedFiles();
    log(`miniprogram_npm is up to date; ${summary}`);
    return;
  }
  const started = Date.now();
  const packageJsonPath = stage(packages);
  fs.rmSync(DIST, { recursive: true, force: true });
  // Loaded lazily: miniprogram-ci is heavy and not needed when the build is fresh.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ci = require('miniprogram-ci') as typeof import('miniprogram-ci');
  const result = await ci.packNpmManually({ packageJsonPath, miniprogramNpmDistDir: MINIPROGRAM });
  const missing = [...packages.keys()].filter((name) => !fs.existsSync(path.join(DIST, name)));
  if (missing.length) throw new Error(`packNpmManually did not build: ${missing.join(', ')}`);
  for (const warning of result.warnList) log(`warning: ${warning.msg} ${warning.jsPath ?? ''}`);
  const summary = syncDerivedFiles();
  fs.writeFileSync(STAMP, stamp);
  log(summary);
  log(
    `miniprogram_npm built in ${Date.now() - started} ms: ${[...packages].map(([n, v]) => `${n}@${v}`).join(', ')} ` +
      `(${result.miniProgramPackNum} mini-program packages, ${result.otherNpmPackNum} other)`,
  );
}

// Run directly (tsx scripts/build-miniprogram.ts), not when imported by jest or size.ts.
if (process.argv[1] && path.resolve(process.argv[1]) === __filename) {
  buildMiniprogramNpm({ force: process.argv.includes('--force') }).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
