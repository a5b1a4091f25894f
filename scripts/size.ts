/**
 * `npm run size`: compiles the mini-program offline with miniprogram-ci (as an upload would)
 * and runs WeChat's code-quality scan, then prints ONE JSON line:
 *   { mainPackageBytes, mainPackageBudget, subpackages: { root: bytes }, subpackagesBytes,
 *     subpackagesBudget, totalBytes, quality: { rule: pass }, unresolvedRequires: [], ok }
 * Exit code 1 when a quality rule fails, the main package or all subpackages together exceed
 * their budget, or a compiled require() points at nothing. tests/miniprogram/package-size.test.ts
 * runs it, so CI enforces the budgets.
 *
 * Offline: the project's attributes come from ci.DefaultProjectAttr instead of WeChat's
 * servers, and the "private key" is a throwaway RSA key made here (only upload checks it).
 */
import { generateKeyPairSync } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildMiniprogramNpm } from './build-miniprogram';

const ROOT = path.resolve(__dirname, '..');
/**
 * What every launch downloads. 300 KiB was our own stricter budget; #14 (长辈版, tab-bar
 * icons, the main pages' sentences in 简体/繁體/English, the home search) allows up to
 * 400 KiB: 340 KiB (320 before the home search brought TDesign's search box into the main
 * package — one copy instead of three in subpackages — and its words in three languages).
 */
const MAIN_PACKAGE_BUDGET = 340 * 1024;
/** Every subpackage together (what a citizen using every service eventually downloads); 900 KiB with three languages, apostille and appointments. */
const SUBPACKAGES_BUDGET = 900 * 1024;

/**
 * Every require() in the compiled package must land on a compiled file, resolved the way
 * WeChat does (relative, or the nearest miniprogram_npm upwards). Catches what jest's
 * node_modules resolution hides, e.g. a dayjs plugin that "构建npm" never packed.
 */
function unresolvedRequires(files: Record<string, string | Buffer>): string[] {
  const has = (p: string) => [p, `${p}.js`, `${p}/index.js`].some((candidate) => candidate in files);
  const problems: string[] = [];
  for (const [file, content] of Object.entries(files)) {
    if (!file.endsWith('.js')) continue;
    for (const match of String(content).matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)) {
      const target = match[1];
      let found: boolean;
      if (target.startsWith('.')) {
        found = has(path.posix.join(path.posix.dirname(file), target));
      } else {
        const dirs = path.posix.dirname(file).split('/').filter((d) => d && d !== '.');
        found = false;
        for (let depth = dirs.length; depth >= 0 && !found; depth--) {
          found = has(path.posix.join(...dirs.slice(0, depth), 'miniprogram_npm', target));
        }
      }
      if (!found) problems.push(`${file} → ${target}`);
    }
  }
  return problems;
}

interface AppJson {
  subPackages?: Array<{ root: string }>;
  subpackages?: Array<{ root: string }>;
}

async function main(): Promise<void> {
  await buildMiniprogramNpm({ quiet: true });
  // This script's output is one JSON line: miniprogram-ci's progress chatter goes to stderr.
  const print = console.log;
  if (!process.env.SIZE_DEBUG) console.log = console.info = (...args: unknown[]) => console.error(...args);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ci = require('miniprogram-ci') as typeof import('miniprogram-ci');
  const projectConfig = JSON.parse(fs.readFileSync(path.join(ROOT, 'project.config.json'), 'utf8')) as { appid: string; miniprogramRoot: string };
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const project = new ci.Project({
    appid: projectConfig.appid,
    type: 'miniProgram',
    projectPath: ROOT,
    privateKey,
    ignores: ['node_modules/**/*', 'server/**/*', 'console/**/*', 'tests/**/*', 'scripts/**/*', 'dist/**/*', 'data/**/*'],
  });
  (project as unknown as { attr: () => Promise<unknown> }).attr = async () => ci.DefaultProjectAttr;

  const files = await ci.getCompiledResult({ project, version: '0.0.0', setting: { useProjectConfig: true } });
  const checks = (await ci.checkCodeQuality(project)) as Array<{ name: string; success: boolean }>;

  const appJson = JSON.parse(fs.readFileSync(path.join(ROOT, projectConfig.miniprogramRoot, 'app.json'), 'utf8')) as AppJson;
  const roots = (appJson.subPackages ?? appJson.subpackages ?? []).map((p) => p.root.replace(/\/?$/, '/'));
  const subpackages: Record<string, number> = Object.fromEntries(roots.map((root) => [root.replace(/\/$/, ''), 0]));
  let mainPackageBytes = 0;
  for (const [file, content] of Object.entries(files)) {
    const bytes = typeof content === 'string' ? Buffer.byteLength(content) : content.length;
    const root = roots.find((r) => file.startsWith(r));
    if (root) subpackages[root.replace(/\/$/, '')] += bytes;
    else mainPackageBytes += bytes;
  }
  // SIZE_TOP=N also prints the N largest main-package files (stderr), to see where bytes go.
  if (process.env.SIZE_TOP) {
    const mainFiles = Object.entries(files)
      .filter(([file]) => !roots.some((r) => file.startsWith(r)))
      .map(([file, content]) => [file, typeof content === 'string' ? Buffer.byteLength(content) : content.length] as const)
      .sort((a, b) => b[1] - a[1]);
    for (const [file, bytes] of mainFiles.slice(0, Number(process.env.SIZE_TOP))) console.error(`${bytes}\t${file}`);
  }
  const quality = Object.fromEntries(checks.map((check) => [check.name, check.success]));
  const unresolved = unresolvedRequires(files);
  const subpackagesBytes = Object.values(subpackages).reduce((a, b) => a + b, 0);
  const ok =
    mainPackageBytes <= MAIN_PACKAGE_BUDGET &&
    subpackagesBytes <= SUBPACKAGES_BUDGET &&
    checks.every((check) => check.success) &&
    unresolved.length === 0;
  const totalBytes = mainPackageBytes + subpackagesBytes;
  print(
    JSON.stringify({
      mainPackageBytes,
      mainPackageBudget: MAIN_PACKAGE_BUDGET,
      subpackages,
      subpackagesBytes,
      subpackagesBudget: SUBPACKAGES_BUDGET,
      totalBytes,
      quality,
      unresolvedRequires: unresolved,
      ok,
    }),
  );
  // miniprogram-ci leaves a file watcher running; exit explicitly.
  process.exit(ok ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
