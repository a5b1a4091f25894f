import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import simulate from 'miniprogram-simulate';

export const MINIPROGRAM_ROOT = path.resolve(__dirname, '../../../miniprogram');

function readUsingComponents(jsonPath: string): Record<string, string> {
  return (JSON.parse(fs.readFileSync(jsonPath, 'utf8')) as { usingComponents?: Record<string, string> }).usingComponents ?? {};
}

/**
 * miniprogram-simulate only follows relative and root-absolute component paths; WeChat also
 * resolves bare ones ("tdesign-miniprogram/button/button") through miniprogram_npm. Collect
 * those from the page and our own components and hand them over as root-absolute paths.
 */
function npmComponentOverrides(componentPath: string, seen = new Set<string>()): Record<string, string> {
  if (seen.has(componentPath)) return {};
  seen.add(componentPath);
  const overrides: Record<string, string> = {};
  for (const [tag, target] of Object.entries(readUsingComponents(`${componentPath}.json`))) {
    if (target.startsWith('/')) {
      Object.assign(overrides, npmComponentOverrides(path.join(MINIPROGRAM_ROOT, target), seen));
    } else if (!target.startsWith('.')) {
      overrides[tag] = `/miniprogram_npm/${target}`;
    }
  }
  return overrides;
}

/**
 * The official WXML compiler (wcc) compiles every .wxml under the root at once; the
 * subpackages' own TDesign copies (see scripts/build-miniprogram.ts) would only repeat the
 * main one, which is what the overrides above point at.
 */
function compilerOptions() {
  const files = (fs.readdirSync(MINIPROGRAM_ROOT, { recursive: true }) as string[])
    .map((file) => file.split(path.sep).join('/'))
    .filter((file) => !/^packages\/[^/]+\/miniprogram_npm\//.test(file));
  return {
    wxmlList: files.filter((f) => f.endsWith('.wxml')),
    wxsList: files.filter((f) => f.endsWith('.wxs')),
    maxBuffer: 16 * 1024 * 1024,
  };
}

/**
 * wcc's output for the whole tree, compiled once per run rather than once per test file
 * (simulate caches it per module registry, i.e. per file): kept in dist/test-wxml/ under a
 * hash of every template's path and content, so an edited template is compiled again.
 */
const wxmlCacheDir = path.resolve(__dirname, '../../../dist/test-wxml');
type Compiler = { wxmlToJs(root: string, options: ReturnType<typeof compilerOptions>): string };
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the same module object simulate requires
const compiler = require('miniprogram-compiler') as Compiler;
const compileWithWcc = compiler.wxmlToJs.bind(compiler);
compiler.wxmlToJs = (root, options) => {
  const hash = createHash('sha256');
  for (const file of [...options.wxmlList, ...options.wxsList]) hash.update(file).update('\0').update(fs.readFileSync(path.join(root, file))).update('\0');
  const cached = path.join(wxmlCacheDir, `${hash.digest('hex').slice(0, 16)}.js`);
  if (fs.existsSync(cached)) return fs.readFileSync(cached, 'utf8');
  const output = compileWithWcc(root, options);
  fs.mkdirSync(wxmlCacheDir, { recursive: true });
  // Written under a temporary name and renamed: two workers never read half a file.
  const temp = `${cached}.${process.pid}.tmp`;
  fs.writeFileSync(temp, output);
  fs.renameSync(temp, cached);
  return output;
};

/**
 * Registered once per test file: jest caches modules, so a page's Component() call runs only
 * on its first require, and later loads would register nothing.
 */
const loaded = new Map<string, string>();

function load(pagePath: string): string {
  let id = loaded.get(pagePath);
  if (!id) {
    const componentPath = path.join(MINIPROGRAM_ROOT, pagePath);
    id = simulate.load(componentPath, {
      rootPath: MINIPROGRAM_ROOT,
      usingComponents: npmComponentOverrides(componentPath),
      compilerOptions: compilerOptions(),
    } as unknown as simulate.LoadOptions);
    loaded.set(pagePath, id);
  }
  return id;
}

/** Renders a page or component by its mini-program path, e.g. "pages/home/index", and attaches it. */
export function renderPage(pagePath: string, properties?: Record<string, unknown>, beforeAttach?: (page: ReturnType<typeof simulate.render>) => void) {
  const id = load(pagePath);
  const page = simulate.render(id, properties);
  beforeAttach?.(page); // e.g. meter setData from the very first render
  page.attach(document.createElement('parent-wrapper'));
  return page;
}

export { simulate };
