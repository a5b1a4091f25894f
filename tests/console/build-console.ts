/**
 * jest globalSetup: make sure console/dist is a build of the current sources, so the
 * browser tests never pass against a stale bundle. Skips the build when dist is newer
 * than every source file (a build takes a few seconds; most runs change no console file).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '../..');
const consoleRoot = path.join(repoRoot, 'console');
/** The pages Vite builds (console/vite.config.ts): the console and the citizen's call page. */
const pages = ['index.html', 'interview-call.html'];
const builtPages = pages.map((page) => path.join(consoleRoot, 'dist', page));
/** Shared code the console bundles (mission labels, API types, the staff contracts). */
const sharedSources = [path.join(repoRoot, 'miniprogram', 'domain'), path.join(repoRoot, 'contracts')];

export default async function buildConsole(): Promise<void> {
  const built = builtPages.every((page) => existsSync(page));
  if (built && !sourcesNewerThan(Math.min(...builtPages.map((page) => statSync(page).mtimeMs)))) return;
  // vite is ESM-only; a dynamic import stays an import() in this CommonJS build.
  const { build } = await import('vite');
  await build({ configFile: path.join(consoleRoot, 'vite.config.ts'), logLevel: 'warn' });
}

function sourcesNewerThan(builtAt: number): boolean {
  const roots = [
    path.join(consoleRoot, 'src'),
    ...pages.map((page) => path.join(consoleRoot, page)),
    path.join(consoleRoot, 'vite.config.ts'),
    ...sharedSources,
  ];
  return roots.some((root) => newestMtime(root) > builtAt);
}

function newestMtime(file: string): number {
  if (!existsSync(file)) return 0;
  const stat = statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(file).reduce((newest, name) => Math.max(newest, newestMtime(path.join(file, name))), stat.mtimeMs);
}
