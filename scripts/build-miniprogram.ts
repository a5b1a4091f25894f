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
 * Each subpackage also gets its own miniprogram_npm/tdesign-miniprogram. WeChat resolves a
 * component path through the nearest miniprogram_npm upwards, so the TDesign components a
 * subpackage uses (input, picker, search, …) are packed into that subpackage instead of the
 * main package, whose size every launch pays for. Unused files are dropped at upload
 * (setting.ignoreUploadUnusedFiles), so each copy costs only what its pages use.
 *
 * Skips the work when nothing changed (stamp file); `--force` rebuilds.
 *
 * The application engine and service definitions (miniprogram/domain/services/, shared
 * with the server) are copied into the subpackage that renders them (packages/apply), so
 * their ~40 KB count against that subpackage, not the main package every launch downloads.
 * The copy is refreshed on every build, test run and `npm run size` (see syncSubpackageDomain).
 *
 * No dayjs plugins are vendored: the mini-program formats mission time zones itself
 * (miniprogram/utils/zoned-time.ts), so only dayjs' main entry is needed.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const MINIPROGRAM = path.join(ROOT, 'miniprogram');
const DIST = path.join(MINIPROGRAM, 'miniprogram_npm');
// Not under node_modules/: packNpmManually rewrites every "/node_modules/" in the absolute
// path to find its output folder. dist/ is git-ignored.
const STAGE = path.join(ROOT, 'dist', 'miniprogram-npm');
const STAMP = path.join(DIST, '.build-stamp');
/** Packages copied into every subpackage (see above). */
const SUBPACKAGE_LOCAL = ['tdesign-miniprogram'];

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
  const appJson = readJson<{ subPackages?: Array<{ root: string }>; subpackages?: Array<{ root: string }> }>(
    path.join(MINIPROGRAM, 'app.json'),
  );
  return (appJson.subPackages ?? appJson.subpackages ?? []).map((p) => path.join(MINIPROGRAM, p.root));
}

function copyIntoSubpackages(): void {
  for (const root of subpackageRoots()) {
    const target = path.join(root, 'miniprogram_npm');
    fs.rmSync(target, { recursive: true, force: true });
    for (const name of SUBPACKAGE_LOCAL) fs.cpSync(path.join(DIST, name), path.join(target, name), { recursive: true });
  }
}

/**
 * Shared domain code a subpackage carries itself: source folder → copy inside the
 * subpackage at the same relative place (packages/apply/domain/services ↔ domain/services),
 * so the copied files' own relative imports still resolve; their imports of main-package
 * domain files (../identity, ../contact…) land on small re-export files committed beside
 * the copy. Files are copied verbatim behind a "generated" header.
 */
const SUBPACKAGE_DOMAIN_COPIES: Array<{ from: string; to: string; files?: string[] }> = [
  { from: path.join(MINIPROGRAM, 'domain', 'services'), to: path.join(MINIPROGRAM, 'packages', 'apply', 'domain', 'services') },
  // Single files (`files`): the folder also holds committed re-export files, so only
  // stale generated copies are removed. Legalization check and consular information:
  { from: path.join(MINIPROGRAM, 'domain'), to: path.join(MINIPROGRAM, 'packages', 'legalization', 'domain'), files: ['legalization.ts'] },
  {
    from: path.join(MINIPROGRAM, 'domain'),
    to: path.join(MINIPROGRAM, 'packages', 'info', 'domain'),
    files: ['phrasebook.ts', 'destination-guides.ts'],
  },
  // Order detail (packages/orders): formatFen and the payment shapes (definition-types for their types).
  {
    from: path.join(MINIPROGRAM, 'domain', 'services'),
    to: path.join(MINIPROGRAM, 'packages', 'orders', 'domain', 'services'),
    files: ['payment-api-types.ts', 'definition-types.ts'],
  },
  // 支付 (packages/pay): formatFen and the payment shapes.
  {
    from: path.join(MINIPROGRAM, 'domain', 'services'),
    to: path.join(MINIPROGRAM, 'packages', 'pay', 'domain', 'services'),
    files: ['payment-api-types.ts', 'definition-types.ts'],
  },
  // 视频面审 (packages/interview): the interview contract and its messages (its
  // './services/application-status' import is types only: a committed re-export beside it).
  { from: path.join(MINIPROGRAM, 'domain'), to: path.join(MINIPROGRAM, 'packages', 'interview', 'domain'), files: ['interview.ts'] },
  // 海外公民登记 (packages/registration): the form's validator and its messages.
  { from: path.join(MINIPROGRAM, 'domain'), to: path.join(MINIPROGRAM, 'packages', 'registration', 'domain'), files: ['registration.ts', 'registration-messages.ts'] },
  // …and its QR encoder (qrcode-generator, MIT), which must not land in the main package.
  { from: path.join(ROOT, 'node_modules', 'qrcode-generator', 'dist'), to: path.join(MINIPROGRAM, 'packages', 'registration', 'vendor'), files: ['qrcode.js'] },
];

export const GENERATED_HEADER = '// GENERATED by scripts/build-miniprogram.ts from miniprogram/domain/services — edit the original.\n';

export function syncSubpackageDomain(): void {
  for (const { from, to, files } of SUBPACKAGE_DOMAIN_COPIES) {
    const sources = files ?? fs.readdirSync(from).filter((file) => file.endsWith('.ts'));
    fs.mkdirSync(to, { recursive: true });
    for (const stale of fs.readdirSync(to)) {
      if (sources.includes(stale)) continue;
      const generated = !files || (stale.endsWith('.ts') && fs.readFileSync(path.join(to, stale), 'utf8').startsWith('// GENERATED by scripts/build-miniprogram.ts'));
      if (generated) fs.rmSync(path.join(to, stale), { force: true });
    }
    for (const file of sources) {
      const header = files
        ? `// GENERATED by scripts/build-miniprogram.ts from ${path.relative(ROOT, path.join(from, file))} — edit the original.\n`
        : GENERATED_HEADER;
      const content = header + fs.readFileSync(path.join(from, file), 'utf8');
      const target = path.join(to, file);
      if (!fs.existsSync(target) || fs.readFileSync(target, 'utf8') !== content) fs.writeFileSync(target, content);
    }
  }
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
    const copiesPresent = subpackageRoots().every((root) =>
      SUBPACKAGE_LOCAL.every((name) => fs.existsSync(path.join(root, 'miniprogram_npm', name))),
    );
    return copiesPresent && fs.readFileSync(STAMP, 'utf8') === stampFor(runtimePackages());
  } catch {
    return false;
  }
}

export async function buildMiniprogramNpm(options: { force?: boolean; quiet?: boolean } = {}): Promise<void> {
  const log = options.quiet ? () => undefined : (message: string) => console.log(message);
  syncSubpackageDomain();
  const packages = runtimePackages();
  const stamp = stampFor(packages);
  if (!options.force && miniprogramNpmIsFresh()) {
    log('miniprogram_npm is up to date');
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
  copyIntoSubpackages();
  fs.writeFileSync(STAMP, stamp);
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
